import "server-only";
import { db } from "@/lib/db";

/** The account's session version, written into a session when it is issued (lib/auth/options.ts). */
export async function sessionVersion(userId: number): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}
