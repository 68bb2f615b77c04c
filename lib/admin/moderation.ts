import "server-only";
// Moderation: soft-deleting a message and changing a user's standing. Each runs in one
// transaction with its audit row and returns what to tell the affected clients after commit.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { settleParticipantActivity } from "@/lib/chat/activity";
import { roomForEachParticipant } from "@/lib/chat/rooms";
import { recomputeLastMessage, recountUnread } from "@/lib/chat/last-message";
import { messageDeleted } from "@/lib/chat/events";
import { type WithEvents, withEvents, withResult } from "@/lib/realtime/outbox";
import { withOutbox } from "@/lib/realtime/outbox-store";
import { assertAdmin } from "@/lib/admin/guard";
import { recordAudit, type AuditInput } from "@/lib/admin/audit";
import type { ChangeRoleInput, DeleteMessageInput, UserTargetInput } from "@/lib/admin/schemas";
import { type DetachedFiles, detachMessageFiles, removeStoredFiles } from "@/lib/attachments/cleanup";

function logAudit(entry: AuditInput) {
  log.info(
    { event: "admin.audit", action: entry.action, user_id: entry.actorId, target_type: entry.targetType, target_id: entry.targetId },
    "moderation action",
  );
}

export type DeleteResult = { messageId: number; roomId: number; alreadyDeleted: boolean };

/**
 * Soft-deletes a message. Lock order, the same in every writer (send.ts, read.ts,
 * membership.ts): the room row, then participant rows (the recount), then the message row.
 */
export async function deleteMessage(admin: SessionUser, input: DeleteMessageInput): Promise<WithEvents<DeleteResult>> {
  const messageId = input.message_id;
  let files: DetachedFiles = [];
  const produced = await withOutbox(async (tx) => {
    await assertAdmin(admin, tx);
    const found = await tx.message.findUnique({ where: { id: messageId }, select: { roomId: true } });
    if (!found) throw notFound("Message not found");
    await tx.$queryRaw`SELECT id FROM chat_chatroom WHERE id = ${found.roomId} FOR UPDATE`;
    // Deleting messages in a room is serialized by that lock, so this read is current.
    const message = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { senderId: true, deletedAt: true } });
    if (message.deletedAt) return withEvents({ roomId: found.roomId, entry: null });

    await recountUnread(tx, { roomId: found.roomId, messageId, senderId: message.senderId });
    await tx.$executeRaw`UPDATE chat_message SET deleted_at = now() WHERE id = ${messageId}`;
    // Its photos and files go with it: rows now (named in the audit entry), bytes after commit.
    files = await detachMessageFiles(tx, messageId);
    await recomputeLastMessage(tx, { roomId: found.roomId, messageId });
    await settleParticipantActivity(tx, found.roomId);
    const entry: AuditInput = {
      actorId: admin.id,
      action: "message.delete",
      targetType: "message",
      targetId: messageId,
      details: {
        room_id: found.roomId,
        sender_id: message.senderId,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(files.length ? { attachment_ids: files.map((f) => f.id) } : {}),
      },
    };
    await recordAudit(tx, entry);
    const rooms = await roomForEachParticipant(found.roomId, tx);
    return withEvents<{ roomId: number; entry: AuditInput | null }>(
      { roomId: found.roomId, entry },
      messageDeleted({ id: messageId, roomId: found.roomId }, rooms),
    );
  });
  const { roomId, entry } = produced.result;
  if (entry) logAudit(entry);
  await removeStoredFiles(files);
  return withResult(produced, { messageId, roomId, alreadyDeleted: entry === null });
}

export type UserStanding = { id: number; username: string; role: "USER" | "ADMIN"; isActive: boolean };

async function changeUser(
  admin: SessionUser,
  userId: number,
  change: { isActive: boolean } | { role: "USER" | "ADMIN" },
): Promise<WithEvents<UserStanding>> {
  const outcome = await db.$transaction(async (tx) => {
    await assertAdmin(admin, tx);
    // Admins cannot lock themselves out, which also keeps at least one active admin.
    if (userId === admin.id) throw new AppError("conflict", "You cannot change your own account here");
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
    if (!before) throw notFound("User not found");
    const user = await tx.user.update({
      where: { id: userId },
      data: change,
      select: { id: true, username: true, role: true, isActive: true },
    });
    let entry: AuditInput | null = null;
    if ("isActive" in change && change.isActive !== before.isActive) {
      entry = {
        actorId: admin.id,
        action: change.isActive ? "user.reactivate" : "user.deactivate",
        targetType: "user",
        targetId: userId,
        details: {},
      };
    } else if ("role" in change && change.role !== before.role) {
      entry = { actorId: admin.id, action: "user.role", targetType: "user", targetId: userId, details: { from: before.role, to: change.role } };
    }
    if (entry) await recordAudit(tx, entry);
    return { user, entry };
  });
  if (outcome.entry) logAudit(outcome.entry);
  const cut = outcome.entry?.action === "user.deactivate" ? [{ userId, reason: "user.deactivated" }] : [];
  return withEvents(outcome.user, [], cut);
}

/** Sign-in, every request (the session re-check) and sending all refuse an inactive user. */
export const deactivateUser = (admin: SessionUser, input: UserTargetInput) => changeUser(admin, input.user_id, { isActive: false });
export const reactivateUser = (admin: SessionUser, input: UserTargetInput) => changeUser(admin, input.user_id, { isActive: true });
export const changeRole = (admin: SessionUser, input: ChangeRoleInput) => changeUser(admin, input.user_id, { role: input.role });
