// The longest message in its heaviest script reaches the other person live and whole: 4,000
// CJK characters are 12 KB of UTF-8, over the realtime server's 10 KB event limit, so the event
// carries a preview and the browser fetches the rest by id, without a reload or polling.
import { expectConnected, messageWithText, openRoom, send, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

test("a 4,000-character CJK message is seen complete by the other person without a reload", async ({ signedIn }) => {
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  // Every connection signs in (pusher:signin), so the app can cut it off later.
  const signins: number[] = [];
  bob.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/pusher/user-auth") signins.push(response.status());
  });
  await alice.goto("/");
  await bob.goto("/");
  await expectConnected(alice);
  await expectConnected(bob);
  await expect.poll(() => signins).toContain(200);
  const roomId = await openRoom(bob, /End-of-tenancy clean/);
  await openRoom(alice, /End-of-tenancy clean/);
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));
  const fetchedById: string[] = [];
  bob.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/chat/rooms/${roomId}/messages` && url.searchParams.get("limit") === "1") fetchedById.push(url.search);
  });

  const marker = unique("長文");
  const content = `${marker} ${"漢".repeat(4000 - marker.length - 1)}`;
  expect(content.length).toBe(4000);
  await send(alice, content);
  await expect(messageWithText(alice, marker)).toContainText("Sent");

  const received = messageWithText(bob, marker);
  await expect(received).toHaveCount(1);
  await expect(received).toContainText(content);
  expect(fetchedById.length).toBeGreaterThan(0);
  await expect(bob.locator("[data-realtime]")).toHaveAttribute("data-realtime", "connected");
  expect(await bob.evaluate(() => "__noReload" in window)).toBe(true);
});
