// The wire shapes (lib/chat/wire.ts) as zod schemas, so tests can check an answer is valid data
// and not merely "something".
import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const iso = z.iso.datetime();

export const wireUserSchema = z.object({ id, username: z.string().min(1) }).strict();

export const wireMessageSchema = z
  .object({
    id,
    room_id: id,
    sender: wireUserSchema,
    content: z.string().max(4000),
    timestamp: iso,
    client_id: z.uuid(),
    is_read: z.boolean(),
    edited_at: iso.nullable(),
    deleted: z.boolean(),
  })
  .strict();

export const wireRoomSchema = z
  .object({
    id,
    name: z.string(),
    kind: z.enum(["DIRECT", "GROUP", "JOB"]),
    job_id: id.nullable(),
    last_message_content: z.string(),
    last_message_time: iso.nullable(),
    last_message_sender: wireUserSchema.nullable(),
    unread_count: z.number().int().nonnegative(),
    updated_at: iso,
    owner_id: id.nullable(),
  })
  .strict();

const memberSchema = z.object({ id, username: z.string().min(1), name: z.string() }).strict();

/** The answer of the calls that change a group's members or owner. */
export const membersChangeSchema = z.object({ room_id: id, owner_id: id.nullable(), members: z.array(memberSchema) }).strict();

/** members.updated: the same, or (members_truncated) without the list when it would not fit in one event. */
export const membersUpdatedSchema = z.union([
  membersChangeSchema,
  z.object({ room_id: id, owner_id: id.nullable(), members: z.null(), members_truncated: z.literal(true) }).strict(),
]);

/** Codes a client may be told (the 4xx family); `internal` and `unavailable` are server faults. */
export const CLIENT_ERROR_CODES = ["unauthorized", "forbidden", "not_found", "invalid_input", "conflict", "payload_too_large", "rate_limited"] as const satisfies readonly ErrorCode[];

export const wireErrorSchema = z.object({ code: z.enum(CLIENT_ERROR_CODES), message: z.string().min(1) }).strict();

/** A typed ActionResult whose data matches `data`, or a refusal with a client error code (and,
 * for forms that have them, per-field messages). */
export function actionResultSchema<T extends z.ZodType>(data: T, options: { fieldErrors?: boolean } = {}) {
  const refusal = options.fieldErrors
    ? z.object({ ok: z.literal(false), error: wireErrorSchema, fieldErrors: z.record(z.string(), z.string()).optional() }).strict()
    : z.object({ ok: z.literal(false), error: wireErrorSchema }).strict();
  return z.union([z.object({ ok: z.literal(true), data }).strict(), refusal]);
}
