import "server-only";
// Checking a password sign-in. Unknown account, wrong password and deactivated account all
// give the same answer, in about the same time.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { db } from "@/lib/db";
import type { ActiveSuspension } from "@/lib/moderation/suspension-policy";

export type SessionUser = {
  id: number;
  username: string;
  name: string;
  role: "USER" | "ADMIN";
  /** Set while an admin's suspension is in force (lib/moderation/suspensions.ts): the doors refuse them. */
  suspension?: ActiveSuspension;
};

/** What next-auth hands `authorize` (the whole form or JSON body), and the limiter reads alike. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

// A real hash of a random string, compared when the account does not exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.0Bqg5Ip5yt6Zxx8KQ0Zb2yqYBq3a";

/** The account an identifier (email or username, already trimmed and lower-cased) names. */
function findAccount(identifier: string) {
  return db.user.findFirst({
    where: identifier.includes("@") ? { email: identifier } : { username: identifier },
    select: { id: true, username: true, name: true, role: true, isActive: true, passwordHash: true },
  });
}

/** The account's id, so its email and its username share one sign-in failure count. */
export async function accountIdFor(identifier: string): Promise<number | null> {
  return (await findAccount(identifier))?.id ?? null;
}

export async function verifyCredentials(identifier: string, password: string): Promise<SessionUser | null> {
  const key = identifier.trim().toLowerCase();
  if (!key || !password || password.length > 200) return null;
  const user = await findAccount(key);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.isActive) return null;
  return { id: user.id, username: user.username, name: user.name, role: user.role };
}
