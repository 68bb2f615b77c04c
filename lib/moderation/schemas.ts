// Input schemas of the trust and safety doors (reports, suspensions), shared by routes, actions and forms.
import { z } from "zod";
import { idParam, NO_NUL, rowId, rowIdParam } from "@/lib/chat/schemas";
import { MODERATION_NOTE_MAX_BYTES, REPORT_NOTE_MAX_BYTES, REPORT_REASONS, SUSPENSION_DURATIONS, utf8Bytes } from "@/lib/moderation/limits";

export {
  MODERATION_NOTE_MAX_BYTES,
  REPORT_NOTE_MAX_BYTES,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReason,
  utf8Bytes,
} from "@/lib/moderation/limits";

const boundedText = (maxBytes: number) =>
  z
    .string()
    .trim()
    .refine(...NO_NUL)
    .refine((s) => utf8Bytes(s) <= maxBytes, `at most ${maxBytes} bytes (UTF-8)`);

const messageId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), idParam]);
const userId = z.union([rowId, rowIdParam]);

/** POST /api/chat/reports and the report action: a message (message_id) or a person (user_id, optionally the room it happened in). */
export const reportBodySchema = z
  .object({
    reason: z.enum(REPORT_REASONS),
    note: boundedText(REPORT_NOTE_MAX_BYTES)
      .optional()
      .transform((v) => (v ? v : undefined)),
    message_id: messageId.optional(),
    user_id: userId.optional(),
    room_id: userId.optional(),
  })
  .strict()
  .refine((b) => (b.message_id === undefined) !== (b.user_id === undefined), "report either a message_id or a user_id");
export type ReportBody = z.infer<typeof reportBodySchema>;

export { SUSPENSION_DURATION_LABELS, SUSPENSION_DURATIONS, SUSPENSION_MS, type SuspensionDuration } from "@/lib/moderation/limits";

/** Every moderation action carries a note (the audit log's why); 1 to 500 bytes. */
const moderationNote = boundedText(MODERATION_NOTE_MAX_BYTES).pipe(z.string().min(1, "a note is required"));

export const REPORT_ACTIONS = ["dismiss", "delete_message", "warn", "suspend"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const resolveReportSchema = z
  .object({
    report_id: messageId,
    action: z.enum(REPORT_ACTIONS),
    note: moderationNote,
    duration: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SUSPENSION_DURATIONS).optional()),
  })
  .strict()
  .refine((b) => b.action !== "suspend" || b.duration !== undefined, { message: "choose how long to suspend", path: ["duration"] });
export type ResolveReportInput = z.infer<typeof resolveReportSchema>;

export const suspendUserSchema = z.object({ user_id: userId, duration: z.enum(SUSPENSION_DURATIONS), note: moderationNote }).strict();
export type SuspendUserInput = z.infer<typeof suspendUserSchema>;

export const liftSuspensionSchema = z.object({ suspension_id: messageId, note: moderationNote }).strict();
export type LiftSuspensionInput = z.infer<typeof liftSuspensionSchema>;
