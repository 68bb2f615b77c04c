// A failed publish is not lost: while the realtime server refuses every publish call (its
// WebSocket side untouched, so no browser falls back to polling), a message is stored and its
// events wait in the outbox; once publishes are accepted again, the production server's drainer
// (started by instrumentation.ts) delivers it to the other browser live, once, without a reload.
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, send, unique } from "./support/chat";
import { acceptPublishes, failPublishes } from "./support/realtime-control";

test.afterEach(async () => {
  await acceptPublishes();
});

test("a message whose publish failed reaches the other browser from the outbox, once, without a reload", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await alice.goto("/");
  await bob.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  await openRoom(bob, /End-of-tenancy clean/);
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));

  await failPublishes();
  const text = unique("Kept in the outbox");
  await send(alice, text);
  // Stored: the send's answer came back, after its (refused) publish was tried.
  await expect(messageWithText(alice, text)).toContainText("Sent");
  await expect(messageWithText(bob, text)).toHaveCount(0);

  await acceptPublishes();
  await expect(messageWithText(bob, text)).toHaveCount(1, { timeout: 15_000 });
  await expectConnected(bob);
  // Still the page it was: no reload, no polling fallback.
  expect(await bob.evaluate(() => "__noReload" in window)).toBe(true);
  await expect(bob.getByRole("status").filter({ hasText: "Reconnecting…" })).toHaveCount(0);
});
