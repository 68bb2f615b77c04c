// The browser's one chat store: optimistic sends replaced by their stored copy, each message
// once whatever its source, catch-up after a gap, deletions, and listeners told of each change.
import { describe, expect, it } from "vitest";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { createChatStore } from "@/lib/chat/client/store";
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { WireRoom } from "@/lib/wire/rest";
import { ids, ME, message, messages, OTHER, page, ROOM } from "@/tests/support/wire-messages";

const CLIENT_ID = "33333333-3333-4333-8333-333333333333";

function openStore(list = messages(1, 10), unread = 0) {
  const store = createChatStore({ me: ME, rooms: [], roomsCursor: null, unreadTotal: 0 });
  store.openTimeline(ROOM, page(list), unread);
  return store;
}

const pending = (content = "hello 👋 مرحبا 你好"): PendingMessage => ({
  client_id: CLIENT_ID,
  room_id: ROOM,
  content,
  status: "sending",
  error: null,
  reply_to: null,
  created_at: new Date().toISOString(),
});

const timeline = (store: ReturnType<typeof createChatStore>) => store.getState().timelines[ROOM];

describe("optimistic sends", () => {
  it("a pending send is replaced by its server echo (same client_id), shown once", () => {
    const store = openStore();
    store.addPending(pending());
    expect(store.getState().pending[ROOM]).toHaveLength(1);

    const echo = message(11, { sender: ME, client_id: CLIENT_ID, content: "hello 👋 مرحبا 你好" });
    store.receiveMessages(ROOM, [echo]);
    expect(store.getState().pending[ROOM]).toBeUndefined();
    expect(ids(timeline(store).messages)).toEqual([...ids(messages(1, 10)), 11]);

    // The send answer and the realtime event both deliver it: still once.
    store.receiveMessages(ROOM, [echo]);
    expect(ids(timeline(store).messages).filter((id) => id === 11)).toHaveLength(1);
  });

  it("another person's message with the same client_id does not take my pending send", () => {
    const store = openStore();
    store.addPending(pending());
    store.receiveMessages(ROOM, [message(11, { sender: OTHER, client_id: CLIENT_ID })]);
    expect(store.getState().pending[ROOM]?.map((p) => p.client_id)).toEqual([CLIENT_ID]);
  });

  it("a failed send stays pending with its error until discarded", () => {
    const store = openStore();
    store.addPending(pending());
    store.updatePending(ROOM, CLIENT_ID, { status: "failed", error: "Network error" });
    expect(store.findPending(ROOM, CLIENT_ID)).toMatchObject({ status: "failed", error: "Network error" });
    store.discardPending(ROOM, CLIENT_ID);
    expect(store.findPending(ROOM, CLIENT_ID)).toBeUndefined();
    expect(store.getState().pending[ROOM]).toBeUndefined();
  });
});

describe("gaps and catch-up", () => {
  it("a live event beyond a seq hole does not move syncedId and reports the gap; catch-up fills it and moves it, never backwards", () => {
    const store = openStore(messages(1, 10));
    expect(timeline(store).syncedId).toBe(10);

    // 15 arrives live while 11–14 never reached us (an outage, a failed publish).
    expect(store.receiveMessages(ROOM, [message(15)])).toBe(true);
    expect(ids(timeline(store).messages).slice(-2)).toEqual([10, 15]);
    expect(timeline(store).syncedId).toBe(10);

    // Catch-up reads forward from syncedId: 11–15, overlapping the live 15.
    store.receiveMessages(ROOM, messages(11, 15));
    store.markSynced(ROOM, 15);
    expect(ids(timeline(store).messages)).toEqual(ids(messages(1, 15)));
    expect(timeline(store).syncedId).toBe(15);

    store.markSynced(ROOM, 12);
    expect(timeline(store).syncedId).toBe(15);
  });

  it("a message that continues the seq moves syncedId, whatever its source and however far apart the ids", () => {
    const store = openStore([message(100, { seq: 1 }), message(140, { seq: 2 })]);
    expect(store.receiveMessages(ROOM, [message(175, { seq: 3 })])).toBe(false);
    expect(timeline(store).syncedId).toBe(175);
    // Our own send answer beyond a hole: held, but the timeline is not complete through it.
    expect(store.receiveMessages(ROOM, [message(190, { seq: 5, sender: ME })])).toBe(true);
    expect(timeline(store).syncedId).toBe(175);
    // The missing one arrives (catch-up): complete through both.
    expect(store.receiveMessages(ROOM, [message(180, { seq: 4 })])).toBe(false);
    expect(timeline(store).syncedId).toBe(190);
    // The same message again is no gap and changes nothing.
    expect(store.receiveMessages(ROOM, [message(180, { seq: 4 })])).toBe(false);
    expect(ids(timeline(store).messages)).toEqual([100, 140, 175, 180, 190]);
  });

  it("a room empty when opened is complete from seq 1 on", () => {
    const store = openStore([]);
    expect(store.receiveMessages(ROOM, [message(5, { seq: 1 })])).toBe(false);
    expect(timeline(store).syncedId).toBe(5);
    expect(store.receiveMessages(ROOM, [message(9, { seq: 3 })])).toBe(true);
  });

  it("older pages merge below and carry has_more", () => {
    const store = openStore(messages(51, 60));
    store.setOlderLoading(ROOM, true);
    expect(timeline(store).loadingOlder).toBe(true);
    store.prependOlder(ROOM, page(messages(41, 51), true));
    expect(ids(timeline(store).messages)).toEqual(ids(messages(41, 60)));
    expect(timeline(store)).toMatchObject({ hasMoreOlder: true, loadingOlder: false, olderError: null });
  });

  it("ignores messages for a room whose timeline is not open", () => {
    const store = openStore();
    store.receiveMessages(99, [message(1, { room_id: 99 })]);
    expect(store.getState().timelines[99]).toBeUndefined();
  });
});

