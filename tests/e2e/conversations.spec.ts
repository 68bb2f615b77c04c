// Starting conversations: a direct message and a group, from the sidebar's dialogs.
import { expect, test } from "./support/fixtures";
import { createGroup, expectConnected, messageWithText, roomLink, send, unique } from "./support/chat";

test("a new direct message opens the conversation with that person", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  await alice.getByRole("button", { name: "New message" }).click();
  const dialog = alice.getByRole("dialog", { name: "New message" });
  await dialog.getByLabel("Search people").fill("Dan");
  await dialog.getByRole("button", { name: /Dan Cleaner/ }).click();
  await expect(alice.getByRole("heading", { level: 1, name: "Dan Cleaner" })).toBeVisible();
  await expect(dialog).toBeHidden();
  const text = unique("Hi Dan");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");
  await expect(roomLink(alice, /Dan Cleaner/)).toContainText(text);
});

test("a new group appears for its members at once", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Deep clean crew");
  await createGroup(alice, name, ["Bob Cleaner"]);
  await expect(roomLink(bob, name)).toBeVisible();
});
