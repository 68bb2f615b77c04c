// Wire messages and pages for the browser store's tests, in the shape the API sends them.
import type { WireMessage, WireMessagePage } from "@/lib/wire/rest";

export const ME = { id: 1, username: "me", name: "Me" };
export const OTHER = { id: 2, username: "other" };
export const ROOM = 7;
const START = Date.parse("2026-11-30T10:00:00Z");

/** Message `id` in ROOM, one minute after the previous id, from OTHER unless told. */
export function message(id: number, fields: Partial<WireMessage> = {}): WireMessage {
  return {
    id,
    room_id: ROOM,
    seq: id,
    sender: OTHER,
    content: `message ${id}`,
    timestamp: new Date(START + id * 60_000).toISOString(),
    client_id: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    is_read: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    ...fields,
    reply_to: fields.reply_to ?? null,
  };
}

export const messages = (from: number, to: number, fields: Partial<WireMessage> = {}) =>
  Array.from({ length: to - from + 1 }, (_, i) => message(from + i, fields));

export function page(list: WireMessage[], hasMore = false): WireMessagePage {
  return { messages: list, has_more: hasMore, count: list.length, oldest_id: list[0]?.id ?? null, newest_id: list.at(-1)?.id ?? null };
}

export const ids = (list: { id: number }[]) => list.map((m) => m.id);
