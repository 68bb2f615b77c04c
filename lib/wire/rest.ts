// The REST answers' snake_case shapes (the seed's wire contract): one schema each, types
// inferred from them. The browser parses with these, the server's serializers
// (lib/wire/serialize.ts) are typed by them, and the tests check answers against them.
// Valibot rather than zod here: this module and lib/wire/events.ts are the only validation the
// browser loads, and valibot's per-function exports tree-shake to about 3 KB gzipped where
// zod/mini costs 17 KB on the room page. Server-side input validation stays on zod.
import * as v from "valibot";
import type { ErrorCode } from "@/lib/errors";
import { JOB_STATUSES } from "@/lib/jobs/status";

export const wireId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
export const isoTime = v.pipe(v.string(), v.isoTimestamp());

/** A message's place in its room: 1, 2, 3... with no gaps, in commit order. */
export const wireSeq = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647));

export const wireUserSchema = v.object({ id: wireId, username: v.pipe(v.string(), v.minLength(1)) });
export type WireUser = v.InferOutput<typeof wireUserSchema>;

export const userSummarySchema = v.object({ id: wireId, username: v.pipe(v.string(), v.minLength(1)), name: v.string() });
export type UserSummary = v.InferOutput<typeof userSummarySchema>;

/** The message a reply quotes, as it is now: a one-line excerpt of its current text (empty once
 * it is deleted: `deleted` says so, its old text is never sent). */
export const wireReplySchema = v.object({ id: wireId, sender: userSummarySchema, excerpt: v.string(), deleted: v.boolean() });
export type WireReply = v.InferOutput<typeof wireReplySchema>;

/** A user a message mentions: the browser shows "@name" for the content's "<@id>" token. */
export const wireMentionSchema = userSummarySchema;
export type WireMention = UserSummary;

/** A photo or file on a message. `size` is the bytes served (an image's re-encoded display
 * size); `url`/`thumb_url` are app routes open to the room's participants only. */
export const wireAttachmentSchema = v.object({
  id: v.pipe(v.string(), v.uuid()),
  kind: v.picklist(["image", "file"]),
  name: v.string(),
  content_type: v.string(),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  width: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  height: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  url: v.string(),
  thumb_url: v.nullable(v.string()),
});
export type WireAttachment = v.InferOutput<typeof wireAttachmentSchema>;

/** POST /api/chat/rooms/{id}/uploads: where and how the browser PUTs the bytes, until expires_at. */
export const wireUploadSchema = v.object({
  upload: v.object({
    id: v.pipe(v.string(), v.uuid()),
    upload_url: v.string(),
    method: v.literal("PUT"),
    headers: v.record(v.string(), v.string()),
    expires_at: isoTime,
  }),
});
export type WireUpload = v.InferOutput<typeof wireUploadSchema>;

export const wireMessageSchema = v.object({
  id: wireId,
  room_id: wireId,
  /** Gapless per room: a browser holding n that receives n+2 fetches the gap (after=). */
  seq: wireSeq,
  sender: wireUserSchema,
  content: v.string(),
  timestamp: isoTime,
  client_id: v.pipe(v.string(), v.uuid()),
  is_read: v.boolean(),
  edited_at: v.nullable(isoTime),
  deleted: v.boolean(),
  /** Added with replies: absent in events stored before them, read as null. */
  reply_to: v.optional(v.nullable(wireReplySchema), null),
  /** The members its "<@id>" tokens name (empty when deleted); absent from older senders. */
  mentions: v.optional(v.array(wireMentionSchema)),
  /** Photos and files, in the order they were sent; [] when none (and absent from events stored before attachments existed). */
  attachments: v.optional(v.array(wireAttachmentSchema), []),
  /** In the sender's answer only: phone numbers or emails in it were hidden until the job is booked. */
  contact_masked: v.optional(v.boolean()),
});
export type WireMessage = v.InferOutput<typeof wireMessageSchema>;

export const wireMessagePageSchema = v.object({
  messages: v.array(wireMessageSchema),
  has_more: v.boolean(),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  oldest_id: v.nullable(wireId),
  newest_id: v.nullable(wireId),
  /** Only on an `around=` page: whether there are messages before `oldest_id` and after `newest_id`. */
  has_more_older: v.optional(v.boolean()),
  has_more_newer: v.optional(v.boolean()),
});
export type WireMessagePage = v.InferOutput<typeof wireMessagePageSchema>;

const roomKindSchema = v.picklist(["DIRECT", "GROUP", "JOB"]);

/** The job of a JOB room, as the viewer may see it. `address` only for the job's client and
 * cleaner once it is booked or later (lib/jobs/status.ts); `read_only`: the room takes no more
 * messages (completed or cancelled 14 days ago). */
export const wireJobSchema = v.object({
  id: wireId,
  title: v.string(),
  scheduled_at: v.nullable(isoTime),
  area: v.nullable(v.string()),
  status: v.picklist(JOB_STATUSES),
  status_changed_at: isoTime,
  read_only: v.boolean(),
  address: v.optional(v.string()),
});
export type WireJob = v.InferOutput<typeof wireJobSchema>;

