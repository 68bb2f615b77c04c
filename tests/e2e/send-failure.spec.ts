// Optimistic sends: a failed send offers Retry, and a retry (same client_id) delivers once.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectConnected, messageWithText, openRoom, send, unique } from "./support/chat";

/** Server-action calls (POSTs with a Next-Action header), as the browser makes them. */
const isServerAction = (method: string, headers: Record<string, string>) => method === "POST" && "next-action" in headers;

async function countOnServer(page: Page, roomId: number, text: string): Promise<number> {
  const response = await page.request.get(`/api/chat/rooms/${roomId}/messages?limit=100`);
  const body = (await response.json()) as { messages: Array<{ content: string }> };
  return body.messages.filter((m) => m.content === text).length;
}

test("a send that fails shows Retry, and the retry delivers exactly once", async ({ signedIn, pageErrors }) => {
  // The aborted action call is logged by the browser as a failed load of the room's URL.
  pageErrors.allow(/Failed to load resource: net::ERR_FAILED \[http:\/\/localhost:\d+\/rooms\/\d+\]/);
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await alice.goto("/");
  await bob.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  await openRoom(bob, /End-of-tenancy clean/);

  // The network drops the action call: the server never sees it.
  await alice.route("**/*", (route) =>
    isServerAction(route.request().method(), route.request().headers()) ? route.abort("failed") : route.continue(),
  );
  const text = unique("Can you bring extra towels?");
  await send(alice, text);
  const mine = messageWithText(alice, text);
  await expect(mine).toContainText("Failed");
  await expect(mine.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(mine.getByRole("button", { name: "Delete" })).toBeVisible();
  expect(await countOnServer(alice, roomId, text)).toBe(0);

  await alice.unrouteAll({ behavior: "wait" });
  await mine.getByRole("button", { name: "Retry" }).click();
  await expect(mine).toContainText("Sent");
  await expect(messageWithText(alice, text)).toHaveCount(1);
  await expect(messageWithText(bob, text)).toHaveCount(1);
  expect(await countOnServer(alice, roomId, text)).toBe(1);
});

test("when the answer is lost after the server stored it, the realtime echo settles it once", async ({ signedIn, pageErrors }) => {
  // The aborted action call is logged by the browser as a failed load of the room's URL.
  pageErrors.allow(/Failed to load resource: net::ERR_FAILED \[http:\/\/localhost:\d+\/rooms\/\d+\]/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  await expectConnected(alice);
  const roomId = await openRoom(alice, /End-of-tenancy clean/);

  await alice.route("**/*", async (route) => {
    if (!isServerAction(route.request().method(), route.request().headers())) return route.continue();
    await route.fetch(); // the server stores the message...
    await route.abort("failed"); // ...and the browser never hears back
  });
  const text = unique("Stored but unanswered");
  await send(alice, text);
  const mine = messageWithText(alice, text);
  await expect(mine).toContainText("Sent");
  await expect(mine.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(messageWithText(alice, text)).toHaveCount(1);
  expect(await countOnServer(alice, roomId, text)).toBe(1);
  await alice.unrouteAll({ behavior: "ignoreErrors" });
});

test("a failed message can be deleted from the list", async ({ signedIn, pageErrors }) => {
  // The aborted action call is logged by the browser as a failed load of the room's URL.
  pageErrors.allow(/Failed to load resource: net::ERR_FAILED \[http:\/\/localhost:\d+\/rooms\/\d+\]/);
  const alice = await signedIn("alice");
  await alice.goto("/");
  await openRoom(alice, /End-of-tenancy clean/);
  await alice.route("**/*", (route) =>
    isServerAction(route.request().method(), route.request().headers()) ? route.abort("failed") : route.continue(),
  );
  const text = unique("Never mind");
  await send(alice, text);
  const mine = messageWithText(alice, text);
  await mine.getByRole("button", { name: "Delete" }).click();
  await expect(mine).toHaveCount(0);
  await alice.unrouteAll({ behavior: "wait" });
});

test("no answer within 10 s turns the message Failed; a late answer still settles it once", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  await alice.goto("/");
  const roomId = await openRoom(alice, /End-of-tenancy clean/);
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await alice.route("**/*", async (route) => {
    if (!isServerAction(route.request().method(), route.request().headers())) return route.continue();
    await held;
    await route.continue();
  });
  const text = unique("Slow network");
  await send(alice, text);
  const mine = messageWithText(alice, text);
  await expect(mine).toContainText("Sending");
  await expect(mine).toContainText("Failed", { timeout: 15_000 });
  await expect(mine.getByRole("button", { name: "Retry" })).toBeVisible();

  release();
  await expect(mine).toContainText("Sent");
  await expect(messageWithText(alice, text)).toHaveCount(1);
  expect(await countOnServer(alice, roomId, text)).toBe(1);
  await alice.unrouteAll({ behavior: "ignoreErrors" });
});
