import "server-only";
// The unsubscribe link in every unread digest works without signing in: it carries the user id
// and when it was issued, signed with HMAC-SHA256 under a key derived from NEXTAUTH_SECRET (so
// it cannot be forged, and rotating the secret voids every link). A link older than 60 days is
// refused; using a link when emails are already off is refused too (409), changing nothing.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

const MAX_AGE_SECONDS = 60 * 24 * 3600;
const TOKEN_SHAPE = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export const unsubscribeSchema = z.object({ token: z.string().max(200) });

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new AppError("unavailable", "NEXTAUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "", "jobchat unsubscribe link", 32));
}

const signature = (userId: number, issuedAt: number) => createHmac("sha256", key()).update(`unsubscribe:${userId}:${issuedAt}`).digest("base64url");

export function unsubscribeToken(userId: number, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${userId}.${issuedAt}.${signature(userId, issuedAt)}`;
}

/** The user a genuine, unexpired token names; invalid_input otherwise. */
export function verifyUnsubscribeToken(token: string, now = Date.now()): number {
  const match = TOKEN_SHAPE.exec(token);
  const refused = new AppError("invalid_input", "This unsubscribe link is invalid or has expired.");
  if (!match) throw refused;
  const userId = Number(match[1]);
  const issuedAt = Number(match[2]);
  const expected = Buffer.from(signature(userId, issuedAt));
  const given = Buffer.from(match[3]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  const age = now / 1000 - issuedAt;
  if (age > MAX_AGE_SECONDS || age < -300) throw refused;
  return userId;
}

/** Whom the link names and whether their emails are still on (for the confirmation page). */
export async function unsubscribeTarget(token: string): Promise<{ email: string; subscribed: boolean }> {
  const userId = verifyUnsubscribeToken(token);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, notifyEmail: true } });
  if (!user) throw new AppError("invalid_input", "This unsubscribe link is invalid or has expired.");
  return { email: user.email, subscribed: user.notifyEmail };
}

/** Turns the unread emails off for the token's user. */
export async function unsubscribe(token: string): Promise<void> {
  const userId = verifyUnsubscribeToken(token);
  const changed = await db.user.updateMany({ where: { id: userId, notifyEmail: true }, data: { notifyEmail: false } });
  if (changed.count === 0) throw new AppError("conflict", "Unread emails are already off for this account.");
  log.info({ event: "notify.unsubscribed", user_id: userId }, "unread emails turned off");
}
