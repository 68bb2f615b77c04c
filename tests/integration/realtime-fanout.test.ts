// A send's fan-out and seq, end to end: sends through the real route, published to the real
// embedded server through a pass-through proxy that counts every publish call, received by real
// pusher-js clients authorized by our auth routes, and applied by the real browser store and
// bindings. One room.activity payload reaches every member in chunks of at most 100 channels
// (1 + ceil(members / 100) calls per send); each store counts its own unread; a client that
// misses one message.created fetches it as soon as the next one shows a seq gap, without a
// reconnect.
import { randomUUID } from "node:crypto";
import type PusherJs from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { bindRoomChannel, bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { type ChatStore, createChatStore } from "@/lib/chat/client/store";
import { getMessagePage } from "@/lib/chat/messages";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { roomChannel, TRIGGER_CHANNEL_LIMIT, userChannel } from "@/lib/realtime/channels";
import { resetPusherServer } from "@/lib/realtime/pusher-server";
import type { WireMessage, WireRoom } from "@/lib/wire/rest";
import { type PublishCounter, startPublishCounter } from "@/scripts/bench/publish-counter";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";
import { openTab, realtimeClient, startAuthServer, type Tab } from "@/tests/support/realtime-tab";

const rt = inject("realtime");
type User = Awaited<ReturnType<typeof makeUser>>;

/** Resolves once `read` gives a value, re-checked on every store change. */
function until<T>(store: ChatStore, read: () => T | undefined, label: string, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${label}`));
    }, ms);
    const check = () => {
      const value = read();
      if (value === undefined) return;
      stop();
      clearTimeout(timer);
      resolve(value);
    };
    stop = store.subscribe(check);
    check();
  });
}

function subscribedTo(client: PusherJs, name: string): Promise<void> {
  const channel = client.channel(name) ?? client.subscribe(name);
  if (channel.subscribed) return Promise.resolve();
  return new Promise((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
}

async function roomList(user: User): Promise<WireRoom[]> {
  const res = await call(roomsRoute, await request(user, "GET", "/api/chat/rooms"));
  expect(res.status).toBe(200);
  return res.body.rooms;
}

async function send(user: User, roomId: number, content: string): Promise<WireMessage> {
  const res = await call(
    sendRoute,
    await request(user, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: randomUUID() } }),
    { roomId: String(roomId) },
  );
  expect(res.status).toBe(201);
  return res.body;
}

/** The publisher (lib/realtime/pusher-server) pointed at the counting proxy, until restored. */
async function countPublishes(): Promise<{ counter: PublishCounter; restore(): Promise<void> }> {
  const counter = await startPublishCounter({ host: rt.host, port: rt.port });
  const saved = process.env.PUSHER_PORT;
  process.env.PUSHER_PORT = String(counter.port);
  resetEnvCache();
  resetPusherServer();
  return {
    counter,
    async restore() {
      process.env.PUSHER_PORT = saved;
      resetEnvCache();
      resetPusherServer();
      await counter.close();
    },
  };
}

describe("a send's fan-out to a 250-member group", () => {
  const MEMBERS = 250;
  let alice: User;
  let bob: User;
  let carol: User;
  let dave: User;
  let groupId: number;
  let allMembers: number[];
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  let counting: Awaited<ReturnType<typeof countPublishes>>;
  const clients: PusherJs[] = [];

  beforeAll(async () => {
    [alice, bob, carol, dave] = await Promise.all([makeUser({ name: "Alice Fanout" }), makeUser(), makeUser(), makeUser()]);
    const tag = randomUUID().slice(0, 8);
    await db.user.createMany({
      data: Array.from({ length: MEMBERS - 3 }, (_, i) => ({ username: `f_${tag}_${i}`, email: `f_${tag}_${i}@test.example`, name: `Filler ${i}` })),
    });
    const fillers = await db.user.findMany({ where: { username: { startsWith: `f_${tag}_` } }, select: { id: true } });
    allMembers = [alice.id, bob.id, carol.id, ...fillers.map((f) => f.id)];
    expect(allMembers).toHaveLength(MEMBERS);
    groupId = (await makeRoom(allMembers)).id;
    auth = await startAuthServer();
    counting = await countPublishes();
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await counting.restore();
    await auth.close();
  });

  /** A signed-in browser: the real store and user-channel binding on a real pusher-js; its room
   * list from the real route (`known` false: the list does not hold the rooms yet). */
  async function browser(user: User, known = true) {
    const client = await realtimeClient(user, rt, auth.origin);
    clients.push(client);
    const store = createChatStore({
      me: { id: user.id, username: user.username, name: user.name },
      rooms: known ? await roomList(user) : [],
      roomsCursor: null,
      unreadTotal: 0,
    });
    let refreshes = 0;
    const refresh = () => {
      refreshes++;
      void roomList(user).then((rooms) => store.upsertRooms(rooms));
    };
    bindUserChannel(store, client, refresh);
    await subscribedTo(client, userChannel(user.id));
    // The subscription's own list refresh has run; what follows comes from room.activity.
    await until(store, () => (refreshes === 1 ? true : undefined), "the subscription's list refresh");
    return { store, refreshes: () => refreshes };
  }

  const roomIn = (store: ChatStore, roomId: number) => store.getState().rooms.find((r) => r.id === roomId);

  it("publishes 1 + ceil(250 / 100) calls per send, reaching every member's channel, and each store counts its own unread", async () => {
    const [a, b, c] = [await browser(alice), await browser(bob), await browser(carol)];
    c.store.setViewingRoom(groupId); // Carol has the group open in a visible tab.
    const before = counting.counter.calls().length;

    const first = await send(alice, groupId, "Van is back at the depot.");
    const second = await send(alice, groupId, "Supplies are in the van too.");
    expect(second.seq).toBe(first.seq + 1);

    const callsPerSend = 1 + Math.ceil(MEMBERS / TRIGGER_CHANNEL_LIMIT);
    // Published after commit: waited for, in case the door answers before publishing.
    await expect.poll(() => counting.counter.calls().length - before).toBeGreaterThanOrEqual(2 * callsPerSend);
    const calls = counting.counter.calls().slice(before);
    expect(calls).toHaveLength(2 * callsPerSend);
    // Per send: message.created on the room's channel, and room.activity in chunks of user channels.
    expect(calls.filter((c) => c.events.some((e) => e.name === "room.activity"))).toHaveLength(2 * Math.ceil(MEMBERS / TRIGGER_CHANNEL_LIMIT));
    const reached = calls.flatMap((c) => c.events.filter((e) => e.name === "room.activity").flatMap((e) => e.channels));
    expect(new Set(reached).size).toBe(MEMBERS);
    expect(reached).toHaveLength(2 * MEMBERS);
    expect(new Set(reached)).toEqual(new Set(allMembers.map(userChannel)));
    for (const c of calls) for (const e of c.events) expect(e.channels.length).toBeLessThanOrEqual(TRIGGER_CHANNEL_LIMIT);
    expect(calls.filter((c) => c.events.some((e) => e.name === "message.created" && e.channels[0] === roomChannel(groupId)))).toHaveLength(2);

    const shows = (store: ChatStore) =>
      until(store, () => (roomIn(store, groupId)?.last_message_content === second.content ? roomIn(store, groupId) : undefined), "the preview");
    const [forAlice, forBob, forCarol] = [await shows(a.store), await shows(b.store), await shows(c.store)];
    const stored = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId: groupId, userId: bob.id } } });
    expect(stored.unreadCount).toBe(2);
    expect(forBob.unread_count).toBe(2);
    expect(forAlice.unread_count).toBe(0); // her own messages
    expect(forCarol.unread_count).toBe(0); // on her screen: the mark-read path reads them
    for (const room of [forAlice, forBob, forCarol]) {
      expect(room.last_message_sender).toEqual({ id: alice.id, username: alice.username });
      expect(room.last_message_time).toBe(second.timestamp);
    }
    expect(b.store.getState().rooms[0].id).toBe(groupId); // moved to the top
    // Nobody needed the list fetched: the group was in every list.
    expect([a.refreshes(), b.refreshes(), c.refreshes()]).toEqual([1, 1, 1]);
  });

  it("a room not in a browser's list yet is fetched, so a direct room shows the other person's name", async () => {
    const d = await browser(dave, false);
    const direct = (await makeRoom([alice.id, dave.id], "DIRECT")).id;
    const message = await send(alice, direct, "Hi Dave, are you free Friday?");
    const room = await until(d.store, () => roomIn(d.store, direct), "the direct room in Dave's list");
    expect(d.refreshes()).toBeGreaterThan(1);
    expect(room).toMatchObject({ name: "Alice Fanout", unread_count: 1, last_message_content: message.content });
  });
});

describe("seq gaps", () => {
  let alice: User;
  let bob: User;
  let roomId: number;
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  let counting: Awaited<ReturnType<typeof countPublishes>>;
  let tab: Tab | undefined;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([alice.id, bob.id])).id;
    auth = await startAuthServer();
    counting = await countPublishes();
  });
  afterEach(() => tab?.close());
  afterAll(async () => {
    await counting.restore();
    await auth.close();
  });

  it("a tab that misses one message.created fetches it as soon as the next one arrives, without reconnecting", async () => {
    await send(alice, roomId, "before the gap");
    tab = await openTab(bob, rt, auth.origin, []);
    const { store, client } = tab;
    store.openTimeline(roomId, await getMessagePage(bob.id, { roomId, limit: 50 }), 0);
    bindRoomChannel(store, client, roomId);
    await subscribedTo(client, roomChannel(roomId));
    const socketId = client.connection.socket_id;
    const states: string[] = [];
    client.connection.bind("state_change", ({ current }: { current: string }) => states.push(current));
    let subscriptions = 0;
    client.channel(roomChannel(roomId)).bind("pusher:subscription_succeeded", () => subscriptions++);
    const live: number[] = [];
    client.channel(roomChannel(roomId)).bind("message.created", (m: { seq: number }) => live.push(m.seq));

    // The publish of the next message never reaches the realtime server.
    counting.counter.dropNext((c) => c.events.some((e) => e.name === "message.created" && e.channels.includes(roomChannel(roomId))));
    const missed = await send(alice, roomId, "lost on the way");
    const next = await send(alice, roomId, "arrives live");
    expect(next.seq).toBe(missed.seq + 1);

    const held = await until(
      store,
      () => {
        const ids = store.getState().timelines[roomId]?.messages.map((m) => m.id) ?? [];
        return ids.includes(missed.id) && ids.includes(next.id) ? ids : undefined;
      },
      "the missed message fetched",
    );
    expect(live).toEqual([next.seq]); // the missed one came by REST, not over the socket
    expect(held.filter((id) => id === missed.id)).toHaveLength(1);
    expect(store.getState().timelines[roomId].messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(store.getState().timelines[roomId].syncedId).toBe(next.id);
    expect({ socketId: client.connection.socket_id, states, subscriptions }).toEqual({ socketId, states: [], subscriptions: 0 });
  });
});
