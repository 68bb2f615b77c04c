// Two views of a room after the same last message (one from before a mark-read, one after) carry
// the same updated_at and last_seq; only the reader's read mark (last_read_id) tells them apart.
// Without it a late, older view put a read room's badges back (the flaky mentions spec and soak).
import { describe, expect, it } from "vitest";
import { applyActivity, upsertRooms } from "@/lib/chat/client/room-list";
import { createChatStore } from "@/lib/chat/client/store";
import type { WireRoom } from "@/lib/wire/rest";

const unreadView: WireRoom = {
  id: 7,
  name: "Mentions",
  kind: "GROUP",
  job_id: null,
  last_message_content: "Keys for @Bob",
  last_message_time: "2026-12-01T10:00:00.000Z",
  last_message_sender: { id: 1, username: "client1" },
  unread_count: 1,
  unread_mentions: 1,
  updated_at: "2026-12-01T10:00:00.000Z",
  last_seq: 5,
  last_read_id: 3,
  owner_id: 1,
};

describe("room views arriving out of order", () => {
  it("a late view from before a mark-read does not put the read room's badges back", () => {
    const read: WireRoom = { ...unreadView, unread_count: 0, unread_mentions: 0, last_read_id: 5 };
    const held = upsertRooms([], [read]);
    const afterLateView = upsertRooms(held, [unreadView]);
    expect(afterLateView[0]).toMatchObject({ unread_count: 0, unread_mentions: 0, last_read_id: 5 });
  });

  it("the read answer replaces the view from before it, whichever came first", () => {
    const read: WireRoom = { ...unreadView, unread_count: 0, unread_mentions: 0, last_read_id: 5 };
    expect(upsertRooms([unreadView], [read])[0]).toMatchObject({ unread_count: 0, last_read_id: 5 });
  });

  it("a view with a newer message and the same read mark wins, and one behind in messages loses", () => {
    const newer: WireRoom = { ...unreadView, last_seq: 6, last_message_content: "Sixth", unread_count: 2, updated_at: "2026-12-01T10:01:00.000Z" };
    expect(upsertRooms([unreadView], [newer])[0]).toMatchObject({ last_seq: 6, unread_count: 2 });
    expect(upsertRooms([newer], [unreadView])[0]).toMatchObject({ last_seq: 6, unread_count: 2, last_message_content: "Sixth" });
  });

  it("a rename (same messages, later updated_at) wins over the view before it, not the other way", () => {
    const renamed: WireRoom = { ...unreadView, name: "Keys", updated_at: "2026-12-01T10:05:00.000Z" };
    expect(upsertRooms([unreadView], [renamed])[0]?.name).toBe("Keys");
    expect(upsertRooms([renamed], [unreadView])[0]?.name).toBe("Keys");
  });

  it("a message applied to an older read, then a late read answer: the message stays and the read holds", () => {
    const activity = {
      room_id: 7,
      seq: 6,
      message_id: 40,
      sender: { id: 2, username: "cleaner1" },
      preview: "On my way",
      timestamp: "2026-12-01T10:02:00.000Z",
      mentions: [],
    };
    const withMessage = applyActivity([unreadView], activity, false);
    const lateRead: WireRoom = { ...unreadView, unread_count: 0, unread_mentions: 0, last_read_id: 5 };
    const [room] = upsertRooms(withMessage, [lateRead]);
    expect(room).toMatchObject({ last_seq: 6, last_message_content: "On my way", last_read_id: 5, unread_count: 0, unread_mentions: 0 });
  });

  it("through the store: a mark-read answer, then the room-list fetch that started before it", () => {
    const store = createChatStore({ me: { id: 3, username: "bob", name: "Bob" }, rooms: [unreadView], roomsCursor: null, unreadTotal: 1 });
    store.upsertRooms([{ ...unreadView, unread_count: 0, unread_mentions: 0, last_read_id: 5 }]);
    store.upsertRooms([unreadView]);
    expect(store.getState().rooms[0]).toMatchObject({ unread_count: 0, unread_mentions: 0 });
  });
});
