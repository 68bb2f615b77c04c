// Keeping every event under Pusher's 10 KB limit. Pusher measures an event's `data`: the JSON
// string the server SDK sends, in UTF-8 bytes. A 4,000-character message can be 12 KB of CJK or
// much more once quotes, backslashes and control characters are escaped, so message.created
// carries a preview and `truncated: true` when the whole message would not fit (the browser then
// fetches it), and room.updated a preview of the last message with `last_message_truncated: true`.
import type { MembersUpdatedEvent, MessageCreatedEvent, RoomUpdatedEvent } from "@/lib/wire/events";
import type { MembersChangeWire, WireMessage, WireRoom } from "@/lib/wire/rest";

/** Pusher Channels' limit on an event's data (hosted, Soketi's default and the embedded server). */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
/** What we allow ourselves: headroom under the limit. */
export const EVENT_DATA_BUDGET_BYTES = 10_000;
/** A cut message's preview, as escaped JSON: enough for a notification or a list line. */
export const PREVIEW_BYTES = 1_000;

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** UTF-8 bytes of `value` as JSON: what Pusher counts for an event's data. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * The longest prefix of `text`, cut between grapheme clusters (never inside an emoji sequence or
 * a surrogate pair), whose JSON string body is at most `maxBytes` UTF-8 bytes.
 */
export function previewOf(text: string, maxBytes: number): string {
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    // The quotes JSON.stringify adds are not part of the body.
    const bytes = jsonBytes(segment) - 2;
    if (used + bytes > maxBytes) break;
    used += bytes;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** The message as message.created carries it: whole when it fits, else a preview and the flag. */
export function fitMessage(message: WireMessage): MessageCreatedEvent {
  if (jsonBytes(message) <= EVENT_DATA_BUDGET_BYTES) return message;
  const content = previewOf(message.content, PREVIEW_BYTES);
  // The browser fetches the whole message; meanwhile the preview names the mentions it still holds.
  const mentions = (message.mentions ?? []).filter((m) => content.includes(`<@${m.id}>`));
  const cut = { ...message, content, mentions, truncated: true as const };
  return jsonBytes(cut) <= EVENT_DATA_BUDGET_BYTES ? cut : { ...cut, mentions: [] };
}

/** The room as room.updated carries it: its last message cut to a preview when it would not fit. */
export function fitRoom(room: WireRoom): RoomUpdatedEvent {
  if (jsonBytes(room) <= EVENT_DATA_BUDGET_BYTES) return room;
  return { ...room, last_message_content: previewOf(room.last_message_content, PREVIEW_BYTES), last_message_truncated: true };
}

/** members.updated with the list when it fits; a large group's names only its owner, and the browser fetches the list. */
export function fitMembers(event: MembersChangeWire): MembersUpdatedEvent {
  if (jsonBytes(event) <= EVENT_DATA_BUDGET_BYTES) return event;
  return { room_id: event.room_id, owner_id: event.owner_id, members: null, members_truncated: true };
}
