// A room opened and left at once is read: the list hides the open room's badge, so a read still
// waiting for its debounce is sent on leaving, and the badge does not come back.
import { createGroup, expectConnected, messageWithText, roomLink, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

test("a room opened and left before its read was sent stays read", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  const elsewhere = unique("Elsewhere");
  await createGroup(bob, elsewhere, ["Dan Cleaner"]);
  await expectConnected(bob);

  const name = unique("Glance");
  await createGroup(alice, name, ["Bob Cleaner"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  const text = unique("The key is in the blue box");
  const box = alice.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
  await expect(messageWithText(alice, text)).toContainText("Sent");

  const link = roomLink(bob, name);
  await expect(link).toContainText("1 unread");
  // A glance: the message is on screen, then straight back before the read's debounce (400 ms)
  // is up. The page's timers are held still while Bob does it, so it is a glance however slow
  // the machine.
  await bob.clock.install();
  await bob.clock.pauseAt(Date.now() + 1000);
  await link.click();
  await expect(messageWithText(bob, text)).toBeVisible();
  await roomLink(bob, elsewhere).click();
  await expect(link).not.toHaveAttribute("aria-current", "page");
  await bob.clock.resume();
  await expect(link).not.toContainText("1 unread");
  await bob.reload();
  await expect(roomLink(bob, name)).toBeVisible();
  await expect(roomLink(bob, name)).not.toContainText("unread");
});
