// The sidebar's rooms as the browser holds them: newest activity first, like listRooms.
import type { RoomActivityEvent } from "@/lib/wire/events";
import type { WireRoom } from "@/lib/wire/rest";

const activity = (room: WireRoom) => room.last_message_time ?? room.updated_at;

function byActivity(a: WireRoom, b: WireRoom): number {
  const diff = activity(b).localeCompare(activity(a));
  return diff !== 0 ? diff : b.id - a.id;
}

/** Inserts or replaces rooms, unless the held copy is newer (events can arrive out of order). */
export function upsertRooms(current: WireRoom[], incoming: WireRoom[]): WireRoom[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const room of incoming) {
    const held = byId.get(room.id);
    if (held && held.updated_at > room.updated_at) continue;
    byId.set(room.id, room);
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
