import "server-only";
// A person reports a message (of a room they are in) or a person. The reported person is told
// nothing; the reporter gets the report back as the confirmation.
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import type { ReportBody } from "@/lib/moderation/schemas";

export type WireReport = {
  id: number;
  reason: string;
  message_id: number | null;
  reported_user_id: number;
  room_id: number | null;
  status: "open";
  created_at: string;
};

async function target(reporterId: number, body: ReportBody): Promise<{ reportedUserId: number; messageId: number | null; roomId: number | null }> {
  if (body.message_id !== undefined) {
    const message = await db.message.findUnique({ where: { id: body.message_id }, select: { roomId: true, senderId: true, deletedAt: true } });
    // Same answer for "no such message" and "a room you are not in".
    const inRoom = message && (await db.chatParticipant.count({ where: { roomId: message.roomId, userId: reporterId } })) > 0 && !message.deletedAt;
    if (!message || !inRoom) throw notFound("Message not found");
    if (body.room_id !== undefined && body.room_id !== message.roomId) throw notFound("Message not found");
    if (message.senderId === reporterId) throw invalidInput("You cannot report your own message");
    return { reportedUserId: message.senderId, messageId: body.message_id, roomId: message.roomId };
  }
  const userId = body.user_id as number;
  if (userId === reporterId) throw invalidInput("You cannot report yourself");
  if (body.room_id !== undefined) {
    const both = await db.chatParticipant.count({ where: { roomId: body.room_id, userId: { in: [reporterId, userId] } } });
    if (both < 2) throw notFound("Room not found");
  } else if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw notFound("User not found");
  }
  return { reportedUserId: userId, messageId: null, roomId: body.room_id ?? null };
}

export async function createReport(reporterId: number, body: ReportBody): Promise<WireReport> {
  const t = await target(reporterId, body);
  try {
    const row = await db.report.create({
      data: { reporterId, reportedUserId: t.reportedUserId, messageId: t.messageId, roomId: t.roomId, reason: body.reason, note: body.note ?? null },
      select: { id: true, createdAt: true },
    });
    log.info({ event: "report.created", user_id: reporterId, report_id: Number(row.id), reason: body.reason }, "report created");
    return {
      id: Number(row.id),
      reason: body.reason,
      message_id: t.messageId,
      reported_user_id: t.reportedUserId,
      room_id: t.roomId,
      status: "open",
      created_at: row.createdAt.toISOString(),
    };
  } catch (error) {
    // report_open_message_key / report_open_person_key: one open report per reporter and target.
    if (isUniqueViolation(error)) throw new AppError("conflict", "You already reported this; our team is looking at it");
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === "P2002" || /23505|Unique constraint/i.test(String(e?.message ?? ""));
}