describe("deleted messages and read marks", () => {
  it("a deletion empties that message only, and a later page copy keeps it deleted", () => {
    const store = openStore(messages(1, 3));
    store.markDeleted(ROOM, 2);
    expect(timeline(store).messages.map((m) => [m.id, m.deleted, m.content])).toEqual([
      [1, false, "message 1"],
      [2, true, ""],
      [3, false, "message 3"],
    ]);
    store.receiveMessages(ROOM, [message(2, { deleted: true, content: "" }), message(4)]);
    expect(timeline(store).messages.find((m) => m.id === 2)).toMatchObject({ deleted: true, content: "" });
    expect(ids(timeline(store).messages)).toEqual([1, 2, 3, 4]);
  });

  it("markOwnRead marks my messages up to the id, not others' and not later ones", () => {
    const store = openStore([message(1, { sender: ME }), message(2), message(3, { sender: ME })]);
    store.markOwnRead(ROOM, 2);
    expect(timeline(store).messages.map((m) => m.is_read)).toEqual([true, false, false]);
  });
});

describe("subscribers", () => {
  it("are told of each change until they unsubscribe, and a closed room is gone", () => {
    const store = openStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls++;
    });
    store.receiveMessages(ROOM, [message(11)]);
    expect(calls).toBe(1);
    const before = store.getState();
    store.setConnection(before.connection);
    expect(calls).toBe(1);
    expect(store.getState()).toBe(before);
    unsubscribe();
    store.closeTimeline(ROOM);
    expect(calls).toBe(1);
    expect(store.getState().timelines[ROOM]).toBeUndefined();
  });
});

