import "server-only";
// Single-use tokens mailed to a user (password reset, email verification). The link carries 32
// random bytes; the table keeps only their SHA-256, so reading the table gives no working link.
// Using a token is one UPDATE that also checks it is unused and unexpired: two racing uses of the
// same link cannot both succeed.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/realtime/outbox-store";

export type TokenPurpose = "password_reset" | "email_verification";

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { password_reset: 30, email_verification: 48 * 60 };

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
// What a link can carry: base64url of 32 bytes. Anything else is refused before a query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new token for the user's current address; earlier unused ones of the same purpose stop working. */
export async function issueToken(userId: number, email: string, purpose: TokenPurpose): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000);
  await db.$transaction([
    db.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } }),
    db.accountToken.create({ data: { userId, email, purpose, tokenHash: hashOf(token), expiresAt } }),
  ]);
  return token;
}

/**
 * Marks the token used and returns whose it was, or null when it is unknown, of another
 * purpose, used, expired, or issued for an address the account no longer has.
 */
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<{ userId: number; email: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const rows = await tx.$queryRaw<Array<{ userId: number; email: string }>>`
    UPDATE account_token t SET used_at = now()
    FROM users u
    WHERE t.token_hash = ${hashOf(token)} AND t.purpose = ${purpose} AND t.used_at IS NULL AND t.expires_at > now()
      AND u.id = t.user_id AND u.email = t.email AND u.is_active
    RETURNING t.user_id AS "userId", t.email`;
  return rows[0] ?? null;
}
