// The outbox delivers at least once: an event can arrive twice, or late, after newer ones. Each
// event goes through the browser's real bindings (lib/chat/client/realtime-bindings.ts) into the
// real store, here from a stand-in channel, and the store must end as if each arrived once, in order.
import type Pusher from "pusher-js";
import { describe, expect, it } from "vitest";
import { bindRoomChannel, bindUserChannel } from "@/lib/chat/client/realtime-bindings";
import { createChatStore } from "@/lib/chat/client/store";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import type { WireRoom } from "@/lib/wire/rest";
import { ids, ME, message, messages, OTHER, page, ROOM } from "@/tests/support/wire-messages";

type Handler = (data: unknown, metadata?: unknown) => void;

/** Just enough of pusher-js for the bindings: channels to bind on, and a way to deliver to them. */
function fakePusher() {
  const bound = new Map<string, Map<string, Set<Handler>>>();
  const on = (channel: string) => bound.get(channel) ?? bound.set(channel, new Map()).get(channel)!;
  const channel = (name: string) => ({
    name,
    members: { each() {}, get: () => undefined },
    bind(event: string, handler: Handler) {
      const handlers = on(name).get(event) ?? new Set();
      on(name).set(event, handlers.add(handler));
    },
    unbind(event: string, handler: Handler) {
      on(name).get(event)?.delete(handler);
    },
  });
  const pusher = { subscribe: channel, unsubscribe() {}, channel: () => undefined, disconnect() {} } as unknown as Pusher;
  const emit = (name: string, event: string, data: unknown) => {
    for (const handler of on(name).get(event) ?? []) handler(JSON.parse(JSON.stringify(data)));
  };
  return { pusher, emit };
}

const room = (fields: Partial<WireRoom>): WireRoom => ({
  id: ROOM,
  name: "Room",
  kind: "GROUP",
  last_seq: 0,
  last_read_id: 0,
  job_id: null,
  last_message_content: "",
  last_message_time: null,
  last_message_sender: null,
  unread_count: 0,
  updated_at: "2026-11-30T10:00:00.000Z",
  owner_id: ME.id,
  ...fields,
});

function open() {
  const store = createChatStore({ me: ME, rooms: [room({})], roomsCursor: null, unreadTotal: 0 });
  store.openTimeline(ROOM, page(messages(1, 3)), 0);
  const { pusher, emit } = fakePusher();
  bindUserChannel(store, pusher, () => {});
  bindRoomChannel(store, pusher, ROOM);
  return {
    store,
    toRoom: (event: string, data: unknown) => emit(roomChannel(ROOM), event, data),
    toMe: (event: string, data: unknown) => emit(userChannel(ME.id), event, data),
  };
}

describe("replayed and late events", () => {
  it("message.created twice and after newer ones: each message once, in id order", () => {
    const { store, toRoom } = open();
    toRoom("message.created", message(5));
    toRoom("message.created", message(4));
    toRoom("message.created", message(5));
    toRoom("message.created", message(4));
    expect(ids(store.getState().timelines[ROOM].messages)).toEqual([1, 2, 3, 4, 5]);
  });

  it("a late room.updated does not take the sidebar back to an older last message", () => {
    const { store, toMe } = open();
    const older = room({
      last_message_content: "older",
      last_message_time: "2026-11-30T10:05:00.000Z",
      updated_at: "2026-11-30T10:05:00.000Z",
      unread_count: 1,
    });
    const newer = room({
      last_message_content: "newer",
      last_message_time: "2026-11-30T10:06:00.000Z",
      updated_at: "2026-11-30T10:06:00.000Z",
      unread_count: 2,
    });
    toMe("room.updated", newer);
    toMe("room.updated", older);
    toMe("room.updated", newer);
    expect(store.getState().rooms).toEqual([newer]);
  });

  it("read.updated twice, or an older one late, leaves my messages read", () => {
    const { store, toRoom } = open();
    toRoom("message.created", message(4, { sender: ME }));
    toRoom("message.created", message(5, { sender: ME }));
    toRoom("read.updated", { room_id: ROOM, user_id: OTHER.id, up_to_id: 5 });
    toRoom("read.updated", { room_id: ROOM, user_id: OTHER.id, up_to_id: 4 });
    toRoom("read.updated", { room_id: ROOM, user_id: OTHER.id, up_to_id: 5 });
    const mine = store.getState().timelines[ROOM].messages.filter((m) => m.sender.id === ME.id);
    expect(mine.map((m) => [m.id, m.is_read])).toEqual([
      [4, true],
      [5, true],
    ]);
  });

  it("message.deleted and members.updated twice change nothing the second time", () => {
    const { store, toRoom } = open();
    toRoom("message.deleted", { id: 2, room_id: ROOM });
    const once = store.getState().timelines[ROOM];
    toRoom("message.deleted", { id: 2, room_id: ROOM });
    expect(store.getState().timelines[ROOM].messages).toEqual(once.messages);
    expect(once.messages.find((m) => m.id === 2)).toMatchObject({ deleted: true, content: "" });

    const members = { room_id: ROOM, owner_id: OTHER.id, members: [{ id: ME.id, username: ME.username, name: ME.name }] };
    toRoom("members.updated", members);
    toRoom("members.updated", members);
    expect(store.getState().members[ROOM]).toEqual(members.members);
    expect(store.getState().rooms[0].owner_id).toBe(OTHER.id);
  });
});
