// The REST answers' snake_case shapes (the seed's wire contract): one zod schema each, types
// inferred from them. The browser parses with these (zod/mini keeps its bundle small), the
// server's serializers (lib/wire/serialize.ts) are typed by them, and the tests check answers
// against them.
import * as z from "zod/mini";
import type { ErrorCode } from "@/lib/errors";

// zod compiles object parsers with `new Function` when it may; its first parse probes for that,
// which the page's Content-Security-Policy (no 'unsafe-eval') refuses and reports as a
// violation. Every schema the browser parses with comes from lib/wire, so it says so up front
// (in the browser only: on the server, where this module is also loaded, the JIT stays).
if (typeof window !== "undefined") z.config({ jitless: true });

export const wireId = z.number().check(z.int(), z.positive(), z.maximum(Number.MAX_SAFE_INTEGER));
/** A message's place in its room: 1, 2, 3... with no gaps, in commit order. */
export const wireSeq = z.number().check(z.int(), z.positive(), z.maximum(2_147_483_647));
export const isoTime = z.iso.datetime();

export const wireUserSchema = z.object({ id: wireId, username: z.string().check(z.minLength(1)) });
export type WireUser = z.infer<typeof wireUserSchema>;

export const wireMessageSchema = z.object({
  id: wireId,
  room_id: wireId,
  /** Gapless per room: a browser holding n that receives n+2 fetches the gap (after=). */
  seq: wireSeq,
  sender: wireUserSchema,
  content: z.string(),
  timestamp: isoTime,
  client_id: z.uuid(),
  is_read: z.boolean(),
  edited_at: z.nullable(isoTime),
  deleted: z.boolean(),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;

export const wireMessagePageSchema = z.object({
  messages: z.array(wireMessageSchema),
  has_more: z.boolean(),
  count: z.number().check(z.int(), z.nonnegative()),
  oldest_id: z.nullable(wireId),
  newest_id: z.nullable(wireId),
});
export type WireMessagePage = z.infer<typeof wireMessagePageSchema>;

const roomKindSchema = z.enum(["DIRECT", "GROUP", "JOB"]);

export const wireRoomSchema = z.object({
  id: wireId,
  name: z.string(),
  kind: roomKindSchema,
  job_id: z.nullable(wireId),
  last_message_content: z.string(),
  last_message_time: z.nullable(isoTime),
  last_message_sender: z.nullable(wireUserSchema),
  unread_count: z.number().check(z.int(), z.nonnegative()),
  updated_at: isoTime,
  /** GROUP rooms: who may remove other members (with admins); null for other kinds. */
  owner_id: z.nullable(wireId),
  /** Only on the room.updated sent to someone who just left or was removed: drop it from the list. */
  removed: z.optional(z.literal(true)),
});
export type WireRoom = z.infer<typeof wireRoomSchema>;

export const roomPageSchema = z.object({ rooms: z.array(wireRoomSchema), next_cursor: z.nullable(z.string()) });

export const userSummarySchema = z.object({ id: wireId, username: z.string().check(z.minLength(1)), name: z.string() });
export type UserSummary = z.infer<typeof userSummarySchema>;
export const userSearchSchema = z.object({ users: z.array(userSummarySchema) });
export const memberListSchema = z.object({ members: z.array(userSummarySchema) });

/** The answer of the calls that change a group's members or owner (and members.updated's full form). */
export const membersChangeSchema = z.object({ room_id: wireId, owner_id: z.nullable(wireId), members: z.array(userSummarySchema) });
export type MembersChangeWire = z.infer<typeof membersChangeSchema>;

export const unreadTotalSchema = z.object({ total: z.number().check(z.int(), z.nonnegative()) });

/** Codes a client may be told (the 4xx family); `internal` and `unavailable` are server faults. */
const CLIENT_ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_input",
  "conflict",
  "payload_too_large",
  "rate_limited",
] as const satisfies readonly ErrorCode[];

/** A refusal a client may be shown. */
export const wireErrorSchema = z.object({ code: z.enum(CLIENT_ERROR_CODES), message: z.string().check(z.minLength(1)) });

/** A server action's typed result whose data matches `data`, or a refusal (with, for forms that have them, per-field messages). */
export function actionResultSchema<T extends z.core.$ZodType>(data: T) {
  return z.union([
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: wireErrorSchema, fieldErrors: z.optional(z.record(z.string(), z.string())) }),
  ]);
}
