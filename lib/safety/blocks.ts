import "server-only";
// Blocks: a user hides themselves from someone. The blocked person is never told: their people
// search stops finding the blocker, a new direct room or adding the blocker to a group answers as
// for anyone they cannot reach, and what they send into a direct room with the blocker reaches
// only themselves (lib/chat/send.ts marks it withheld).
import { db, type Db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";

export type BlockedPerson = { id: number; username: string; name: string; blocked_at: string };

/** Idempotent: blocking someone already blocked keeps the first time. 400 for yourself, 404 for nobody. */
export async function blockUser(userId: number, otherId: number): Promise<BlockedPerson> {
  if (otherId === userId) throw invalidInput("you cannot block yourself");
  const other = await db.user.findUnique({ where: { id: otherId }, select: { id: true } });
  if (!other) throw notFound("User not found");
  await db.userBlock.createMany({ data: [{ blockerId: userId, blockedId: otherId }], skipDuplicates: true });
  const [blocked] = await listBlocked(userId, [otherId]);
  return blocked;
}

/** Idempotent too: unblocking someone not blocked changes nothing. */
export async function unblockUser(userId: number, otherId: number): Promise<{ id: number }> {
  await db.userBlock.deleteMany({ where: { blockerId: userId, blockedId: otherId } });
  return { id: otherId };
}

/** The people I blocked, most recent first (all of them, or only those among `ids`). */
export async function listBlocked(userId: number, ids?: number[]): Promise<BlockedPerson[]> {
  const rows = await db.userBlock.findMany({
    where: { blockerId: userId, ...(ids ? { blockedId: { in: ids } } : {}) },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, blocked: { select: { id: true, username: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.blocked, blocked_at: r.createdAt.toISOString() }));
}

/** Those among `ids` who blocked `userId`. */
export async function blockersAmong(userId: number, ids: number[], client: Pick<Db, "userBlock"> = db): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await client.userBlock.findMany({ where: { blockedId: userId, blockerId: { in: ids } }, select: { blockerId: true } });
  return new Set(rows.map((r) => r.blockerId));
}
