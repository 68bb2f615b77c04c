// @mentions with two people live: Alice picks Bob from the composer's suggestions with the
// keyboard; Bob, in another room, sees the "@" badge on that room in his list, the mention
// highlighted when he opens it, and the badge gone once he has read it.
import { createGroup, expectConnected, messageWithText, openRoom, roomLink, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

test("a mention picked with the keyboard reaches Bob live: badge in the list, highlight in the room, cleared by reading", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  const elsewhere = unique("Elsewhere");
  await createGroup(bob, elsewhere, ["Dan Cleaner"]);
  await expectConnected(bob);

  const name = unique("Mentions");
  await createGroup(alice, name, ["Bob Cleaner", "Carol Client"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(roomLink(bob, name)).toBeVisible();

  // "@c" offers Bob (username cleaner1) and Carol (Client), not Alice herself.
  const box = alice.getByRole("textbox", { name: "Message" });
  await box.pressSequentially("Keys for @c");
  const list = alice.getByRole("listbox", { name: "Mention someone" });
  await expect(list.getByRole("option")).toHaveText([/Bob Cleaner/, /Carol Client/]);
  const bobOption = list.getByRole("option", { name: /Bob Cleaner/ });
  const carolOption = list.getByRole("option", { name: /Carol Client/ });
  await expect(bobOption).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id")) ?? "");
  await box.press("ArrowDown");
  await expect(carolOption).toHaveAttribute("aria-selected", "true");
  await expect(bobOption).toHaveAttribute("aria-selected", "false");
  await box.press("ArrowUp");
  await expect(bobOption).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await bobOption.getAttribute("id")) ?? "");
  await box.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue("Keys for @Bob Cleaner ");
  const tail = unique("under the mat");
  await box.pressSequentially(tail);
  await box.press("Enter");
  await expect(box).toHaveValue("");

  const sent = messageWithText(alice, tail);
  await expect(sent).toContainText(`Keys for @Bob Cleaner ${tail}`);
  // Not Alice herself: no highlight on her side.
  await expect(sent.locator("mark")).toHaveCount(0);

  // Bob, reading another room, sees the badge and the names (not tokens) in the preview.
  await openRoom(bob, elsewhere);
  const link = roomLink(bob, name);
  await expect(link).toContainText("mentioned you");
  await expect(link).toContainText(`@Bob Cleaner ${tail}`);
  await expect(link).not.toContainText("<@");

  await openRoom(bob, name);
  const received = messageWithText(bob, tail);
  await expect(received.locator("mark")).toHaveText("@Bob Cleaner");
  await expect(link).not.toContainText("mentioned you");
  await openRoom(bob, elsewhere);
  await expect(link).not.toContainText("mentioned you");
  await bob.reload();
  await expect(roomLink(bob, name)).toBeVisible();
  await expect(roomLink(bob, name)).not.toContainText("mentioned you");
  await expect(roomLink(bob, name)).not.toContainText("1 unread");
});

test("suggestions close with Escape, pick with a tap, and an edit keeps the mention", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Mention edits");
  await createGroup(alice, name, ["Bob Cleaner", "Carol Client"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(roomLink(bob, name)).toBeVisible();
  await openRoom(bob, name);

  const box = alice.getByRole("textbox", { name: "Message" });
  const list = alice.getByRole("listbox", { name: "Mention someone" });
  await box.pressSequentially("@bo");
  await expect(list.getByRole("option")).toHaveText([/Bob Cleaner/]);
  await box.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue("@bo");

  await box.fill("");
  await box.pressSequentially("Ask @car");
  await list.getByRole("option", { name: /Carol Client/ }).click();
  await expect(box).toHaveValue("Ask @Carol Client ");
  await expect(box).toBeFocused();
  // The saved draft keeps the picked mention across a reload.
  await alice.reload();
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(box).toHaveValue("Ask @Carol Client ");
  await box.press("End");
  const tail = unique("about the keys");
  await box.pressSequentially(tail);
  await box.press("Enter");
  const onBob = messageWithText(bob, tail);
  await expect(onBob).toContainText(`Ask @Carol Client ${tail}`);
  await expect(onBob.locator("mark")).toHaveCount(0);

  // Editing shows the name, not the token, and the saved edit still mentions her.
  await box.press("ArrowUp");
  await expect(box).toHaveValue(`Ask @Carol Client ${tail}`);
  await box.press("End");
  await box.pressSequentially(" and @bob");
  await expect(list.getByRole("option")).toHaveText([/Bob Cleaner/]);
  await box.press("Enter");
  await box.press("Enter");
  await expect(onBob).toContainText("(edited)");
  await expect(onBob).toContainText(`Ask @Carol Client ${tail} and @Bob Cleaner`);
  await expect(onBob.locator("mark")).toHaveText("@Bob Cleaner");
  await expect(onBob).not.toContainText("<@");
});
