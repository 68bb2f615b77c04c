// A group of more than 100 members, all with the room open: 130 real pusher-js clients, each
// running the real browser store and room bindings, authorized by our real auth routes against
// the real embedded server. Every member gets message.created live on the room's private channel
// after a send over HTTP; the presence channel admits 100 of them, and the other 30 get the
// "full" outcome: the room works, without online dots or typing, and nothing is an error.
import { randomUUID } from "node:crypto";
import type PusherJs from "pusher-js";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as messagesRoute, POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { bindRoomChannel } from "@/lib/chat/client/realtime-bindings";
import { type ChatStore, createChatStore } from "@/lib/chat/client/store";
import { getMessagePage } from "@/lib/chat/messages";
import { db } from "@/lib/db";
import { roomChannel, roomPresenceChannel } from "@/lib/realtime/channels";
import type { WireMessage } from "@/lib/wire/rest";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { BASE, call, request } from "@/tests/support/http";
import { realtimeClient, startAuthServer } from "@/tests/support/realtime-tab";

const rt = inject("realtime");
const MEMBERS = 130;
const PRESENCE_LIMIT = 100;

type User = { id: number; username: string; name: string };
type Browser = {
  user: User;
  client: PusherJs;
  store: ChatStore;
  closeRoom: () => void;
  live: number[];
  presenceErrors: unknown[];
  socketId: () => string;
};

