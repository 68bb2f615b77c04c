// WebSocket first, REST when it is gone: with the realtime server stopped, a banner shows and
// messages still arrive by polling; after it restarts, nothing is missing or doubled.
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, renderedIds, send, unique } from "./support/chat";
import { startRealtime, stopRealtime } from "./support/realtime-control";
import { POLL_INTERVAL_MS } from "@/lib/chat/client/connection-watch";

test.afterEach(async () => {
  await startRealtime();
});

test("realtime down: banner, polling delivers, and after restart nothing is missed or duplicated", async ({ signedIn, pageErrors }) => {
  // pusher-js retrying while the realtime server is stopped.
  pageErrors.allow(/WebSocket connection to 'wss?:\/\/127\.0\.0\.1:\d+\/app\/[\w-]+\?[^']*' failed: .*ERR_CONNECTION_REFUSED/);
  test.setTimeout(120_000);
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  // Bob's timers run on Playwright's clock (in step with real time until the end, when it is
  // moved forward past a poll interval).
  await bob.clock.install();
  await alice.goto("/");
  await bob.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  await openRoom(bob, /End-of-tenancy clean/);

  await stopRealtime();
  const banner = (page: typeof bob) => page.getByRole("status").filter({ hasText: "Reconnecting…" });
  await expect(banner(bob)).toBeVisible({ timeout: 15_000 });
  await expect(banner(alice)).toBeVisible({ timeout: 15_000 });

  const whileDown = [unique("Sent while offline 1"), unique("Sent while offline 2")];
  for (const text of whileDown) {
    await send(alice, text);
    await expect(messageWithText(alice, text)).toContainText("Sent");
  }
  for (const text of whileDown) await expect(messageWithText(bob, text)).toHaveCount(1, { timeout: 15_000 });

  // One more just before the restart: the catch-up after reconnecting must bring it.
  const beforeRestart = unique("Sent just before the restart");
  await send(alice, beforeRestart);
  await expect(messageWithText(alice, beforeRestart)).toContainText("Sent");

  await startRealtime();
  await expectConnected(bob);
  await expectConnected(alice);
  await expect(banner(bob)).toBeHidden();
  await expect(messageWithText(bob, beforeRestart)).toHaveCount(1);

  // Connected again: no more polling.
  await expect(bob.locator("section[data-subscribed]")).toHaveAttribute("data-subscribed", "true");
  const requests: string[] = [];
  bob.on("request", (request) => requests.push(request.url()));
  const live = unique("Live again");
  await send(alice, live);
  await expect(messageWithText(bob, live)).toHaveCount(1);
  // A poll still running would fire as the clock passes its interval; a request sent after
  // that is seen after any poll's request.
  await bob.clock.runFor(POLL_INTERVAL_MS + 1_000);
  const marker = `/api/health?after=${Date.now()}`;
  await bob.evaluate((url) => fetch(url).then((r) => r.status), marker);
  await expect.poll(() => requests.some((url) => url.endsWith(marker))).toBe(true);
  expect(requests.filter((url) => url.includes("/messages?"))).toEqual([]);

  for (const text of [...whileDown, beforeRestart, live]) {
    await expect(messageWithText(bob, text)).toHaveCount(1);
    await expect(messageWithText(alice, text)).toHaveCount(1);
  }
  const ids = await renderedIds(bob);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort((a, b) => a - b)).toEqual(ids);
});
