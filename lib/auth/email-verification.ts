import "server-only";
// Email verification: a link mailed on sign-up (and on request from the banner) that sets
// users.email_verified_at. Unverified accounts can chat; they see a banner, receive no unread
// digests, and cannot be signed into through OAuth (lib/auth/oauth-user.ts).
import { z } from "zod";
import { consumeToken, issueToken, TOKEN_TTL_MINUTES } from "@/lib/auth/account-tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { appUrl, escapeHtml, sendMail } from "@/lib/mail/send";
import { enforce } from "@/lib/rate-limit";

export const verifyEmailSchema = z.object({ token: z.string().max(100) });

export async function isEmailVerified(userId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return Boolean(user?.emailVerifiedAt);
}

/** Mails a fresh verification link, unless the address is verified already. */
export async function sendVerificationEmail(userId: number): Promise<"sent" | "already_verified"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerifiedAt: true } });
  if (!user) throw new AppError("not_found", "Not found");
  if (user.emailVerifiedAt) return "already_verified";
  // The same budget as reset requests for one address: a resend button cannot become a mail cannon.
  await enforce("resetEmail", `verify:${user.email}`);
  const token = await issueToken(user.id, user.email, "email_verification");
  const link = appUrl("/verify-email", { token });
  const hours = TOKEN_TTL_MINUTES.email_verification / 60;
  await sendMail({
    to: user.email,
    subject: "Confirm your email for JobChat",
    text: `Hi ${user.name},\n\nConfirm that this is your address by opening this link:\n\n${link}\n\nIt works once, for ${hours} hours.\n`,
    html: `<p>Hi ${escapeHtml(user.name)},</p><p><a href="${escapeHtml(link)}">Confirm your email address</a></p><p>The link works once, for ${hours} hours.</p>`,
  });
  return "sent";
}

/** Marks the token's address verified; invalid_input for an unknown, used or expired token. */
export async function verifyEmail(token: string): Promise<void> {
  const done = await db.$transaction(async (tx) => {
    const owner = await consumeToken(tx, token, "email_verification");
    if (owner) await tx.$executeRaw`UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()) WHERE id = ${owner.userId}`;
    return owner;
  });
  if (!done) throw new AppError("invalid_input", "This confirmation link is invalid, used or expired.");
  log.info({ event: "auth.email_verified", user_id: done.userId }, "email verified");
}
