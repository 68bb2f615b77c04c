import "server-only";
import { db } from "@/lib/db";
import { reachableSql } from "@/lib/safety/reach";

export type UserSummary = { id: number; username: string; name: string };

const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People to start a conversation with: active users other than the caller that the caller can
 * reach (lib/safety/reach.ts), by username prefix or a part of the name.
 */
export async function searchUsers(userId: number, query: string, limit = 20): Promise<UserSummary[]> {
  const pattern = likeEscaped(query);
  return db.$queryRaw<UserSummary[]>`
    SELECT u.id, u.username, u.display_name AS name FROM users u
    WHERE u.is_active AND u.id <> ${userId}
      AND (${query} = '' OR u.username ILIKE ${pattern} || '%' OR u.display_name ILIKE '%' || ${pattern} || '%')
      AND ${reachableSql(userId)}
    ORDER BY u.username LIMIT ${limit}`;
}
