import "server-only";
// Password reset by email. Asking answers the same whether or not the address has an account
// (and the mail goes out after the answer, so the time taken says nothing either); a flood for
// one address or from one client is refused with 429, alike for known and unknown addresses.
// Resetting uses the single-use token, sets the password, and bumps the session version, which
// signs out every session issued before (lib/auth/session.ts).
import bcrypt from "bcryptjs";
import { z } from "zod";
import { consumeToken, issueToken, TOKEN_TTL_MINUTES } from "@/lib/auth/account-tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { appUrl, escapeHtml, sendMail } from "@/lib/mail/send";
import { enforce } from "@/lib/rate-limit";

export const resetRequestSchema = z.object({ email: z.email().trim().toLowerCase().max(254) });

// bcrypt reads only the first 72 bytes of a password: a longer one would be cut silently, so it
// is refused, counted in UTF-8 bytes (an emoji is 4, a CJK character 3).
export const newPasswordSchema = z
  .string()
  .refine((p) => Array.from(p).length >= 8, "at least 8 characters")
  .refine((p) => Buffer.byteLength(p, "utf8") <= 72, "at most 72 bytes (fewer characters for emoji or non-Latin letters)");

export const resetPasswordSchema = z.object({ token: z.string().max(100), password: newPasswordSchema });

export const RESET_REQUESTED = "If an account uses that address, we have sent it a link to reset the password. The link works once, for 30 minutes.";

/** Counts the request per address and per client (429 past either), then finds whom to mail. */
export async function requestPasswordReset(email: string, clientIp: string): Promise<(() => Promise<void>) | null> {
  await enforce("resetEmail", email);
  await enforce("resetIp", clientIp);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, isActive: true } });
  if (!user?.isActive) {
    log.info({ event: "auth.reset_requested", known: false }, "password reset requested");
    return null;
  }
  log.info({ event: "auth.reset_requested", known: true, user_id: user.id }, "password reset requested");
  return () => mailResetLink(user);
}

async function mailResetLink(user: { id: number; name: string; email: string }): Promise<void> {
  const token = await issueToken(user.id, user.email, "password_reset");
  const link = appUrl("/reset-password", { token });
  const minutes = TOKEN_TTL_MINUTES.password_reset;
  await sendMail({
    to: user.email,
    subject: "Reset your JobChat password",
    text: `Hi ${user.name},\n\nSomeone (hopefully you) asked to reset your JobChat password. Open this link to choose a new one:\n\n${link}\n\nIt works once, for ${minutes} minutes. If you did not ask, ignore this email: your password stays as it is.\n`,
    html: `<p>Hi ${escapeHtml(user.name)},</p><p>Someone (hopefully you) asked to reset your JobChat password.</p><p><a href="${escapeHtml(link)}">Choose a new password</a></p><p>The link works once, for ${minutes} minutes. If you did not ask, ignore this email: your password stays as it is.</p>`,
  });
}

/** Sets the new password for the token's account and signs out all its sessions. */
export async function resetPassword(input: z.infer<typeof resetPasswordSchema>): Promise<void> {
  const passwordHash = await bcrypt.hash(input.password, 10);
  const done = await db.$transaction(async (tx) => {
    const owner = await consumeToken(tx, input.token, "password_reset");
    if (!owner) return null;
    // Following the link proved the address is theirs: it counts as verified too.
    await tx.$executeRaw`
      UPDATE users SET password_hash = ${passwordHash}, session_version = session_version + 1,
        email_verified_at = COALESCE(email_verified_at, now())
      WHERE id = ${owner.userId}`;
    return owner;
  });
  if (!done) throw new AppError("invalid_input", "This reset link is invalid, used or expired. Ask for a new one.");
  log.info({ event: "auth.password_reset", user_id: done.userId }, "password reset; earlier sessions signed out");
}
