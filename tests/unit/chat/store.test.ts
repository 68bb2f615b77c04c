// The browser's one chat store: optimistic sends replaced by their stored copy, each message
// once whatever its source, catch-up after a gap, deletions, and listeners told of each change.
import { describe, expect, it } from "vitest";
import type { PendingMessage } from "@/lib/chat/client/pending";
import { createChatStore } from "@/lib/chat/client/store";
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
  it("live events do not move syncedId; catch-up fills the gap and moves it, never backwards", () => {
    const store = openStore(messages(1, 10));
    expect(timeline(store).syncedId).toBe(10);

    // Reconnected: 15 arrives live while 11–14 were published during the outage.
    store.receiveMessages(ROOM, [message(15)]);
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
