// Every realtime event: its name and its payload's schema, in one table. The server's publisher
// looks the payload type up from the name (a wrong payload does not compile), the browser's
// bindings parse with the same schemas, and the tests check what they receive against them.
// Adding an event is one entry in EVENT_SCHEMAS (and, on the server, a domain function that
// returns it).
import * as v from "valibot";
import { isoTime, membersChangeSchema, wireId, wireMessageSchema, wireRoomSchema, wireSeq, wireUserSchema } from "@/lib/wire/rest";

/** message.created carries a preview and `truncated: true` when the whole message would not fit
 * in one event (lib/realtime/event-size.ts); the browser then fetches it. */
const messageCreatedSchema = v.object({ ...wireMessageSchema.entries, truncated: v.optional(v.literal(true)) });
/** The room as its receiver sees it; the last message cut to a preview when it would not fit. */
const roomUpdatedSchema = v.object({ ...wireRoomSchema.entries, last_message_truncated: v.optional(v.literal(true)) });
/** A room's new message as every member's room list shows it: one payload for all members (a
 * multi-channel trigger), so it carries no per-user view. Each browser moves the room to the top,
 * shows the preview and counts its own unread; the room list's fetch reconciles. */
const roomActivitySchema = v.object({
  room_id: wireId,
  seq: wireSeq,
  message_id: wireId,
  sender: wireUserSchema,
  /** The room list's last message: at most 200 characters (lib/chat/preview.ts). */
  preview: v.string(),
  timestamp: isoTime,
  /** Who the message mentions (at most 50): each of them counts it in their "@" badge too, and
   * is notified even in a room they muted, when they asked for that. */
  mentions: v.optional(v.array(wireId)),
});
const messageDeletedSchema = v.object({ id: wireId, room_id: wireId });
/** read_at: when the mark moved (added later, so optional for older senders). */
const readUpdatedSchema = v.object({ room_id: wireId, user_id: wireId, up_to_id: wireId, read_at: v.optional(isoTime) });
/** A group's whole member list (groups are small) and owner after any change to either, or,
 * when the list would not fit in one event, only the owner and `members_truncated` (fetch it). */
export const membersUpdatedSchema = v.union([
  membersChangeSchema,
  v.object({ room_id: wireId, owner_id: v.nullable(wireId), members: v.null(), members_truncated: v.literal(true) }),
]);
/** Browser to browser (client event). Who is typing is not taken from here: the sender could
 * claim anyone. The realtime server attaches the member's authenticated id to client events on
 * presence channels; user_id and username are the sender's say-so, kept for older readers. */
const typingSchema = v.object({ typing: v.boolean(), user_id: v.optional(v.number()), username: v.optional(v.string()) });

export const EVENT_SCHEMAS = {
  "message.created": messageCreatedSchema,
  /** An edit: the whole message, or a preview with `truncated` as for message.created. */
  "message.updated": messageCreatedSchema,
  "message.deleted": messageDeletedSchema,
  "read.updated": readUpdatedSchema,
  "room.updated": roomUpdatedSchema,
  "room.activity": roomActivitySchema,
  "members.updated": membersUpdatedSchema,
  "client-typing": typingSchema,
} as const;

export type EventName = keyof typeof EVENT_SCHEMAS;
export type EventPayload<E extends EventName> = v.InferOutput<(typeof EVENT_SCHEMAS)[E]>;

/** The payload when `data` is a valid `event`, else null: a reader drops what it cannot read. */
export function parseEvent<E extends EventName>(event: E, data: unknown): EventPayload<E> | null {
  const result = v.safeParse(EVENT_SCHEMAS[event], data);
  return result.success ? (result.output as EventPayload<E>) : null;
}

export const EVENTS = {
  messageCreated: "message.created",
  messageUpdated: "message.updated",
  messageDeleted: "message.deleted",
  readUpdated: "read.updated",
  roomUpdated: "room.updated",
  roomActivity: "room.activity",
  membersUpdated: "members.updated",
  typing: "client-typing",
} as const satisfies Record<string, EventName>;

/**
 * One event to publish: the payload's type follows from the event's name. `channel` is one
 * channel, or several (at most TRIGGER_CHANNEL_LIMIT, lib/realtime/channels.ts) that get the
 * same payload in one trigger call. Plain JSON data, so it can be stored and published later.
 */
export type OutgoingEvent = { [E in EventName]: { channel: string | string[]; event: E; payload: EventPayload<E> } }[EventName];

export const outgoing = <E extends EventName>(channel: string | string[], event: E, payload: EventPayload<E>) =>
  ({ channel, event, payload }) as OutgoingEvent;

export type MessageCreatedEvent = EventPayload<"message.created">;
export type RoomUpdatedEvent = EventPayload<"room.updated">;
export type RoomActivityEvent = EventPayload<"room.activity">;
export type MembersUpdatedEvent = EventPayload<"members.updated">;
export type TypingEvent = EventPayload<"client-typing">;
