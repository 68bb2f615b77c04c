import "server-only";
// Who can reach whom: by default a person finds and opens a direct room only with people they
// share a job or a room with, and with admins (CHAT_OPEN_MESSAGING=1: with anyone). Either way,
// nobody reaches someone who blocked them, and the answer is the same as for a stranger.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";

/**
 * The condition on a candidate user row `u` for the viewer: not a blocker of theirs, and (unless
 * messaging is open) an admin, or in one of the viewer's rooms, or on a job with them
 * (jobs_client_idx / jobs_cleaner_idx). The viewer's rooms are an ARRAY(...) read once, so the
 * members of those rooms come from chat_part_room_user_idx; as a join the planner hashed a
 * sequential scan of every participant row.
 */
export function reachableSql(viewerId: number): Prisma.Sql {
  const notBlocked = Prisma.sql`NOT EXISTS (SELECT 1 FROM user_block b WHERE b.blocked_id = ${viewerId} AND b.blocker_id = u.id)`;
  if (env().CHAT_OPEN_MESSAGING) return notBlocked;
  return Prisma.sql`${notBlocked} AND (
    u.role = 'ADMIN'
    OR EXISTS (SELECT 1 FROM users me WHERE me.id = ${viewerId} AND me.role = 'ADMIN')
    OR u.id IN (SELECT theirs.user_id FROM chat_chatparticipant theirs
      WHERE theirs.room_id = ANY(ARRAY(SELECT mine.room_id FROM chat_chatparticipant mine WHERE mine.user_id = ${viewerId})))
    OR EXISTS (SELECT 1 FROM jobs j WHERE j.client_id = ${viewerId} AND j.cleaner_id = u.id)
    OR EXISTS (SELECT 1 FROM jobs j WHERE j.cleaner_id = ${viewerId} AND j.client_id = u.id))`;
}

/** 404 "User not found" unless `otherId` is an active user the viewer can reach. */
export async function assertReachable(viewerId: number, otherId: number): Promise<void> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    SELECT u.id FROM users u WHERE u.id = ${otherId} AND u.is_active AND ${reachableSql(viewerId)}`;
  if (!rows[0]) throw notFound("User not found");
}
