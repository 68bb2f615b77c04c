import "server-only";
// A sender editing (within EDIT_WINDOW_MS of sending) or deleting (any time) their own message.
// Lock order, as in every writer (send.ts, read.ts, admin/moderation.ts): the room row, then
// participant rows, then the message row.
import { AppError, notFound } from "@/lib/errors";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";
import { messageDeleted, messageEdited } from "@/lib/chat/events";
import { recomputeLastMessage, recountUnread } from "@/lib/chat/last-message";
import { settleParticipantActivity } from "@/lib/chat/activity";
import { roomForEachParticipant } from "@/lib/chat/rooms";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { type Tx, withOutbox } from "@/lib/realtime/outbox-store";
import { toWireMessage } from "@/lib/wire/serialize";
import { attachmentsOf } from "@/lib/attachments/attach";
import { detachMessageFiles, removeStoredFiles } from "@/lib/attachments/cleanup";
import type { WireMessage } from "@/lib/wire/rest";

export type OwnMessageInput = { userId: number; roomId: number; messageId: number };

type Locked = { lastMessageTime: Date | null; lastMessageSenderId: number | null; lastMessageContent: string };

/**
 * Locks the room (the caller must be a member) and returns the message, which must be theirs, in
 * that room. Someone else's message answers 403; one in another room, 404, as a stranger's room.
 */
async function lockOwnMessage(tx: Tx, input: OwnMessageInput) {
  const rooms = await tx.$queryRaw<Locked[]>`
    SELECT r.last_message_time AS "lastMessageTime", r.last_message_sender_id AS "lastMessageSenderId",
      r.last_message_content AS "lastMessageContent"
    FROM chat_chatroom r
    JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${input.userId}
    WHERE r.id = ${input.roomId}
    FOR UPDATE OF r`;
  const room = rooms[0];
  if (!room) throw notFound("Room not found");
  const message = await tx.message.findUnique({
    where: { id: BigInt(input.messageId) },
    include: { sender: { select: { username: true } } },
  });
  if (!message || message.roomId !== input.roomId) throw notFound("Message not found");
  if (message.senderId !== input.userId) throw new AppError("forbidden", "You can only change your own messages");
  return { room, message };
}

const lastMessageChanged = (before: Locked, after: Locked | undefined) =>
  !after ||
  before.lastMessageContent !== after.lastMessageContent ||
  before.lastMessageTime?.getTime() !== after.lastMessageTime?.getTime() ||
  before.lastMessageSenderId !== after.lastMessageSenderId;

async function readLastMessage(tx: Tx, roomId: number): Promise<Locked | undefined> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT last_message_time AS "lastMessageTime", last_message_sender_id AS "lastMessageSenderId",
      last_message_content AS "lastMessageContent"
    FROM chat_chatroom WHERE id = ${roomId}`;
  return rows[0];
}

/**
 * Moves the room's updated_at on, so the room.updated views sent now supersede any a browser
 * receives later but that was read before this change (say, a member's mark-read view in flight):
 * browsers keep the copy with the newer updated_at. Left alone for a room with no message left,
 * where updated_at is its list position.
 */
async function markRoomChanged(tx: Tx, roomId: number) {
  await tx.$executeRaw`
    UPDATE chat_chatroom SET updated_at = GREATEST(updated_at, clock_timestamp())
    WHERE id = ${roomId} AND last_message_time IS NOT NULL`;
}

/**
 * Replaces the text (already validated like a send) and keeps the old one in chat_message_edit.
 * An unchanged text changes nothing. Room lists hear room.updated only when the edited message is
 * the room's last one (its preview changed).
 */
export async function editMessage(input: OwnMessageInput & { content: string }): Promise<WithEvents<WireMessage>> {
  return withOutbox(async (tx) => {
    const { room, message } = await lockOwnMessage(tx, input);
    if (message.deletedAt) throw new AppError("conflict", "This message was deleted");
    if (Date.now() - message.timestamp.getTime() > EDIT_WINDOW_MS) {
      throw new AppError("conflict", "Messages can only be edited within 15 minutes of sending");
    }
    const senderUsername = message.sender.username;
    const attachments = (await attachmentsOf(tx, [Number(message.id)])).get(Number(message.id));
    if (message.content === input.content) return withEvents(toWireMessage({ ...message, senderUsername, attachments }));

    await tx.messageEdit.create({ data: { messageId: message.id, oldContent: message.content } });
    const updated = await tx.message.update({
      where: { id: message.id },
      data: { content: input.content, editedAt: new Date() },
    });
    await recomputeLastMessage(tx, { roomId: input.roomId, messageId: Number(message.id) });
    const wire = toWireMessage({ ...updated, senderUsername, attachments });
    const changed = lastMessageChanged(room, await readLastMessage(tx, input.roomId));
    if (changed) await markRoomChanged(tx, input.roomId);
    const views = changed ? await roomForEachParticipant(input.roomId, tx) : [];
    return withEvents(wire, messageEdited(wire, views));
  });
}

/**
 * Soft-deletes the message for everyone: unread counts of those who had not read it drop, and
 * when it was the room's last message the preview falls back to the newest live one. Deleting a
 * deleted message is a no-op (a retry).
 */
export async function deleteOwnMessage(input: OwnMessageInput): Promise<WithEvents<{ id: number; room_id: number; deleted: boolean }>> {
  let files: Awaited<ReturnType<typeof detachMessageFiles>> = [];
  const produced = await withOutbox(async (tx) => {
    const { message } = await lockOwnMessage(tx, input);
    const messageId = Number(message.id);
    const result = { id: messageId, room_id: input.roomId, deleted: true };
    if (message.deletedAt) return withEvents(result);
    await recountUnread(tx, { roomId: input.roomId, messageId, senderId: message.senderId });
    await tx.$executeRaw`UPDATE chat_message SET deleted_at = now() WHERE id = ${message.id}`;
    // Its photos and files go with it: rows now, bytes after commit.
    files = await detachMessageFiles(tx, messageId);
    await recomputeLastMessage(tx, { roomId: input.roomId, messageId });
    await markRoomChanged(tx, input.roomId);
    await settleParticipantActivity(tx, input.roomId);
    const views = await roomForEachParticipant(input.roomId, tx);
    return withEvents(result, messageDeleted({ id: messageId, roomId: input.roomId }, views));
  });
  await removeStoredFiles(files);
  return produced;
}
