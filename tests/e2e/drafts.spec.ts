// A draft per room: unsent text survives switching rooms and a reload, and sending clears it.
import { signInThroughForm } from "./support/admin";
import { expect, test } from "./support/fixtures";
import { messageWithText, openRoom, roomLink, unique } from "./support/chat";
import { USERS } from "./support/users";

test("a draft survives switching rooms and a reload, then sends and is gone", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await bob.goto("/");
  await openRoom(bob, /Weekend team/);

  await alice.goto("/");
  await openRoom(alice, /Weekend team/);
  const box = alice.getByRole("textbox", { name: "Message" });
  const draft = unique("Draft for the team");
  await box.pressSequentially(draft);
  await box.press("Shift+Enter");
  await box.pressSequentially("second line");

  // Another room has its own (empty, then different) draft.
  await openRoom(alice, /Carol Client/);
  await expect(box).toHaveValue("");
  const other = unique("Draft for Carol");
  await box.fill(other);

  const teamId = await openRoom(alice, /Weekend team/);
  await expect(box).toHaveValue(`${draft}\nsecond line`);

  await alice.reload();
  await expect(box).toHaveValue(`${draft}\nsecond line`);
  await expect(alice.getByRole("button", { name: "Send" })).toBeEnabled();
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(messageWithText(alice, draft)).toContainText("Sent");
  await expect(messageWithText(bob, draft)).toBeVisible();

  // Sent means no draft any more, also after a reload; the other room's draft is untouched.
  await alice.reload();
  await expect(alice.locator(`section[data-room-id="${teamId}"]`)).toHaveAttribute("data-subscribed", "true");
  await expect(messageWithText(alice, draft)).toBeVisible();
  await expect(box).toHaveValue("");
  await roomLink(alice, /Carol Client/).click();
  await expect(box).toHaveValue(other);
});

test("signing out forgets the drafts, so the next person at the browser sees none", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /Weekend team/);
  const box = alice.getByRole("textbox", { name: "Message" });
  const draft = unique("Private draft");
  await box.fill(draft);
  await openRoom(alice, /Carol Client/);
  await openRoom(alice, /Weekend team/);
  await expect(box).toHaveValue(draft);

  await alice.getByRole("button", { name: "Sign out" }).click();
  await alice.waitForURL("**/login**");
  await signInThroughForm(alice, USERS.alice.email);
  const teamId = await openRoom(alice, /Weekend team/);
  await expect(alice.locator(`section[data-room-id="${teamId}"]`)).toHaveAttribute("data-subscribed", "true");
  await expect(box).toHaveValue("");
});
