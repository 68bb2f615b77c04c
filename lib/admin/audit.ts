import "server-only";
// The audit log: one row per moderation action, written in the action's own transaction.
import type { SessionUser } from "@/lib/auth/credentials";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db";
import { assertAdmin } from "@/lib/admin/guard";
import { ADMIN_PAGE_SIZE } from "@/lib/admin/schemas";

export type AuditAction =
  | "message.delete"
  | "user.deactivate"
  | "user.reactivate"
  | "user.role"
  | "user.promote"
  | "room.owner"
  | "room.export"
  | "job.assign"
  | "user.suspend"
  | "user.unsuspend"
  | "report.resolve";
export type AuditTarget = "message" | "user" | "room" | "job" | "report";

export type AuditInput = {
  actorId: number | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: number;
  /** Ids and settings only: never message content. */
  details: Prisma.InputJsonObject;
};

export type AuditEntry = {
  id: number;
  actor: { id: number; username: string } | null;
  action: string;
  targetType: string;
  targetId: number;
  details: Prisma.JsonValue;
  createdAt: Date;
};

export async function recordAudit(client: Pick<Db, "auditLog">, entry: AuditInput): Promise<void> {
  await client.auditLog.create({
    data: { actorId: entry.actorId, action: entry.action, targetType: entry.targetType, targetId: entry.targetId, details: entry.details },
  });
}

/** Newest first, by primary key; `before` is the last id of the previous page. */
export async function listAudit(admin: SessionUser, input: { before?: number; target?: { type: AuditTarget; id: number }; limit?: number } = {}) {
  await assertAdmin(admin);
  const limit = input.limit ?? ADMIN_PAGE_SIZE;
  const rows = await db.auditLog.findMany({
    where: {
      ...(input.before ? { id: { lt: input.before } } : {}),
      ...(input.target ? { targetType: input.target.type, targetId: input.target.id } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { actor: { select: { id: true, username: true } } },
  });
  const entries: AuditEntry[] = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    actor: r.actor,
    action: r.action,
    targetType: r.targetType,
    targetId: Number(r.targetId),
    details: r.details,
    createdAt: r.createdAt,
  }));
  return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}
