// Seen receipts with two or three people live: "Sent" turns "Seen" (time on hover and focus),
// a group's "Seen by N" names its readers, and the "Send read receipts" setting (on the settings
// page) works both ways.
import type { Page } from "@playwright/test";
import { createGroup, expectConnected, messageList, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

const receipt = (page: Page) => messageList(page).getByTestId("receipt");
const unreadIn = async (page: Page, roomId: number) => {
  const { rooms } = (await (await page.request.get("/api/chat/rooms")).json()) as { rooms: Array<{ id: number; unread_count: number }> };
  return rooms.find((r) => r.id === roomId)?.unread_count;
};
/** On the settings page (the sidebar's "Settings" link), then back where the page was. */
const setReceipts = async (page: Page, on: boolean) => {
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const box = page.getByRole("checkbox", { name: /Send read receipts/ });
  await box.setChecked(on);
  await expect(box).toBeChecked({ checked: on });
  await expect(box).toBeEnabled();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Saved");
  await page.goBack();
};

test("my latest message turns from Sent to Seen when the other person reads it, with the time", async ({ signedIn }) => {
  const [alice, bob] = await Promise.all([signedIn("alice"), signedIn("bob")]);
  await bob.goto("/");
  await expectConnected(bob);
  await alice.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  const text = unique("Keys are under the mat");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");
  await expect(receipt(alice)).toHaveCount(0);

  await openRoom(bob, /End-of-tenancy clean/);
  await expect(messageWithText(bob, text)).toHaveCount(1);
  await expect(receipt(alice)).toHaveText(/^Seen/);
  // Right under the message it is about: the item just before it is my latest message.
  await expect(
    alice
      .locator("[data-message-id]")
      .filter({ has: alice.getByText(text) })
      .locator("xpath=following-sibling::li[1]"),
  ).toHaveAttribute("data-testid", "receipt");
  const tip = alice.getByRole("tooltip");
  await expect(tip).toBeHidden();
  await receipt(alice).locator("[tabindex]").focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/\d{1,2}:\d{2}/);
  await receipt(alice).locator("[tabindex]").blur();
  await expect(tip).toBeHidden();
  await receipt(alice).locator("[tabindex]").hover();
  await expect(tip).toBeVisible();

  // A newer message of mine starts over, until Bob (still in the room) reads it too.
  const next = unique("And the bins go out Tuesday");
  await send(alice, next);
  await expect(messageWithText(bob, next)).toHaveCount(1);
  await expect(receipt(alice)).toHaveCount(1);
  await expect(
    alice
      .locator("[data-message-id]")
      .filter({ has: alice.getByText(next) })
      .locator("xpath=following-sibling::li[1]"),
  ).toHaveAttribute("data-testid", "receipt");
  // It survives a reload: the marks come with the page.
  await alice.reload();
  await expect(receipt(alice)).toHaveText(/^Seen/);
});

test("in a group, Seen by N names the readers in a popover", async ({ signedIn }) => {
  const [alice, bob, carol] = await Promise.all([signedIn("alice"), signedIn("bob"), signedIn("carol")]);
  await Promise.all([bob.goto("/"), carol.goto("/")]);
  await Promise.all([expectConnected(bob), expectConnected(carol)]);
  const name = unique("Stairwell clean");
  await createGroup(alice, name, ["Bob Cleaner", "Carol Client"]);
  await expect(alice.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
  const text = unique("Who can do Saturday?");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");

  await expect(roomLink(bob, name)).toBeVisible();
  await openRoom(bob, name);
  const seenBy = receipt(alice).getByRole("button", { name: /^Seen by \d$/ });
  await expect(seenBy).toHaveText("Seen by 1");
  await openRoom(carol, name);
  await expect(seenBy).toHaveText("Seen by 2");
  await expect(seenBy).toHaveAttribute("aria-expanded", "false");
  await seenBy.click();
  await expect(seenBy).toHaveAttribute("aria-expanded", "true");
  const popover = alice.getByRole("region", { name: "Seen by" });
  await expect(popover.getByRole("listitem")).toHaveText(["Bob Cleaner", "Carol Client"]);
  await seenBy.press("Escape");
  await expect(popover).toBeHidden();
});

test("with read receipts off, the others never see mine and I see none of theirs", async ({ signedIn }) => {
  const [carol, dan] = await Promise.all([signedIn("carol"), signedIn("dan")]);
  await dan.goto("/");
  await expectConnected(dan);
  await setReceipts(dan, false);
  try {
    const name = unique("Quiet room");
    await createGroup(carol, name, ["Dan Cleaner"]);
    await expect(carol.locator("section[data-room-id]")).toHaveAttribute("data-subscribed", "true", { timeout: 20_000 });
    const text = unique("Can you confirm?");
    await send(carol, text);

    // Dan reads it (the server has his mark), yet Carol never sees Seen: not live, not on reload.
    await expect(roomLink(dan, name)).toBeVisible();
    const roomId = await openRoom(dan, name);
    await expect(messageWithText(dan, text)).toHaveCount(1);
    await expect.poll(() => unreadIn(dan, roomId)).toBe(0);
    const reply = unique("Confirmed");
    await send(dan, reply);
    await expect(messageWithText(carol, reply)).toHaveCount(1);
    await expect(receipt(carol)).toHaveCount(0);
    await carol.reload();
    await expect(messageWithText(carol, reply)).toHaveCount(1);
    await expect(receipt(carol)).toHaveCount(0);

    // Carol reads Dan's reply (she sends receipts), yet Dan sees none.
    await expect.poll(() => unreadIn(carol, roomId)).toBe(0);
    await expect(receipt(dan)).toHaveCount(0);
    await dan.reload();
    await expect(messageWithText(dan, reply)).toHaveCount(1);
    await expect(receipt(dan)).toHaveCount(0);

    // Back on: Dan sees Carol's receipt at once.
    await setReceipts(dan, true);
    await expect(receipt(dan)).toHaveText("Seen by 1");
  } finally {
    await dan.request.patch("/api/chat/me/settings", { data: { read_receipts: true }, headers: { origin: new URL(dan.url()).origin } });
  }
});