describe("room.activity", () => {
  const room = (id: number, fields: Partial<WireRoom> = {}): WireRoom => ({
    id,
    name: `Room ${id}`,
    kind: "GROUP",
    last_seq: 0,
    last_read_id: 0,
    job_id: null,
    last_message_content: "earlier",
    last_message_time: "2026-11-30T09:00:00.000Z",
    last_message_sender: OTHER,
    unread_count: 0,
    updated_at: "2026-11-30T09:00:00.000Z",
    owner_id: null,
    ...fields,
  });
  const activity = (roomId: number, seq: number, fields: Partial<RoomActivityEvent> = {}): RoomActivityEvent => ({
    room_id: roomId,
    seq,
    message_id: 1000 + seq,
    sender: OTHER,
    preview: `message ${seq}`,
    timestamp: new Date(Date.parse("2026-11-30T10:00:00Z") + seq * 1000).toISOString(),
    ...fields,
  });
  const listStore = () =>
    createChatStore({
      me: ME,
      rooms: [room(1, { updated_at: "2026-11-30T09:30:00.000Z", last_message_time: "2026-11-30T09:30:00.000Z" }), room(2, { last_seq: 6 })],
      roomsCursor: null,
      unreadTotal: 0,
    });
  const held = (store: ReturnType<typeof createChatStore>, id: number) => store.getState().rooms.find((r) => r.id === id);

  it("moves the room to the top with the preview and counts someone else's message once, however often it arrives", () => {
    const store = listStore();
    expect(store.getState().rooms.map((r) => r.id)).toEqual([1, 2]);
    const event = activity(2, 7);
    expect(store.applyActivity(event)).toBe("next");
    expect(store.getState().rooms.map((r) => r.id)).toEqual([2, 1]);
    expect(held(store, 2)).toMatchObject({
      unread_count: 1,
      last_message_content: "message 7",
      last_message_sender: OTHER,
      last_message_time: event.timestamp,
      updated_at: event.timestamp,
    });
    // Delivery is at least once: the same event again, or an older one late, changes nothing.
    expect(store.applyActivity(event)).toBe("stale");
    expect(store.applyActivity(activity(2, 6))).toBe("stale");
    expect(held(store, 2)?.unread_count).toBe(1);
    expect(store.applyActivity(activity(2, 8))).toBe("next");
    expect(held(store, 2)).toMatchObject({ unread_count: 2, last_message_content: "message 8", last_seq: 8 });
  });

  it("a message that skips a seq is shown and counted, and reported as a gap so the room is fetched for its exact count", () => {
    const store = listStore();
    // Seq 7 never reached this list (its event is still in the outbox): 8 shows a gap.
    expect(store.applyActivity(activity(2, 8))).toBe("gap");
    expect(held(store, 2)).toMatchObject({ unread_count: 1, last_message_content: "message 8", last_seq: 8 });
    // Seq 7 arriving late is stale: it neither moves the preview back nor counts again.
    expect(store.applyActivity(activity(2, 7))).toBe("stale");
    expect(held(store, 2)).toMatchObject({ unread_count: 1, last_message_content: "message 8" });
    // The fetch the gap asked for brings the server's count.
    store.upsertRooms([room(2, { unread_count: 2, last_seq: 8, last_message_content: "message 8", updated_at: activity(2, 8).timestamp })]);
    expect(held(store, 2)?.unread_count).toBe(2);
  });

  it("does not count my own messages, nor messages in the room on screen in a visible tab", () => {
    const store = createChatStore({ me: ME, rooms: [room(1), room(2)], roomsCursor: null, unreadTotal: 0 });
    store.applyActivity(activity(2, 1, { sender: { id: ME.id, username: ME.username } }));
    expect(held(store, 2)).toMatchObject({ unread_count: 0, last_message_content: "message 1" });
    store.setActiveRoom(2);
    store.applyActivity(activity(2, 2));
    expect(held(store, 2)?.unread_count).toBe(1); // open, but the tab is hidden
    store.setViewingRoom(2);
    store.applyActivity(activity(2, 3));
    expect(held(store, 2)).toMatchObject({ unread_count: 1, last_message_content: "message 3" });
  });

  it("a room already fetched with the message in it is not counted again; an unknown room is left to a fetch", () => {
    const store = listStore();
    const event = activity(2, 7);
    // The list fetch answered after the send committed, before its event arrived.
    store.upsertRooms([
      room(2, { unread_count: 1, last_seq: 7, last_message_time: event.timestamp, updated_at: event.timestamp, last_message_sender: OTHER }),
    ]);
    expect(store.applyActivity(event)).toBe("stale");
    expect(held(store, 2)?.unread_count).toBe(1);
    expect(store.applyActivity(activity(3, 1))).toBe("unknown");
    expect(held(store, 3)).toBeUndefined();
  });
});

describe("read marks", () => {
  const mark = (user_id: number, up_to_id: number) => ({ user_id, up_to_id, read_at: "2026-12-01T10:00:00.000Z" });

  it("moves a member's mark forward only, ignores my own, and keeps a newer live mark over the page's", () => {
    const store = openStore();
    store.setReadMarks(ROOM, [mark(OTHER.id, 3)]);
    store.applyReadMark(ROOM, mark(OTHER.id, 7));
    store.applyReadMark(ROOM, mark(OTHER.id, 5));
    store.applyReadMark(ROOM, mark(ME.id, 9));
    expect(store.getState().readMarks[ROOM]).toEqual([mark(OTHER.id, 7)]);
    store.setReadMarks(ROOM, [mark(OTHER.id, 4)]);
    expect(store.getState().readMarks[ROOM]).toEqual([mark(OTHER.id, 7)]);
  });

  it("with receipts off, drops every mark and hears none", () => {
    const store = openStore();
    store.setReadMarks(ROOM, [mark(OTHER.id, 3)]);
    store.setReadReceipts(false);
    expect(store.getState().readMarks).toEqual({});
    store.applyReadMark(ROOM, mark(OTHER.id, 8));
    expect(store.getState().readMarks).toEqual({});
    expect(store.getState().me.readReceipts).toBe(false);
  });
});
