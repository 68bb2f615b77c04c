// Removed or deactivated means cut off now, not at the next reconnect: the app terminates the
// user's signed-in connections on the real embedded server; the real client (store, bindings,
// termination recovery, pusher-js signed in through POST /api/pusher/user-auth) reconnects,
// and our auth routes refuse what the user may no longer see.
import { randomUUID } from "node:crypto";
import type PusherJs from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as deactivateRoute } from "@/app/api/admin/users/[userId]/deactivate/route";
import { DELETE as removeMemberRoute } from "@/app/api/chat/rooms/[roomId]/members/[userId]/route";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { POST as channelAuthRoute } from "@/app/api/pusher/auth/route";
import { POST as userAuthRoute } from "@/app/api/pusher/user-auth/route";
import { REVOKED } from "@/lib/chat/client/connection-watch";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { pusherServer } from "@/lib/realtime/pusher-server";
import { POST as assignRoute } from "@/app/api/jobs/[jobId]/assignment/route";
import { getRoomForUser } from "@/lib/chat/rooms";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { type Caller, call, request } from "@/tests/support/http";
import { openTab, realtimeClient, startAuthServer, type Tab } from "@/tests/support/realtime-tab";

const rt = inject("realtime");
const TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function storeReaches(tab: Tab, condition: () => boolean, label: string): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      if (condition()) return resolve();
      const stop = tab.store.subscribe(() => {
        if (!condition()) return;
        stop();
        resolve();
      });
    }),
    label,
  );
}

function subscribed(client: PusherJs, name: string): Promise<void> {
  const channel = client.channel(name) ?? client.subscribe(name);
  if (channel.subscribed) return Promise.resolve();
  return within(new Promise((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve())), `subscription to ${name}`);
}

function signedIn(client: PusherJs): Promise<unknown> {
  return within(client.user.signinDonePromise as Promise<unknown>, "signin");
}

/** Every message.created client_id this client's room channel delivers. */
function recordMessages(client: PusherJs, roomId: number): string[] {
  const seen: string[] = [];
  client.channel(roomChannel(roomId))?.bind("message.created", (m: { client_id: string }) => seen.push(m.client_id));
  return seen;
}

/** A marker on the user's own channel: whatever the server wrote to this socket before it has arrived. */
async function flushUserChannel(client: PusherJs, userId: number): Promise<void> {
  const marker = randomUUID();
  const channel = client.channel(userChannel(userId));
  const arrived = within(
    new Promise<void>((resolve) => {
      const handler = (data: { marker?: string }) => {
        if (data.marker !== marker) return;
        channel.unbind("flush", handler);
        resolve();
      };
      channel.bind("flush", handler);
    }),
    "flush marker",
  );
  await pusherServer().trigger(userChannel(userId), "flush", { marker });
  await arrived;
}

async function send(sender: NonNullable<Caller>, roomId: number, clientId: string = randomUUID()): Promise<string> {
  const sent = await call(
    sendRoute,
    await request(sender, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "still here?", client_id: clientId } }),
    {
      roomId: String(roomId),
    },
  );
  expect(sent.status).toBe(201);
  return clientId;
}

function nextMessage(client: PusherJs, roomId: number, clientId: string): Promise<void> {
  return within(
    new Promise((resolve) => {
      const channel = client.channel(roomChannel(roomId));
      const handler = (m: { client_id: string }) => {
        if (m.client_id !== clientId) return;
        channel.unbind("message.created", handler);
        resolve();
      };
      channel.bind("message.created", handler);
    }),
    `message ${clientId}`,
  );
}

