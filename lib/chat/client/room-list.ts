// The sidebar's rooms as the browser holds them: newest activity first, like listRooms.
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

export function withUnread(current: WireRoom[], roomId: number, unread: number): WireRoom[] {
  return current.map((r) => (r.id === roomId && r.unread_count !== unread ? { ...r, unread_count: unread } : r));
}

export const sumUnread = (rooms: WireRoom[]) => rooms.reduce((total, r) => total + r.unread_count, 0);
