import "server-only";
// Suspensions: an admin suspends a person for 24 h, 7 days or until lifted, with a reason; the
// session check (lib/auth/session.ts) then refuses them at every door, channel auth with it, and
// their open realtime connections are cut at once. Deactivation stays the permanent ban.
import type { SessionUser } from "@/lib/auth/credentials";
import { db, type Db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertAdmin } from "@/lib/admin/guard";
import { recordAudit } from "@/lib/admin/audit";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { SUSPENSION_MS, type SuspensionDuration } from "@/lib/moderation/schemas";
import type { ActiveSuspension } from "@/lib/moderation/suspension-policy";

type Client = Pick<Db, "userSuspension">;

/** In force now: not lifted and not yet ended. On user_suspension_user_idx. */
export const activeWhere = (now = new Date()) => ({ liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] });

export async function activeSuspension(userId: number, client: Client = db): Promise<ActiveSuspension | null> {
  const row = await client.userSuspension.findFirst({
    where: { userId, ...activeWhere() },
    orderBy: { id: "desc" },
    select: { id: true, reason: true, endsAt: true },
  });
  return row ? { id: Number(row.id), reason: row.reason, endsAt: row.endsAt } : null;
}

export type Suspension = { id: number; userId: number; username: string; endsAt: Date | null };

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Inside the caller's transaction (a report's resolution or the user page): the row and its audit entry. */
export async function suspendInTx(
  tx: Tx,
  admin: SessionUser,
  input: { userId: number; duration: SuspensionDuration; note: string; reportId?: number },
): Promise<Suspension> {
  if (input.userId === admin.id) throw new AppError("conflict", "You cannot suspend yourself");
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, username: true } });
  if (!user) throw notFound("User not found");
  // One suspension in force at a time: lift it first to change it (serialized by the user row).
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${input.userId} FOR UPDATE`;
  if (await tx.userSuspension.findFirst({ where: { userId: input.userId, ...activeWhere() }, select: { id: true } })) {
    throw new AppError("conflict", `${user.username} is already suspended`);
  }
  const ms = SUSPENSION_MS[input.duration];
  const row = await tx.userSuspension.create({
    data: {
      userId: input.userId,
      reason: input.note,
      endsAt: ms === null ? null : new Date(Date.now() + ms),
      createdById: admin.id,
      reportId: input.reportId ?? null,
    },
    select: { id: true, endsAt: true },
  });
  await recordAudit(tx, {
    actorId: admin.id,
    action: "user.suspend",
    targetType: "user",
    targetId: input.userId,
    details: {
      suspension_id: Number(row.id),
      duration: input.duration,
      ends_at: row.endsAt?.toISOString() ?? null,
      note: input.note,
      ...(input.reportId ? { report_id: input.reportId } : {}),
    },
  });
  return { id: Number(row.id), userId: user.id, username: user.username, endsAt: row.endsAt };
}

/** Cuts the person's realtime connections once the suspension has committed (lib/realtime/terminate.ts). */
export const suspensionTerminations = (userId: number) => [{ userId, reason: "user.suspended" }];

export async function suspendUser(
  admin: SessionUser,
  input: { userId: number; duration: SuspensionDuration; note: string },
): Promise<WithEvents<Suspension>> {
  const suspension = await db.$transaction(async (tx) => {
    await assertAdmin(admin, tx);
    return suspendInTx(tx, admin, input);
  });
  log.info({ event: "admin.audit", action: "user.suspend", user_id: admin.id, target_type: "user", target_id: input.userId }, "moderation action");
  return withEvents(suspension, [], suspensionTerminations(input.userId));
}

/** Ends a suspension now (an early lift). Lifting one already over or lifted changes nothing. */
export async function liftSuspension(
  admin: SessionUser,
  input: { suspensionId: number; note: string },
): Promise<{ userId: number; lifted: boolean }> {
  const outcome = await db.$transaction(async (tx) => {
    await assertAdmin(admin, tx);
    const row = await tx.userSuspension.findUnique({ where: { id: input.suspensionId }, select: { userId: true } });
    if (!row) throw notFound("Suspension not found");
    const { count } = await tx.userSuspension.updateMany({
      where: { id: input.suspensionId, ...activeWhere() },
      data: { liftedAt: new Date(), liftedById: admin.id },
    });
    if (count > 0) {
      await recordAudit(tx, {
        actorId: admin.id,
        action: "user.unsuspend",
        targetType: "user",
        targetId: row.userId,
        details: { suspension_id: input.suspensionId, note: input.note },
      });
    }
    return { userId: row.userId, lifted: count > 0 };
  });
  if (outcome.lifted) {
    log.info(
      { event: "admin.audit", action: "user.unsuspend", user_id: admin.id, target_type: "user", target_id: outcome.userId },
      "moderation action",
    );
  }
  return outcome;
}
