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
 * A room's new message (room.activity) applied to the held room: preview, sender, time, and one
 * more unread when `counted`. Unchanged when the held room already shows it or something newer
 * (a late or repeated event: delivery is at least once), so a message is never counted twice.
 */
export function applyActivity(current: WireRoom[], activity: RoomActivityEvent, counted: boolean): WireRoom[] {
  const held = current.find((r) => r.id === activity.room_id);
  if (!held) return current;
  const shown = held.last_message_time === activity.timestamp && held.last_message_sender?.id === activity.sender.id;
  if (shown || held.updated_at > activity.timestamp) return current;
  const room: WireRoom = {
    ...held,
    last_message_content: activity.preview,
    last_message_time: activity.timestamp,
    last_message_sender: activity.sender,
    updated_at: activity.timestamp,
    unread_count: held.unread_count + (counted ? 1 : 0),
  };
  return upsertRooms(current, [room]);
}

export function withUnread(current: WireRoom[], roomId: number, unread: number): WireRoom[] {
  return current.map((r) => (r.id === roomId && r.unread_count !== unread ? { ...r, unread_count: unread } : r));
}

export const sumUnread = (rooms: WireRoom[]) => rooms.reduce((total, r) => total + r.unread_count, 0);
