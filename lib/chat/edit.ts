import "server-only";
// A sender editing (within EDIT_WINDOW_MS of sending) or deleting (any time) their own message.
// Lock order, as in every writer (send.ts, read.ts, admin/moderation.ts): the room row, then
// participant rows, then the message row.
import { AppError, notFound } from "@/lib/errors";
import { EDIT_WINDOW_MS } from "@/lib/chat/limits";
import { assertRoomWritable } from "@/lib/jobs/read-only";
import { messageDeleted, messageEdited } from "@/lib/chat/events";
import { recomputeLastMessage, recountUnread } from "@/lib/chat/last-message";
import { settleParticipantActivity } from "@/lib/chat/activity";
import { roomForEachParticipant } from "@/lib/chat/rooms";
import { replyQuote } from "@/lib/chat/replies";
import { mentionsOf, recountUnreadMentions, replaceMentions, resolveMentions } from "@/lib/chat/mentions";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { type Tx, withOutbox } from "@/lib/realtime/outbox-store";
import { toWireMessage } from "@/lib/wire/serialize";
import { attachmentsOf } from "@/lib/attachments/attach";
import { detachMessageFiles, removeStoredFiles } from "@/lib/attachments/cleanup";
import type { WireMessage } from "@/lib/wire/rest";
import { maskForRoom } from "@/lib/safety/mask-policy";

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
  await assertRoomWritable(tx, input.userId, input.roomId);
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

/** The participants who have not read the message (their unread mentions may change), locked in id order. */
async function lockUnreadParticipants(tx: Tx, m: { roomId: number; messageId: number; userId: number }) {
  await tx.$executeRaw`
    SELECT 1 FROM chat_chatparticipant
    WHERE room_id = ${m.roomId} AND COALESCE(last_read_message_id, 0) < ${m.messageId} AND user_id <> ${m.userId}
    ORDER BY id FOR UPDATE`;
}

/**
 * Replaces the text (already validated like a send) and keeps the old one in chat_message_edit.
 * An unchanged text changes nothing. Room lists hear room.updated only when the edited message is
 * the room's last one (its preview changed), or, for members who had not read it, when the edit
 * changed whether it mentions them (their "@" count).
 */
export async function editMessage(input: OwnMessageInput & { content: string }): Promise<WithEvents<WireMessage>> {
  return withOutbox(async (tx) => {
    const { room, message } = await lockOwnMessage(tx, input);
    if (message.deletedAt) throw new AppError("conflict", "This message was deleted");
    if (Date.now() - message.timestamp.getTime() > EDIT_WINDOW_MS) {
      throw new AppError("conflict", "Messages can only be edited within 15 minutes of sending");
    }
    const senderUsername = message.sender.username;
    const replyTo = await replyQuote(input.roomId, message.replyToId, tx);
    const messageId = Number(message.id);
    const before = (await mentionsOf(tx, [message])).get(messageId) ?? [];
    const attachments = (await attachmentsOf(tx, [messageId])).get(messageId);
    const masked = await maskForRoom(tx, input);
    if (message.content === masked.content) return withEvents(toWireMessage({ ...message, senderUsername, replyTo, mentions: before, attachments }));

    const after = await resolveMentions(tx, input.roomId, masked.content);
    const mentionsChanged = before.map((m) => m.id).join() !== after.map((m) => m.id).join();
    // Lock order: the participant rows a recount will update, before the message row.
    if (mentionsChanged) await lockUnreadParticipants(tx, { ...input, messageId });
    await tx.messageEdit.create({ data: { messageId: message.id, oldContent: message.content } });
    const updated = await tx.message.update({
      where: { id: message.id },
      data: { content: masked.content, originalContent: masked.original, editedAt: new Date() },
    });
    const mentions = mentionsChanged ? await replaceMentions(tx, { messageId: message.id, roomId: input.roomId, content: masked.content }) : before;
    const recounted = mentionsChanged ? await recountUnreadMentions(tx, { roomId: input.roomId, messageId, senderId: input.userId }) : [];
    await recomputeLastMessage(tx, { roomId: input.roomId, messageId });
    const wire = toWireMessage({ ...updated, senderUsername, replyTo, mentions, attachments, contactMasked: masked.original !== null });
    // A withheld message (lib/chat/send.ts) stays its sender's: nobody else hears of the edit.
    if (message.withheld) return withEvents(wire);
    const changed = lastMessageChanged(room, await readLastMessage(tx, input.roomId));
    if (changed || recounted.length > 0) await markRoomChanged(tx, input.roomId);
    // Everyone's list when the preview changed; else only those whose "@" count moved.
    const views = changed || recounted.length > 0 ? await roomForEachParticipant(input.roomId, tx) : [];
    return withEvents(wire, messageEdited(wire, changed ? views : views.filter((v) => recounted.includes(v.userId))));
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
    if (message.withheld) return withEvents(result);
    const views = await roomForEachParticipant(input.roomId, tx);
    return withEvents(result, messageDeleted({ id: messageId, roomId: input.roomId }, views));
  });
  await removeStoredFiles(files);
  return produced;
}
