// Two people in separate browser contexts: live delivery, the room list following it, read
// state across tabs, and typing indicators.
import type { Locator } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";

// The badge alone: the row's text runs the preview (which may end in digits) into it.
const badge = (row: Locator) => row.getByText(/^\d+ unread$/);
const unreadIn = async (row: Locator) => ((await badge(row).count()) ? Number((await badge(row).textContent())?.split(" ")[0]) : 0);

test("a message reaches the other person live; their list, badge and read state follow", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await bob.goto("/");
  await expectConnected(bob);
  await alice.goto("/");
  await expectConnected(alice);
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));

  // Make another of Bob's rooms the newest, so the job room has to move to the top.
  await openRoom(alice, "Weekend team");
  const warmUp = unique("Weekend plans");
  await send(alice, warmUp);
  const rows = bob.getByRole("navigation", { name: "Conversations" }).getByRole("link");
  await expect(rows.first()).toContainText(warmUp);
  const jobRow = roomLink(bob, /End-of-tenancy clean/);
  const unreadBefore = await unreadIn(jobRow);

  await openRoom(alice, /End-of-tenancy clean/);
  const text = unique("Hello Bob, are you free tomorrow?");
  await send(alice, text);
  await expect(messageWithText(alice, text)).toContainText("Sent");

  await expect(rows.first()).toContainText("End-of-tenancy clean, 2-bed flat");
  await expect(rows.first()).toContainText(`client1: ${text}`);
  await expect(badge(rows.first())).toHaveText(`${unreadBefore + 1} unread`);
  await expect(bob).toHaveTitle(/^\(\d+\) JobChat$/);

  // A second tab of Bob's sees the badge drop when he reads the room in the first.
  const bobOtherTab = await bob.context().newPage();
  await bobOtherTab.goto("/");
  await expectConnected(bobOtherTab);
  await expect(roomLink(bobOtherTab, /End-of-tenancy clean/)).toContainText("unread");

  await openRoom(bob, /End-of-tenancy clean/);
  await expect(messageWithText(bob, text)).toHaveCount(1);
  await expect(bob.getByText("New messages")).toBeVisible();
  await expect(roomLink(bobOtherTab, /End-of-tenancy clean/)).not.toContainText("unread");

  // While both have the room open, messages flow live both ways, once each.
  const reply = unique("Yes, from 9am");
  await send(bob, reply);
  await expect(messageWithText(alice, reply)).toHaveCount(1);
  const again = unique("Great, see you then");
  await send(alice, again);
  await expect(messageWithText(bob, again)).toHaveCount(1);
  await expect(messageWithText(alice, again)).toHaveCount(1);
  expect(await bob.evaluate(() => "__noReload" in window)).toBe(true);
});

test("typing shows on the other side, goes client to client, and clears on send and on blur", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await alice.goto("/");
  await bob.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  const roomId = await openRoom(bob, /End-of-tenancy clean/);
  // Opening the room marks it read (a server action, 400 ms later): let that land first, so
  // the requests counted below are only what typing causes.
  await expect
    .poll(async () => {
      const { rooms } = (await (await bob.request.get("/api/chat/rooms")).json()) as { rooms: Array<{ id: number; unread_count: number }> };
      return rooms.find((r) => r.id === roomId)?.unread_count;
    })
    .toBe(0);

  const requests: string[] = [];
  bob.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
  const box = bob.getByRole("textbox", { name: "Message" });
  await box.pressSequentially("On my way", { delay: 30 });
  const typing = alice.getByText("Bob Cleaner is typing…");
  await expect(typing).toBeVisible();
  expect(requests).toEqual([]);

  const sent = unique("On my way");
  await box.fill(sent);
  await box.press("Enter");
  await expect(typing).toBeHidden();
  // Typing again only once the message is on Alice's screen: its message.created also clears
  // Bob's typing there, and could otherwise arrive after the new typing event.
  await expect(messageWithText(alice, sent)).toHaveCount(1);

  await box.pressSequentially("Parking now");
  await expect(typing).toBeVisible();
  await box.blur();
  await expect(typing).toBeHidden();
});
