// Typing shows who the realtime server says sent it (the presence member our auth route signed),
// never the user_id or username the payload claims. Real pusher-js clients authorized through
// our routes, the real embedded server, and the receiving tab's real store and bindings.
import { afterAll, afterEach, beforeAll, expect, inject, it } from "vitest";
import type PusherJs from "pusher-js";
import { roomPresenceChannel } from "@/lib/realtime/channels";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { openTab, realtimeClient, startAuthServer, type Tab } from "@/tests/support/realtime-tab";

const rt = inject("realtime");
let auth: Awaited<ReturnType<typeof startAuthServer>>;
let tab: Tab | undefined;
let sender: PusherJs | undefined;

beforeAll(async () => {
  auth = await startAuthServer();
});
afterEach(() => {
  tab?.close();
  sender?.disconnect();
});
afterAll(() => auth.close());

function subscribed(client: PusherJs, name: string): Promise<void> {
  const channel = client.channel(name) ?? client.subscribe(name);
  return channel.subscribed ? Promise.resolve() : new Promise((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
}

it("names the authenticated sender, whatever user_id and username the payload claims", async () => {
  const [alice, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  const room = await makeRoom([alice.id, bob.id, carol.id]);
  tab = await openTab(bob, rt, auth.origin, [room.id]);
  sender = await realtimeClient(alice, rt, auth.origin);
  await Promise.all([subscribed(tab.client, roomPresenceChannel(room.id)), subscribed(sender, roomPresenceChannel(room.id))]);
  await new Promise<void>((resolve) => {
    if (tab?.store.getState().online[room.id]?.includes(alice.id)) return resolve();
    const stop = tab?.store.subscribe(() => {
      if (!tab?.store.getState().online[room.id]?.includes(alice.id)) return;
      stop?.();
      resolve();
    });
  });

  const typing = new Promise<void>((resolve) => {
    const stop = tab?.store.subscribe(() => {
      if (!tab?.store.getState().typing[room.id]) return;
      stop?.();
      resolve();
    });
  });
  // Alice pretends to be Carol.
  expect(sender.channel(roomPresenceChannel(room.id)).trigger("client-typing", { user_id: carol.id, username: carol.username, typing: true })).toBe(
    true,
  );
  await typing;
  expect(tab.store.getState().typing[room.id]).toEqual([{ userId: alice.id, name: alice.name }]);

  // And cannot stop someone else's indicator either: typing:false claimed for Carol clears Alice's own.
  const cleared = new Promise<void>((resolve) => {
    const stop = tab?.store.subscribe(() => {
      if (tab?.store.getState().typing[room.id]) return;
      stop?.();
      resolve();
    });
  });
  sender.channel(roomPresenceChannel(room.id)).trigger("client-typing", { user_id: carol.id, username: carol.username, typing: false });
  await cleared;
  expect(tab.store.getState().typing[room.id]).toBeUndefined();
});
