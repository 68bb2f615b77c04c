// Input schemas shared by route handlers, server actions and client forms.
import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_MESSAGE_LENGTH, MAX_PAGE_SIZE, MAX_SEARCH_QUERY_BYTES } from "@/lib/chat/limits";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/attachments/limits";

// The composer still imports it from here; browser code should import lib/chat/limits instead.
export { MAX_MESSAGE_LENGTH };

/** A positive integer id in a query string or path: digits only, within JS's safe range. */
export const idParam = z
  .string()
  .regex(/^[0-9]{1,16}$/, "must be a positive integer")
  .transform(Number)
  .refine((n) => n > 0 && Number.isSafeInteger(n), "must be a positive integer within range");

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Users, rooms and jobs are keyed by PostgreSQL `integer`: a larger id cannot exist, and passing
 * one to a query fails in the database (22003, a 500). Message and audit ids are `bigint`.
 */
export const MAX_ROW_ID = 2_147_483_647;
const withinRowId = (n: number) => n <= MAX_ROW_ID;
export const rowId = z.number().int().positive().max(MAX_ROW_ID);
export const rowIdParam = idParam.refine(withinRowId, "must be a positive integer within range");

export const messagePageQuerySchema = z
  .object({
    before: idParam.optional(),
    after: idParam.optional(),
    /** The page centred on this message (lib/chat/messages.ts getMessagesAround). */
    around: idParam.optional(),
    limit: idParam.optional().transform((n) => Math.min(n ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
  })
  .strict()
  .refine((q) => [q.before, q.after, q.around].filter((c) => c !== undefined).length <= 1, "use one of before, after and around");

/** PostgreSQL's text and jsonb cannot hold U+0000: stored text is refused with it (400), not left to fail as a 500. */
export const NO_NUL: [(s: string) => boolean, string] = [(s) => !s.includes("\u0000"), "may not contain the NUL character (U+0000)"];

export const messageContentSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, "message is empty")
      .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
      .refine(...NO_NUL),
  );

/** Finished uploads to send with a message (lib/attachments): distinct, at most 10. */
export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`)
  .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, "an attachment is listed twice");

// A send's text may be empty when it carries attachments (a photo with no caption).
const sendFields = {
  content: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(MAX_MESSAGE_LENGTH, `at most ${MAX_MESSAGE_LENGTH} characters`)
        .refine(...NO_NUL),
    ),
  client_id: z.uuid(),
  reply_to_id: positiveId.optional(),
  attachment_ids: attachmentIdsSchema.optional(),
};
const notEmpty = (body: { content: string; attachment_ids?: string[] }) => body.content !== "" || (body.attachment_ids?.length ?? 0) > 0;
const EMPTY = { message: "message is empty", path: ["content"] };

export const sendMessageBodySchema = z.object(sendFields).strict().refine(notEmpty, EMPTY);
/** The send action's input: the body and its room. */
export const sendMessageActionSchema = z
  .object({ ...sendFields, room_id: rowId })
  .strict()
  .refine(notEmpty, EMPTY);

export const editMessageBodySchema = z.object({ content: messageContentSchema }).strict();
/** The server actions' message target: a room and one of its messages. */
export const messageTargetSchema = z.object({ room_id: rowId, message_id: positiveId }).strict();

export const markReadBodySchema = z.object({ up_to_id: positiveId }).strict();

/** Minutes an unread message waits before the email digest counts it: a minute to a day. */
export const EMAIL_DELAY_MINUTES = { min: 1, max: 1440 } as const;
export const settingsBodySchema = z
  .object({
    read_receipts: z.boolean().optional(),
    notify_email: z.boolean().optional(),
    notify_email_delay_minutes: z.number().int().min(EMAIL_DELAY_MINUTES.min).max(EMAIL_DELAY_MINUTES.max).optional(),
    notify_hide_previews: z.boolean().optional(),
    notify_mentions_when_muted: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), "change at least one setting");
export type SettingsBody = z.infer<typeof settingsBodySchema>;

export const roomListQuerySchema = z
  .object({
    limit: idParam.optional().transform((n) => Math.min(n ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const createRoomBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("DIRECT"), user_id: rowId }).strict(),
  z
    .object({
      kind: z.literal("GROUP"),
      name: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .refine(...NO_NUL),
      member_ids: z.array(rowId).max(200).default([]),
    })
    .strict(),
]);

export const addMembersBodySchema = z.object({ user_ids: z.array(rowId).min(1).max(200) }).strict();
export const removeMemberSchema = z.object({ room_id: rowId, user_id: rowId }).strict();

/** A `q` for finding people by name: trimmed, at most 100 characters, empty for everyone. */
export const peopleQueryParam = z
  .string()
  .trim()
  .max(100)
  .refine(...NO_NUL)
  .default("");

export const userSearchQuerySchema = z.object({ q: peopleQueryParam }).strict();

/** A cursor's time as the server writes it: a valid date in years 1..9999 (PostgreSQL fails on some outside). */
export function isCursorDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}

/** Turns URLSearchParams into a plain object, refusing repeated keys (arrays) as invalid. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of params) {
    if (key in out) return null;
    out[key] = value;
  }
  return out;
}

export const messageSearchQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, "q: type something to search for")
      .refine((s) => new TextEncoder().encode(s).length <= MAX_SEARCH_QUERY_BYTES, `q: at most ${MAX_SEARCH_QUERY_BYTES} bytes`),
    cursor: z.string().max(200).optional(),
    limit: idParam.optional().transform((n) => Math.min(n ?? 20, 50)),
  })
  .strict();

/** A room's mute: for an hour, for eight hours, until unmuted, or off (unmute). */
export const MUTE_DURATIONS = ["1h", "8h", "until_unmuted", "off"] as const;
export const muteBodySchema = z.object({ duration: z.enum(MUTE_DURATIONS) }).strict();
export type MuteDuration = z.infer<typeof muteBodySchema>["duration"];
