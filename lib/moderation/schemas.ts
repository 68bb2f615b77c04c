// Input schemas of the trust and safety doors (reports, suspensions), shared by routes, actions and forms.
import { z } from "zod";
import { idParam, NO_NUL, rowId, rowIdParam } from "@/lib/chat/schemas";

export const REPORT_REASONS = ["harassment", "spam", "scam", "safety", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  harassment: "Harassment",
  spam: "Spam",
  scam: "Scam or payment off the platform",
  safety: "Safety concern",
  other: "Other",
};

/** A report's note and a moderation note are limited in UTF-8 bytes (CJK is 3 bytes a character, most emoji 4). */
export const REPORT_NOTE_MAX_BYTES = 1000;
export const MODERATION_NOTE_MAX_BYTES = 500;
export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

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

export const SUSPENSION_DURATIONS = ["24h", "7d", "until_lifted"] as const;
export type SuspensionDuration = (typeof SUSPENSION_DURATIONS)[number];
export const SUSPENSION_DURATION_LABELS: Record<SuspensionDuration, string> = { "24h": "24 hours", "7d": "7 days", until_lifted: "Until lifted" };
export const SUSPENSION_MS: Record<SuspensionDuration, number | null> = { "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, until_lifted: null };

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
