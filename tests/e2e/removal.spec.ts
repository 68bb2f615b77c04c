// Removed means cut off now: the removed person's open room says so and leaves their list at
// once, without a reload, while the WebSocket reconnects for everything else.
import { createGroup, expectConnected, messageWithText, openRoom, roomLink, send, unique } from "./support/chat";
import { expect, test } from "./support/fixtures";

test("a member removed from a group sees it at once in the open room and their list", async ({ signedIn, pageErrors }) => {
  // Reconnected after the termination, Bob's page asks again for the room's channel and is refused.
  pageErrors.allow(/status of 403 \(Forbidden\) \[http:\/\/localhost:\d+\/api\/pusher\/auth\]/);
  const alice = await signedIn("alice");
  const bob = await signedIn("bob");
  await bob.goto("/");
  await expectConnected(bob);
  const name = unique("Short-lived crew");
  await createGroup(alice, name, ["Bob Cleaner"]);
  const roomId = Number(alice.url().split("/").pop());

  await openRoom(bob, name);
  await bob.evaluate(() => Object.assign(window, { __noReload: true }));
  const members = (await (await alice.request.get(`/api/chat/rooms/${roomId}/members`)).json()) as { members: Array<{ id: number; name: string }> };
  const bobId = members.members.find((m) => m.name === "Bob Cleaner")?.id;
  expect(bobId).toBeDefined();

  const removed = await alice.request.delete(`/api/chat/rooms/${roomId}/members/${bobId}`);
  expect(removed.status()).toBe(204);

  await expect(bob.getByText("You’re no longer a member of this conversation.")).toBeVisible();
  // Nothing left to send into: the composer is gone with the membership.
  await expect(bob.getByLabel("Message", { exact: true })).toHaveCount(0);
  await expect(roomLink(bob, name)).toHaveCount(0);
  await expectConnected(bob);

  await openRoom(alice, name);
  const after = unique("Only Alice left");
  await send(alice, after);
  await expect(messageWithText(alice, after)).toContainText("Sent");
  await expect(messageWithText(bob, after)).toHaveCount(0);
  expect(await bob.evaluate(() => "__noReload" in window)).toBe(true);
});
