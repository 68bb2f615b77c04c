// Checking a password sign-in. Unknown account, wrong password and deactivated account all
// give the same answer, in about the same time.
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";

export type SessionUser = { id: number; username: string; name: string; role: "USER" | "ADMIN" };

// A real hash of a random string, compared when the account does not exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.0Bqg5Ip5yt6Zxx8KQ0Zb2yqYBq3a";

export async function verifyCredentials(identifier: string, password: string): Promise<SessionUser | null> {
  const key = identifier.trim().toLowerCase();
  if (!key || !password || password.length > 200) return null;
  const user = await db.user.findFirst({
    where: key.includes("@") ? { email: key } : { username: key },
    select: { id: true, username: true, name: true, role: true, isActive: true, passwordHash: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.isActive) return null;
  return { id: user.id, username: user.username, name: user.name, role: user.role };
}
