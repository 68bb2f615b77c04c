// The sidebar's rooms as the browser holds them: newest activity first, like listRooms.
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { WireRoom } from "@/lib/wire/rest";

const activity = (room: WireRoom) => room.last_message_time ?? room.updated_at;

function byActivity(a: WireRoom, b: WireRoom): number {
  const diff = activity(b).localeCompare(activity(a));
  return diff !== 0 ? diff : b.id - a.id;
}

/** -1, 0 or 1: how `a`'s room fields (messages, then other changes) stand against `b`'s. */
function compareRoomState(a: WireRoom, b: WireRoom): number {
  if (a.last_seq !== b.last_seq) return Math.sign(a.last_seq - b.last_seq);
  return a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : 0;
}

/**
 * Which of two views of one room to keep. Views arrive out of order (a room-list fetch answered
 * late, a mark-read answer behind a room.updated), and two views after the same message differ
 * only in the reader's read mark, so a view is older when it is behind in the room's state or in
 * the read mark and ahead in neither. When each is ahead in one (a message applied to an older
 * read, then a late read answer), the room fields come from one and the read state from the other;
 * the unread count is then the read view's, which may miss a message until the room is fetched.
 */
export function newerView(held: WireRoom, incoming: WireRoom): WireRoom {
  const room = compareRoomState(incoming, held);
  const read = Math.sign(incoming.last_read_id - held.last_read_id);
  if (room >= 0 && read >= 0) return incoming;
  if (room <= 0 && read <= 0) return held;
  const [roomView, readView] = room > 0 ? [incoming, held] : [held, incoming];
  return {
    ...roomView,
    unread_count: readView.unread_count,
    unread_mentions: readView.unread_mentions,
    last_read_id: readView.last_read_id,
  };
}

/** Inserts rooms, or keeps the newer view of each held one (see newerView). */
export function upsertRooms(current: WireRoom[], incoming: WireRoom[]): WireRoom[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const room of incoming) {
    const held = byId.get(room.id);
    byId.set(room.id, held ? newerView(held, room) : room);
  }
  return [...byId.values()].sort(byActivity);
}

/**
 * Where a room.activity stands against the held room, by seq: the next message ("next"), one the
 * room already shows or is past ("stale": late or repeated, delivery being at least once), or
 * one after a message this list never heard of ("gap": a missed or not yet delivered event, so
 * the unread count may be short until the room is fetched again).
 */
export function activityOrder(held: WireRoom, activity: RoomActivityEvent): "next" | "stale" | "gap" {
  if (activity.seq <= held.last_seq) return "stale";
  return activity.seq === held.last_seq + 1 ? "next" : "gap";
}

/**
 * A room's new message (room.activity) applied to the held room: preview, sender, time, seq, and
 * one more unread when `counted` (and one more unread mention when it also mentions me). A stale
 * event changes nothing, so no message is counted twice.
 */
export function applyActivity(current: WireRoom[], activity: RoomActivityEvent, counted: boolean, mentionsMe = false): WireRoom[] {
  const held = current.find((r) => r.id === activity.room_id);
  if (!held || activityOrder(held, activity) === "stale") return current;
  const room: WireRoom = {
    ...held,
    last_message_content: activity.preview,
    last_message_time: activity.timestamp,
    last_message_sender: activity.sender,
    updated_at: activity.timestamp,
    unread_count: held.unread_count + (counted ? 1 : 0),
    unread_mentions: (held.unread_mentions ?? 0) + (counted && mentionsMe ? 1 : 0),
    last_seq: activity.seq,
  };
  return upsertRooms(current, [room]);
}

export function withUnread(current: WireRoom[], roomId: number, unread: number): WireRoom[] {
  return current.map((r) =>
    r.id === roomId && (r.unread_count !== unread || (unread === 0 && r.unread_mentions))
      ? { ...r, unread_count: unread, ...(unread === 0 ? { unread_mentions: 0 } : {}) }
      : r,
  );
}

export const sumUnread = (rooms: WireRoom[]) => rooms.reduce((total, r) => total + r.unread_count, 0);
