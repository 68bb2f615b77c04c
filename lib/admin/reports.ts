import "server-only";
// The reports queue: open reports newest first, each with the reported message in context (deleted
// content visible to admins), and prior reports against the same person; and resolving one:
// dismiss, delete the message, warn the person or suspend them, each with a note, audit-logged.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertAdmin } from "@/lib/admin/guard";
import { recordAudit } from "@/lib/admin/audit";
import { deleteMessage } from "@/lib/admin/moderation";
import { type AdminMessage, toAdminMessages } from "@/lib/admin/rooms";
import { messagePageSql } from "@/lib/chat/messages";
import { createDirectRoom } from "@/lib/chat/membership";
import { sendMessage } from "@/lib/chat/send";
import type { Door } from "@/lib/http/door";
import { suspendInTx, suspensionTerminations } from "@/lib/moderation/suspensions";
import type { ResolveReportInput } from "@/lib/moderation/schemas";
import { withEvents } from "@/lib/realtime/outbox";

export const QUEUE_PAGE_SIZE = 20;
/** Messages shown on each side of the reported one. */
const CONTEXT_EACH_SIDE = 5;

type Person = { id: number; username: string; name: string };
export type QueueReport = {
  id: number;
  reason: string;
  note: string | null;
  createdAt: Date;
  reporter: Person;
  reported: Person & { isActive: boolean };
  room: { id: number; name: string } | null;
  messageId: number | null;
  /** The reported message with up to five on each side, oldest first. */
  context: AdminMessage[];
  /** Other reports against the same person (any status), newest first, at most five; and how many in all. */
  prior: Array<{ id: number; reason: string; status: string; createdAt: Date }>;
  priorCount: number;
};

const PERSON = { select: { id: true, username: true, name: true } } as const;

type MessageRow = { id: bigint; senderId: number; content: string; timestamp: Date; editedAt: Date | null; deletedAt: Date | null };

async function messageContext(roomId: number, messageId: number): Promise<AdminMessage[]> {
  const [upTo, after] = await Promise.all([
    db.$queryRaw<MessageRow[]>(messagePageSql({ roomId, before: messageId + 1, limit: CONTEXT_EACH_SIDE })),
    db.$queryRaw<MessageRow[]>(messagePageSql({ roomId, after: messageId, limit: CONTEXT_EACH_SIDE - 1 })),
  ]);
  return toAdminMessages([...upTo.reverse(), ...after]);
}

/** Open reports, newest first on report_open_idx; `before` is the last id of the previous page. */
export async function listOpenReports(admin: SessionUser, input: { before?: number } = {}) {
  await assertAdmin(admin);
  const rows = await db.report.findMany({
    where: { status: "open", ...(input.before ? { id: { lt: input.before } } : {}) },
    orderBy: { id: "desc" },
    take: QUEUE_PAGE_SIZE + 1,
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      messageId: true,
      reporter: PERSON,
      reportedUser: { select: { id: true, username: true, name: true, isActive: true } },
      room: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const reports: QueueReport[] = await Promise.all(
    page.map(async (r) => {
      const [context, prior, priorCount] = await Promise.all([
        r.messageId !== null && r.room ? messageContext(r.room.id, Number(r.messageId)) : Promise.resolve([]),
        db.report.findMany({
          where: { reportedUserId: r.reportedUser.id, id: { not: r.id } },
          orderBy: { id: "desc" },
          take: 5,
          select: { id: true, reason: true, status: true, createdAt: true },
        }),
        db.report.count({ where: { reportedUserId: r.reportedUser.id, id: { not: r.id } } }),
      ]);
      return {
        id: Number(r.id),
        reason: r.reason,
        note: r.note,
        createdAt: r.createdAt,
        reporter: r.reporter,
        reported: r.reportedUser,
        room: r.room,
        messageId: r.messageId === null ? null : Number(r.messageId),
        context,
        prior: prior.map((p) => ({ ...p, id: Number(p.id) })),
        priorCount,
      };
    }),
  );
  return { reports, nextBefore: rows.length > QUEUE_PAGE_SIZE ? (reports.at(-1)?.id ?? null) : null };
}

export async function openReportCount(admin: SessionUser): Promise<number> {
  await assertAdmin(admin);
  return db.report.count({ where: { status: "open" } });
}

/** The warning's text, sent as a direct message from the acting admin (so the person can answer). */
export const warningText = (note: string) => `Warning from the JobChat moderation team: ${note}`;

type Emit = Door["emit"];

/**
 * Resolves an open report (a resolved one is a 409). The report row, the audit entry and, for a
 * suspension, the suspension commit together; deleting the message and sending the warning reuse
 * their own cores (each with its own audit or message row) after that commit.
 */
export async function resolveReport(admin: SessionUser, input: ResolveReportInput, emit: Emit): Promise<{ reportId: number; action: string }> {
  const reportId = Number(input.report_id);
  const report = await db.$transaction(async (tx) => {
    await assertAdmin(admin, tx);
    const found = await tx.report.findUnique({ where: { id: reportId }, select: { status: true, reportedUserId: true, messageId: true } });
    if (!found) throw notFound("Report not found");
    if (input.action === "delete_message" && found.messageId === null)
      throw new AppError("invalid_input", "This report is about a person, not a message");
    const { count } = await tx.report.updateMany({
      where: { id: reportId, status: "open" },
      data: { status: "resolved", resolution: input.action, resolutionNote: input.note, resolvedById: admin.id, resolvedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", "This report was already resolved");
    if (input.action === "suspend") {
      await suspendInTx(tx, admin, { userId: found.reportedUserId, duration: input.duration ?? "24h", note: input.note, reportId });
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: "report.resolve",
      targetType: "report",
      targetId: reportId,
      details: { resolution: input.action, reported_user_id: found.reportedUserId, note: input.note },
    });
    return found;
  });
  log.info({ event: "admin.audit", action: "report.resolve", user_id: admin.id, target_type: "report", target_id: reportId }, "moderation action");
  if (input.action === "suspend") emit(withEvents(null, [], suspensionTerminations(report.reportedUserId)));
  if (input.action === "delete_message" && report.messageId !== null) {
    emit(await deleteMessage(admin, { message_id: Number(report.messageId), reason: input.note.slice(0, 200) }));
  }
  if (input.action === "warn") {
    const { room } = emit(await createDirectRoom(admin.id, report.reportedUserId));
    emit(await sendMessage({ userId: admin.id, roomId: room.id, content: warningText(input.note), clientId: randomUUID() }));
  }
  return { reportId, action: input.action };
}