/** Resolves once `ready` holds, re-checked on every change of any of `stores`. */
function untilAll(stores: ChatStore[], ready: () => boolean, label: string, ms = 45_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const stops: Array<() => void> = [];
    const done = () => {
      for (const stop of stops) stop();
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${label}`));
    }, ms);
    const check = () => {
      if (!ready()) return;
      done();
      resolve();
    };
    for (const store of stores) stops.push(store.subscribe(check));
    check();
  });
}

describe(`a group of ${MEMBERS} members with the room open`, () => {
  let users: User[];
  let roomId: number;
  let auth: Awaited<ReturnType<typeof startAuthServer>>;
  const browsers: Browser[] = [];
  const consoleError = vi.spyOn(console, "error");

  beforeAll(async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const tag = randomUUID().slice(0, 8);
    await db.user.createMany({
      data: Array.from({ length: MEMBERS - 1 }, (_, i) => ({
        username: `lg_${tag}_${i}`,
        email: `lg_${tag}_${i}@test.example`,
        name: `Member ${i}`,
      })),
    });
    const others = await db.user.findMany({ where: { username: { startsWith: `lg_${tag}_` } }, select: { id: true, username: true, name: true } });
    users = [owner, ...others];
    expect(users).toHaveLength(MEMBERS);
    roomId = (await makeRoom(users.map((u) => u.id))).id;
    auth = await startAuthServer();
    // The stores' REST catch-up (rest.ts uses the global fetch) answered by the real route. Every
    // member sees the same messages, so the owner's session answers for all of them.
    vi.stubGlobal("fetch", async (input: string) => {
      const url = new URL(input, BASE);
      const match = /^\/api\/chat\/rooms\/(\d+)\/messages$/.exec(url.pathname);
      if (!match) return new Response(null, { status: 404 });
      return messagesRoute(await request(owner, "GET", `${url.pathname}${url.search}`), { params: Promise.resolve({ roomId: match[1] }) });
    });
    const firstPage = await getMessagePage(owner.id, { roomId, limit: 50 });
    for (const user of users) {
      const client = await realtimeClient(user, rt, auth.origin);
      const store = createChatStore({ me: { id: user.id, username: user.username, name: user.name }, rooms: [], roomsCursor: null, unreadTotal: 0 });
      store.openTimeline(roomId, firstPage, 0);
      const closeRoom = bindRoomChannel(store, client, roomId);
      const live: number[] = [];
      client.channel(roomChannel(roomId)).bind("message.created", (m: { id: number }) => live.push(m.id));
      const presenceErrors: unknown[] = [];
      client.channel(roomPresenceChannel(roomId)).bind("pusher:subscription_error", (e: unknown) => presenceErrors.push(e));
      browsers.push({ user, client, store, closeRoom, live, presenceErrors, socketId: () => client.connection.socket_id });
    }
  }, 120_000);
  afterAll(async () => {
    for (const b of browsers) b.client.disconnect();
    vi.unstubAllGlobals();
    consoleError.mockRestore();
    await auth?.close();
  });

  it("every member gets message.created live; 100 are in presence, the other 30 are told it is full, and none is an error", async () => {
    const stores = browsers.map((b) => b.store);
    const settled = () =>
      browsers.every((b) => b.store.getState().channels[roomId]?.subscribed && b.store.getState().channels[roomId].presence !== "joining");
    await untilAll(stores, settled, "every room channel subscribed and presence answered");
    const sockets = browsers.map((b) => b.socketId());

    const presence = browsers.map((b) => b.store.getState().channels[roomId].presence);
    expect(presence.filter((p) => p === "joined")).toHaveLength(PRESENCE_LIMIT);
    expect(presence.filter((p) => p === "full")).toHaveLength(MEMBERS - PRESENCE_LIMIT);
    const full = browsers.filter((b) => b.store.getState().channels[roomId].presence === "full");
    for (const b of full) {
      // pusher-js passes our embedded server's refusal through as Pusher answers it.
      expect(b.presenceErrors).toEqual([{ type: "LimitReached", error: expect.any(String), status: 4100 }]);
      expect(b.store.getState().online[roomId]).toBeUndefined();
    }
    const joined = browsers.filter((b) => b.store.getState().channels[roomId].presence === "joined");
    const present = new Set(joined.map((b) => b.user.id));
    await untilAll(
      stores,
      () => joined.every((b) => b.store.getState().online[roomId]?.length === PRESENCE_LIMIT),
      "the joined members' online lists",
    );
    for (const b of joined) expect(new Set(b.store.getState().online[roomId])).toEqual(present);

    const sent = await call(
      sendRoute,
      await request(users[0], "POST", `/api/chat/rooms/${roomId}/messages`, {
        json: { content: "Big team: shifts are posted.", client_id: randomUUID() },
      }),
      { roomId: String(roomId) },
    );
    expect(sent.status).toBe(201);
    const message = sent.body as WireMessage;
    await untilAll(
      stores,
      () => browsers.every((b) => b.store.getState().timelines[roomId]?.messages.some((m) => m.id === message.id)),
      "the message in every store",
    );
    // Over the socket, once each, to all 130 (not fetched by a catch-up).
    await vi.waitFor(() => expect(browsers.filter((b) => b.live.length > 0)).toHaveLength(MEMBERS));
    for (const b of browsers) expect(b.live).toEqual([message.id]);

    for (const b of browsers) {
      const state = b.store.getState();
      expect(state.lostRooms).toEqual([]);
      expect(state.channels[roomId].subscribed).toBe(true);
      expect(state.timelines[roomId].messages.filter((m) => m.id === message.id)).toHaveLength(1);
    }
    // No retry loop and no reconnect: one refusal each, the same connections throughout.
    for (const b of full) expect(b.presenceErrors).toHaveLength(1);
    expect(browsers.map((b) => b.socketId())).toEqual(sockets);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("a member told presence is full who closes and reopens the room asks again and settles, not stuck joining", async () => {
    const b = browsers.find((x) => x.store.getState().channels[roomId]?.presence === "full");
    if (!b) throw new Error("no member was told presence is full");
    b.closeRoom();
    expect(b.store.getState().channels[roomId]).toBeUndefined();
    b.closeRoom = bindRoomChannel(b.store, b.client, roomId);
    await untilAll(
      [b.store],
      () => b.store.getState().channels[roomId]?.subscribed === true && b.store.getState().channels[roomId].presence === "full",
      "full again",
    );
    expect(b.store.getState().lostRooms).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
