// The room list is SWR-revalidated: a room list event (a send's room.activity, or a room.updated)
// that never reaches the tab is made up for when the tab regains focus, and when the browser
// comes back online.
import { expect, test } from "./support/fixtures";
import { expectConnected, openRoom, roomLink, send, unique } from "./support/chat";
import { EVENTS } from "@/lib/wire/events";

test("a lost room update shows after the tab regains focus, and after the browser comes back online", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  // Bob's WebSocket delivers everything except the room list's updates.
  const listEvents: string[] = [EVENTS.roomUpdated, EVENTS.roomActivity];
  let dropped = 0;
  await bob.routeWebSocket(/\/app\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      if (typeof frame === "string" && listEvents.includes((JSON.parse(frame) as { event?: string }).event ?? "")) {
        dropped++;
        return;
      }
      ws.send(frame);
    });
  });
  await bob.goto("/");
  await expectConnected(bob);
  await alice.goto("/");
  await expectConnected(alice);
  await openRoom(alice, /End-of-tenancy clean/);
  const jobRow = roomLink(bob, /End-of-tenancy clean/);

  const first = unique("Seen after focus");
  const before = dropped;
  await send(alice, first);
  await expect.poll(() => dropped).toBeGreaterThan(before);
  await expect(jobRow).not.toContainText(first);
  // SWR revalidates on focus at most once per 5 s (focusThrottleInterval, counted from mount):
  // focus again until one gets through.
  await expect(async () => {
    await bob.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(jobRow).toContainText(first, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const second = unique("Seen after reconnect");
  const beforeSecond = dropped;
  await send(alice, second);
  await expect.poll(() => dropped).toBeGreaterThan(beforeSecond);
  await expect(jobRow).not.toContainText(second);
  // A request within SWR's 2 s deduping window of the last one is not repeated: until one is.
  await expect(async () => {
    await bob.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(jobRow).toContainText(second, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
