// What a suspension means at the doors, and how it is told to the person (framework-free, no database).
import { AppError } from "@/lib/errors";

export type ActiveSuspension = { id: number; reason: string; endsAt: Date | null };

/** "until 2 Dec 2026, 23:40 UTC" or "until an admin lifts it". */
export function suspensionEnd(endsAt: Date | null): string {
  if (!endsAt) return "until an admin lifts it";
  return `until ${endsAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function suspendedError(suspension: ActiveSuspension): AppError {
  return new AppError("forbidden", `Your account is suspended ${suspensionEnd(suspension.endsAt)}. Reason: ${suspension.reason}`);
}

/**
 * The sign-in refusal carries the end and the reason to /login as next-auth's `?error=` value:
 * `Suspended:<ISO end or "">:<reason>` (only the person who just gave the right password sees it).
 */
export const SUSPENDED_PREFIX = "Suspended:";
export const encodeSuspendedSignIn = (s: ActiveSuspension) => `${SUSPENDED_PREFIX}${s.endsAt ? s.endsAt.toISOString() : ""}:${s.reason}`;
export function decodeSuspendedSignIn(code: string): { endsAt: Date | null; reason: string } | null {
  if (!code.startsWith(SUSPENDED_PREFIX)) return null;
  const rest = code.slice(SUSPENDED_PREFIX.length);
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)?:(.*)$/s.exec(rest);
  if (!match) return null;
  return { endsAt: match[1] ? new Date(match[1]) : null, reason: match[2] };
}
