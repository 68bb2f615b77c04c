// A message whose live event never reaches the tab is fetched as soon as the next one arrives:
// its seq skips one, and the store fetches the gap over REST at once, with the WebSocket left as
// it was (no reconnect, no reload). The room on screen does not count the new messages as unread.
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, renderedIds, roomLink, send, unique } from "./support/chat";
import { EVENTS } from "@/lib/wire/events";

test("a missed message.created is fetched when the next message shows the seq gap, without reconnecting", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  const missed = unique("Lost on the way");
  // Bob's WebSocket drops the one message.created that carries `missed`.
  let sockets = 0;
  let dropped = 0;
  await bob.routeWebSocket(/\/app\//, (ws) => {
    sockets++;
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      if (typeof frame === "string") {
        const parsed = JSON.parse(frame) as { event?: string; data?: string };
        if (parsed.event === EVENTS.messageCreated && parsed.data?.includes(missed)) {
          dropped++;
          return;
        }
      }
      ws.send(frame);
    });
  });
  await bob.goto("/");
  await expectConnected(bob);
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));
  await alice.goto("/");
  await expectConnected(alice);
  await openRoom(alice, /End-of-tenancy clean/);
  await openRoom(bob, /End-of-tenancy clean/);

  await send(alice, missed);
  await expect(messageWithText(alice, missed)).toContainText("Sent");
  await expect.poll(() => dropped).toBe(1);
  await expect(messageWithText(bob, missed)).toHaveCount(0);

  const next = unique("Arrives live");
  await send(alice, next);
  await expect(messageWithText(bob, next)).toHaveCount(1);
  await expect(messageWithText(bob, missed)).toHaveCount(1);
  const ids = await renderedIds(bob);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.slice(-2)).toEqual([...ids.slice(-2)].sort((a, b) => a - b));

  // The same socket all along, the page never reloaded, and the open room shows no unread badge.
  expect(sockets).toBe(1);
  expect(await bob.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await expect(roomLink(bob, /End-of-tenancy clean/)).not.toContainText("unread");
});
