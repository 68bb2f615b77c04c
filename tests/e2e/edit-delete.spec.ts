// Editing and deleting my own message, with two people live: the other side sees "(edited)" and
// "This message was deleted." without a reload, and the room list's preview follows.
import { createGroup, expectConnected, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

test("an edit and a delete reach the other person live; the list preview follows", async ({ signedIn, asAdmin }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Key handover");
  await createGroup(alice, name, ["Bob Cleaner"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  await expect(roomLink(bob, name)).toBeVisible();
  const roomId = await openRoom(bob, name);

  const first = unique("Keys under the mat");
  await send(alice, first);
  const typo = unique("See you at 9");
  await send(alice, typo);
  await expect(messageWithText(bob, typo)).toHaveCount(1);

  // Edit from the menu: the composer holds the text; Enter saves.
  await messageWithText(alice, typo).getByRole("button", { name: "Message actions" }).click();
  const menu = alice.getByRole("menu", { name: "Message actions" });
  await expect(menu.getByRole("menuitem", { name: "Reply" })).toBeEnabled();
  await menu.getByRole("menuitem", { name: "Edit" }).click();
  const box = alice.getByRole("textbox", { name: "Message" });
  await expect(box).toHaveValue(typo);
  const fixed = unique("See you at 10");
  await box.fill(fixed);
  await box.press("Enter");
  await expect(messageWithText(bob, fixed)).toContainText("(edited)");
  await expect(messageWithText(bob, typo)).toHaveCount(0);
  await expect(roomLink(bob, name)).toContainText(fixed);
  await expect(box).toHaveValue("");

  // The admin's room page keeps the text it replaced.
  const admin = await asAdmin();
  await admin.goto(`/admin/rooms/${roomId}`);
  const row = admin.getByRole("row").filter({ hasText: fixed });
  await row.getByText("Edited once").click();
  await expect(row.getByRole("list", { name: /^Earlier versions of message/ })).toContainText(typo);

  // Up arrow in the empty composer edits my last message; Escape cancels and changes nothing.
  await box.press("ArrowUp");
  await expect(box).toHaveValue(fixed);
  await expect(alice.getByText("Editing message")).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveValue("");
  await expect(alice.getByText("Editing message")).toHaveCount(0);

  // Someone else's message offers no Edit or Delete, and can be reported.
  const bobs = unique("Thanks");
  await send(bob, bobs);
  await messageWithText(alice, bobs).getByRole("button", { name: "Message actions" }).click();
  await expect(menu.getByRole("menuitem")).toHaveText(["Reply", "Report"]);
  await alice.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);

  // Bob deletes his (the room's latest): Alice's list goes back to the edited message.
  await messageWithText(bob, bobs).getByRole("button", { name: "Message actions" }).click();
  await bob.getByRole("menu", { name: "Message actions" }).getByRole("menuitem", { name: "Delete" }).click();
  await expect(messageWithText(alice, bobs)).toHaveCount(0);
  await expect(alice.getByRole("region", { name: "Messages" }).getByText("This message was deleted.")).toHaveCount(1);
  await expect(roomLink(alice, name)).toContainText(fixed);

  // Alice deletes the edited one: Bob sees it deleted, and the preview falls back to the first.
  await messageWithText(alice, fixed).getByRole("button", { name: "Message actions" }).click();
  await menu.getByRole("menuitem", { name: "Delete" }).click();
  await expect(messageWithText(bob, fixed)).toHaveCount(0);
  await expect(bob.getByRole("region", { name: "Messages" }).getByText("This message was deleted.")).toHaveCount(2);
  await expect(roomLink(bob, name)).toContainText(first);

  // It stays so after a reload.
  await bob.reload();
  await expect(bob.getByRole("region", { name: "Messages" }).getByText("This message was deleted.")).toHaveCount(2);
  await expect(messageWithText(bob, first)).toHaveCount(1);
});
