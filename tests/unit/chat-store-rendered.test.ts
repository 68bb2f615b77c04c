// The store's rendered state (what hydration reads) stays what the server rendered from, while
// the live state moves on; seeding an open room adds it once and wakes no one.
import { describe, expect, it, vi } from "vitest";
import { createChatStore } from "@/lib/chat/client/store";
import type { RoomMember } from "@/lib/chat/rooms";
import type { WireRoom } from "@/lib/wire/rest";

const me = { id: 1, username: "client1", name: "Alice Client" };
const room: WireRoom = {
  id: 7,
  name: "Job #7 Chat",
  kind: "JOB",
  last_seq: 0,
  last_read_id: 0,
  job_id: 7,
  owner_id: null,
  last_message_content: "",
  last_message_time: null,
  last_message_sender: null,
  unread_count: 0,
  updated_at: "2026-12-01T10:00:00.000Z",
};
const members: RoomMember[] = [
  { id: 1, username: "client1", name: "Alice Client" },
  { id: 4, username: "cleaner1", name: "Bob Cleaner" },
];

describe("chat store rendered state", () => {
  it("keeps what the server rendered from while the live state changes", () => {
    const store = createChatStore({ me, rooms: [], roomsCursor: null, unreadTotal: 0 });
    store.upsertRooms([room]);
    store.setMembers(room.id, members);
    store.setConnection({ state: "connected", degraded: false });
    expect(store.getRenderedState().rooms).toEqual([]);
    expect(store.getRenderedState().members).toEqual({});
    expect(store.getRenderedState().connection.state).toBe("initialized");
    expect(store.getState().connection.state).toBe("connected");
  });

  it("seeds an open room into the rendered state once, without notifying", () => {
    const store = createChatStore({ me, rooms: [], roomsCursor: null, unreadTotal: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.seedRoom(room, members);
    const seeded = store.getRenderedState();
    expect(seeded.rooms.map((r) => r.id)).toEqual([room.id]);
    expect(seeded.members[room.id]).toEqual(members);
    store.seedRoom({ ...room, name: "Renamed" }, []);
    expect(store.getRenderedState()).toBe(seeded);
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState().members).toEqual({});
  });
});
