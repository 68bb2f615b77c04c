import "server-only";
import { db } from "@/lib/db";

export type UserSummary = { id: number; username: string; name: string };

/** People to start a conversation with: active users other than the caller, by name prefix. */
export async function searchUsers(userId: number, query: string, limit = 20): Promise<UserSummary[]> {
  return db.user.findMany({
    where: {
      isActive: true,
      id: { not: userId },
      ...(query ? { OR: [{ username: { startsWith: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] } : {}),
    },
    orderBy: { username: "asc" },
    take: limit,
    select: { id: true, username: true, name: true },
  });
}