describe("cutting a user off the realtime server", () => {
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  const open: Array<{ close(): void } | PusherJs> = [];

  beforeAll(async () => {
    auth = await startAuthServer();
  });
  afterEach(() => {
    for (const item of open.splice(0)) {
      if ("store" in item) (item as Tab).close();
      else (item as PusherJs).disconnect();
    }
  });
  afterAll(() => auth.close());

  it("signs the browser's connection in as the session's user through POST /api/pusher/user-auth", async () => {
    const user = await makeUser();
    const client = await realtimeClient(user, rt, auth.origin);
    open.push(client);
    await signedIn(client);
    expect(client.user.user_data).toMatchObject({ id: String(user.id), user_info: { username: user.username } });

    const form = (body: string) => ({ body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect((await call(userAuthRoute, await request(null, "POST", "/api/pusher/user-auth", form("socket_id=1.2")))).status).toBe(401);
    expect((await call(userAuthRoute, await request(user, "POST", "/api/pusher/user-auth", form("socket_id=nope")))).status).toBe(400);
    expect((await call(userAuthRoute, await request(user, "POST", "/api/pusher/user-auth", form("socket_id=1.2&user_id=999")))).status).toBe(400);
    const crossSite = { body: "socket_id=1.2", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" } };
    expect((await call(userAuthRoute, await request(user, "POST", "/api/pusher/user-auth", crossSite))).status).toBe(403);
  });

  it("after removal from a group, the removed user's open client gets nothing more from the room; the others still do", async () => {
    const [alice, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const room = await makeRoom([alice.id, bob.id, carol.id]);
    const tab = await openTab(bob, rt, auth.origin, [room.id]);
    open.push(tab);
    const carolClient = await realtimeClient(carol, rt, auth.origin);
    open.push(carolClient);
    await Promise.all([subscribed(tab.client, roomChannel(room.id)), subscribed(tab.client, userChannel(bob.id)), signedIn(tab.client)]);
    await subscribed(carolClient, roomChannel(room.id));
    const bobSaw = recordMessages(tab.client, room.id);
    tab.store.upsertRooms([
      {
        id: room.id,
        name: room.name,
        kind: "GROUP",
        last_seq: 0,
        last_read_id: 0,
        job_id: null,
        owner_id: null,
        last_message_content: "",
        last_message_time: null,
        last_message_sender: null,
        unread_count: 0,
        updated_at: new Date(0).toISOString(),
      },
    ]);

    const before = await send(alice, room.id);
    await storeReaches(tab, () => bobSaw.includes(before), "bob receives while a member");

    const removed = await call(removeMemberRoute, await request(alice, "DELETE", `/api/chat/rooms/${room.id}/members/${bob.id}`), {
      roomId: String(room.id),
      userId: String(bob.id),
    });
    expect(removed.status).toBe(204);

    // Terminated, reconnected, signed in again, and the room's channel refused (403): dropped.
    await storeReaches(tab, () => tab.store.getState().lostRooms.includes(room.id), "the room dropped from bob's client");
    expect(tab.store.getState().rooms.some((r) => r.id === room.id)).toBe(false);
    await subscribed(tab.client, userChannel(bob.id));
    expect(tab.client.connection.state).toBe("connected");
    expect(tab.client.channel(roomChannel(room.id))).toBeUndefined();

    const after = randomUUID();
    const carolGets = nextMessage(carolClient, room.id, after);
    await send(alice, room.id, after);
    await carolGets;
    await flushUserChannel(tab.client, bob.id);
    expect(bobSaw).not.toContain(after);
    // Losing one room leaves the rest of the connection alone.
    expect(tab.store.getState().connection).toEqual({ state: "connected", degraded: false });
  });

  it("after deactivation, the user's open client receives nothing at all and cannot subscribe again", async () => {
    const [alice, bob, admin] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "ADMIN" })]);
    const room = await makeRoom([alice.id, bob.id]);
    const tab = await openTab(bob, rt, auth.origin, [room.id]);
    open.push(tab);
    await Promise.all([subscribed(tab.client, roomChannel(room.id)), subscribed(tab.client, userChannel(bob.id)), signedIn(tab.client)]);
    const bobSaw = recordMessages(tab.client, room.id);
    const aliceClient = await realtimeClient(alice, rt, auth.origin);
    open.push(aliceClient);
    await subscribed(aliceClient, roomChannel(room.id));

    const deactivated = await call(deactivateRoute, await request({ ...admin, role: "ADMIN" }, "POST", `/api/admin/users/${bob.id}/deactivate`), {
      userId: String(bob.id),
    });
    expect(deactivated.status).toBe(200);

    // Reconnected, sign-in and the user channel refused (401): the client stops for good.
    await storeReaches(tab, () => tab.store.getState().connection.state === REVOKED, "bob's client revoked");
    await within(
      new Promise<void>((resolve) => {
        if (tab.client.connection.state === "disconnected") return resolve();
        tab.client.connection.bind("disconnected", () => resolve());
      }),
      "bob disconnected",
    );

    const after = randomUUID();
    const aliceGets = nextMessage(aliceClient, room.id, after);
    await send(alice, room.id, after);
    await aliceGets;
    expect(bobSaw).not.toContain(after);

    // A fresh connection with the same session: every door is shut.
    const again = await realtimeClient(bob, rt, auth.origin);
    open.push(again);
    const signinRefused = within(new Promise<{ status?: number }>((resolve) => again.user.bind("pusher:signin_error", resolve)), "signin refused");
    const refusal = within(
      new Promise<{ status?: number }>((resolve) => again.subscribe(roomChannel(room.id)).bind("pusher:subscription_error", resolve)),
      "subscription refused",
    );
    expect((await refusal).status).toBe(401);
    expect((await signinRefused).status).toBe(401);
    const form = { body: `socket_id=1.2&channel_name=${roomChannel(room.id)}`, headers: { "content-type": "application/x-www-form-urlencoded" } };
    expect((await call(channelAuthRoute, await request(bob, "POST", "/api/pusher/auth", form))).status).toBe(401);
  });

  it("after the marketplace replaces a job's cleaner, the old cleaner's open client loses the room and the new one receives it", async () => {
    const token = "realtime-access-marketplace-token-0123456789";
    process.env.MARKETPLACE_API_TOKEN = token;
    resetEnvCache();
    try {
      const [client, oldCleaner, newCleaner] = await Promise.all([makeUser(), makeUser(), makeUser()]);
      const job = await db.job.create({ data: { title: "Oven clean", clientId: client.id, cleanerId: oldCleaner.id, status: "booked" } });
      const assign = async (cleanerId: number) =>
        call(
          assignRoute,
          await request(null, "POST", `/api/jobs/${job.id}/assignment`, {
            json: { client_id: client.id, cleaner_id: cleanerId },
            headers: { authorization: `Bearer ${token}` },
          }),
          { jobId: String(job.id) },
        );
      const first = await assign(oldCleaner.id);
      expect(first.status).toBe(200);
      const roomId: number = first.body.room_id;

      const tab = await openTab(oldCleaner, rt, auth.origin, [roomId]);
      open.push(tab);
      await Promise.all([subscribed(tab.client, roomChannel(roomId)), subscribed(tab.client, userChannel(oldCleaner.id)), signedIn(tab.client)]);
      tab.store.upsertRooms([await getRoomForUser(oldCleaner.id, roomId)]);
      const oldSaw = recordMessages(tab.client, roomId);
      const before = await send(client, roomId);
      await storeReaches(tab, () => oldSaw.includes(before), "the old cleaner receives while on the job");

      const replaced = await assign(newCleaner.id);
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ removed_user_ids: [oldCleaner.id], added_user_ids: [newCleaner.id] });

      // Terminated, reconnected, and the room's channel refused: the room is gone from that client.
      await storeReaches(tab, () => tab.store.getState().lostRooms.includes(roomId), "the room dropped from the old cleaner's client");
      expect(tab.store.getState().rooms.some((r) => r.id === roomId)).toBe(false);
      expect(tab.client.channel(roomChannel(roomId))).toBeUndefined();

      const newClient = await realtimeClient(newCleaner, rt, auth.origin);
      open.push(newClient);
      await subscribed(newClient, roomChannel(roomId));
      const after = randomUUID();
      const newGets = nextMessage(newClient, roomId, after);
      await send(client, roomId, after);
      await newGets;
      await flushUserChannel(tab.client, oldCleaner.id);
      expect(oldSaw).not.toContain(after);
    } finally {
      delete process.env.MARKETPLACE_API_TOKEN;
      resetEnvCache();
    }
  });
});
