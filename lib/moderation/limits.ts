// Report reasons, note limits and suspension lengths: no dependencies, so the browser's report dialog can load them.
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

export const SUSPENSION_DURATIONS = ["24h", "7d", "until_lifted"] as const;
export type SuspensionDuration = (typeof SUSPENSION_DURATIONS)[number];
export const SUSPENSION_DURATION_LABELS: Record<SuspensionDuration, string> = { "24h": "24 hours", "7d": "7 days", until_lifted: "Until lifted" };
export const SUSPENSION_MS: Record<SuspensionDuration, number | null> = { "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, until_lifted: null };