/** The answer of POST /api/jobs/{id}/assignment (the marketplace's server). */
export const wireAssignmentSchema = v.object({
  job_id: wireId,
  client_id: wireId,
  cleaner_id: v.nullable(wireId),
  status: v.picklist(JOB_STATUSES),
  status_changed_at: isoTime,
  room_id: wireId,
  changed: v.boolean(),
  added_user_ids: v.array(wireId),
  removed_user_ids: v.array(wireId),
});
export type WireAssignment = v.InferOutput<typeof wireAssignmentSchema>;

export const wireRoomSchema = v.object({
  id: wireId,
  name: v.string(),
  kind: roomKindSchema,
  job_id: v.nullable(wireId),
  last_message_content: v.string(),
  last_message_time: v.nullable(isoTime),
  last_message_sender: v.nullable(wireUserSchema),
  unread_count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Of those unread messages, how many mention the viewer (the room list's "@" badge). */
  unread_mentions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  updated_at: isoTime,
  /** The seq of the room's newest message (0 before the first). A room.activity that skips a
   * number tells the browser a message passed it by, so its unread count is fetched again. */
  last_seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The viewer's read mark: the id of the newest message they have read (0 before any). With
   * last_seq it orders two views of the room, so a late, older one does not undo a read. */
  last_read_id: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** GROUP rooms: who may remove other members (with admins); null for other kinds. */
  owner_id: v.nullable(wireId),
  /** JOB rooms: the job (additive; absent on other kinds). */
  job: v.optional(wireJobSchema),
  /** The viewer's mute: no notifications until then (far future: until unmuted); null when not
   * muted. The room still counts unread. Absent from answers of servers before mutes. */
  muted_until: v.optional(v.nullable(isoTime)),
  /** Only on the room.updated sent to someone who just left or was removed: drop it from the list. */
  removed: v.optional(v.literal(true)),
});
export type WireRoom = v.InferOutput<typeof wireRoomSchema>;

export const roomPageSchema = v.object({ rooms: v.array(wireRoomSchema), next_cursor: v.nullable(v.string()) });

export const userSearchSchema = v.object({ users: v.array(userSummarySchema) });
export const memberListSchema = v.object({ members: v.array(userSummarySchema) });

/** The answer of the calls that change a group's members or owner (and members.updated's full form). */
export const membersChangeSchema = v.object({ room_id: wireId, owner_id: v.nullable(wireId), members: v.array(userSummarySchema) });
export type MembersChangeWire = v.InferOutput<typeof membersChangeSchema>;

/** A search hit: the message's place, who sent it, and an excerpt with the matched words as
 * UTF-16 offsets into `excerpt` (the browser wraps them in <mark>; no markup on the wire). */
export const wireSearchResultSchema = v.object({
  id: wireId,
  room: v.object({ id: wireId, name: v.string(), kind: roomKindSchema }),
  seq: wireSeq,
  sender: wireUserSchema,
  timestamp: isoTime,
  excerpt: v.string(),
  highlights: v.array(v.object({ start: v.pipe(v.number(), v.integer(), v.minValue(0)), length: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
});
export type WireSearchResult = v.InferOutput<typeof wireSearchResultSchema>;
export const searchPageSchema = v.object({ results: v.array(wireSearchResultSchema), next_cursor: v.nullable(v.string()) });
export type WireSearchPage = v.InferOutput<typeof searchPageSchema>;

export const unreadTotalSchema = v.object({ total: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/** Codes a client may be told (the 4xx family); `internal` and `unavailable` are server faults. */
const CLIENT_ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_input",
  "conflict",
  "payload_too_large",
  "unsupported_type",
  "unprocessable",
  "rate_limited",
] as const satisfies readonly ErrorCode[];

/** A refusal a client may be shown. */
export const wireErrorSchema = v.object({ code: v.picklist(CLIENT_ERROR_CODES), message: v.pipe(v.string(), v.minLength(1)) });

/** A server action's typed result whose data matches `data`, or a refusal (with, for forms that have them, per-field messages). */
export function actionResultSchema<T extends v.GenericSchema>(data: T) {
  return v.union([
    v.object({ ok: v.literal(true), data }),
    v.object({ ok: v.literal(false), error: wireErrorSchema, fieldErrors: v.optional(v.record(v.string(), v.string())) }),
  ]);
}

/** How far another member has read a room (GET /api/chat/rooms/{id}/receipts, read.updated). */
export const wireReadMarkSchema = v.object({ user_id: wireId, up_to_id: wireId, read_at: isoTime });
export type WireReadMark = v.InferOutput<typeof wireReadMarkSchema>;

/** The caller's own settings (GET/PATCH /api/chat/me/settings). */
export const wireSettingsSchema = v.object({
  read_receipts: v.boolean(),
  /** The unread-messages email: on or off, and how long a message waits unread before it counts. */
  notify_email: v.boolean(),
  notify_email_delay_minutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Notifications (in-tab, Web Push, email) say that a message came, never what it says. */
  notify_hide_previews: v.boolean(),
  /** An @mention of me notifies even in a room I muted. */
  notify_mentions_when_muted: v.boolean(),
});
export type WireSettings = v.InferOutput<typeof wireSettingsSchema>;

/** GET /api/chat/me/blocks: the people I blocked, most recent first. */
export const wireBlockedPersonSchema = v.object({ id: wireId, username: v.string(), name: v.string(), blocked_at: isoTime });
export type WireBlockedPerson = v.InferOutput<typeof wireBlockedPersonSchema>;
export const blockListSchema = v.object({ users: v.array(wireBlockedPersonSchema) });
