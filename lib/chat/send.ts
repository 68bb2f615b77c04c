import "server-only";
// Sending a message: the seed's save_message + update_last_message, as one atomic statement.
import { AppError, notFound } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { messageCreated, withheldCreated } from "@/lib/chat/events";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { type Tx, withOutbox } from "@/lib/realtime/outbox-store";
import { toWireMessage, type MessageRow } from "@/lib/wire/serialize";
import type { WireMessage } from "@/lib/wire/rest";
import { messagePreview } from "@/lib/chat/preview";
import { assertReplyTarget, replyQuote } from "@/lib/chat/replies";
import { assertRoomWritable } from "@/lib/jobs/read-only";
import { mentionsOf, resolveMentions } from "@/lib/chat/mentions";
import { mentionsAsText } from "@/lib/chat/mention-text";
import { attachmentsOf, linkAttachments, sendableAttachments } from "@/lib/attachments/attach";
import { maskForRoom } from "@/lib/safety/mask-policy";

/**
 * replyToId: a message of the same room this one replies to (lib/chat/replies.ts).
 * attachmentIds: finished uploads of the sender in this room (content may then be empty).
 */
export type SendInput = { userId: number; roomId: number; content: string; clientId: string; replyToId?: number; attachmentIds?: string[] };
/** withheld: only its sender sees it (a direct room whose other person blocked them); never notify. */
export type SendResult = { message: WireMessage; created: boolean; withheld: boolean };

type SendRow = Omit<MessageRow, "senderUsername" | "replyTo"> & {
  replyToId: bigint | null;
  member: boolean;
  senderUsername: string | null;
  memberIds: number[] | null;
  mentionedIds: number[] | null;
  withheld: boolean | null;
};

/**
 * Stores the message once per (sender, client_id): a retry returns the original with
 * created=false. One statement makes the change (then one insert stores its events): it locks the room row
 * first, so ids are handed out in commit order per room and the denormalized last message is
 * always the highest id; then inserts, updates the room's last message, and adds one unread for
 * every other participant (and moves the room up their lists: activity_at), and one unread
 * mention for each other participant the content mentions (recording them: chat_message_mention).
 * Content with mention tokens costs one query before it: the members they name, for the preview
 * ("@Name", not the token); the statement records only those still members when it runs. Content must already be validated (trimmed, 1..4000 characters).
 * The message's seq is the room's last_seq + 1, read and written under the same room lock, so it
 * is gapless per room and in commit order.
 * Returns message.created for the room and one room.activity for every member's room list (in
 * chunks of at most 100 channels per trigger), to deliver after commit.
 *
 * Lock order (the same in every writer: read.ts, membership.ts, admin/moderation.ts): the room
 * row, then participant rows, then message rows.
 *
 * The timestamp is clock_timestamp() taken while the row is built, after the room lock is
 * granted: now() is the statement's start, before a wait for the lock, so a message that waited
 * would get a higher id but an earlier time than the one it waited for.
 *
 * The room lock is held to commit, past the outbox insert, so outbox ids follow the room's order.
 */
export async function sendMessage(input: SendInput): Promise<WithEvents<SendResult>> {
  const started = performance.now();
  const produced = await withOutbox(async (tx) => {
    if (input.replyToId !== undefined) await assertReplyTarget(tx, { userId: input.userId, roomId: input.roomId, replyToId: input.replyToId });
    await assertRoomWritable(tx, input.userId, input.roomId);
    const masked = await maskForRoom(tx, input);
    return storeMessage(tx, { ...input, content: masked.content }, masked.original);
  });
  if (produced.result.created) {
    metrics.messagesSent.inc();
    metrics.sendLatency.observe((performance.now() - started) / 1000);
  }
  return produced;
}

/**
 * A message into a DIRECT room whose other person blocked the sender is stored `withheld`: it
 * takes its seq (the room's numbering stays gapless), but leaves the room's last message, the
 * other person's unread count and activity, and mentions alone, and its events go to the sender
 * only. The sender is not told (blocks are invisible to the blocked person).
 */
async function storeMessage(tx: Tx, input: SendInput, originalContent: string | null): Promise<WithEvents<SendResult>> {
  const mentions = await resolveMentions(tx, input.roomId, input.content);
  const candidates = mentions.map((m) => m.id);
  const attachmentIds = input.attachmentIds ?? [];
  // Read before the statement only for the room list's preview ("Photo"); the link after it checks them for real.
  const preview = messagePreview(mentionsAsText(input.content, mentions), await sendableAttachments(tx, { ...input, ids: attachmentIds }));
  const rows = await tx.$queryRaw<SendRow[]>`
    WITH locked AS (
      SELECT r.id, r.last_seq, u.username,
        r.kind = 'DIRECT' AND EXISTS (SELECT 1 FROM user_block b JOIN chat_chatparticipant op ON op.room_id = r.id AND op.user_id = b.blocker_id
          WHERE b.blocked_id = u.id) AS withheld
      FROM chat_chatroom r
      JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${input.userId}
      JOIN users u ON u.id = p.user_id AND u.is_active
      WHERE r.id = ${input.roomId}
      FOR UPDATE OF r
    ), inserted AS (
      INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp, seq, reply_to_id, withheld, original_content)
      SELECT id, ${input.userId}, ${input.content}, ${input.clientId}::uuid, clock_timestamp(), last_seq + 1, ${input.replyToId ?? null}::bigint, withheld, ${originalContent}
      FROM locked
      ON CONFLICT (sender_id, client_id) DO NOTHING
      RETURNING id, room_id, sender_id, content, timestamp, client_id, is_read, edited_at, deleted_at, seq, reply_to_id, withheld
    ), last_message AS (
      UPDATE chat_chatroom r SET last_seq = i.seq,
        last_message_content = CASE WHEN i.withheld THEN r.last_message_content ELSE ${preview} END,
        last_message_time = CASE WHEN i.withheld THEN r.last_message_time ELSE i.timestamp END,
        last_message_sender_id = CASE WHEN i.withheld THEN r.last_message_sender_id ELSE i.sender_id END,
        updated_at = CASE WHEN i.withheld THEN r.updated_at ELSE i.timestamp END
      FROM inserted i WHERE r.id = i.room_id
    ), mentioned AS (
      INSERT INTO chat_message_mention (message_id, user_id)
      SELECT i.id, p.user_id FROM inserted i
      JOIN chat_chatparticipant p ON p.room_id = i.room_id AND p.user_id = ANY(${candidates}::int[])
      WHERE NOT i.withheld
      RETURNING user_id
    ), participants AS (
      UPDATE chat_chatparticipant p SET
        unread_count = p.unread_count + CASE WHEN p.user_id = i.sender_id THEN 0 ELSE 1 END,
        unread_mention_count = p.unread_mention_count
          + CASE WHEN p.user_id <> i.sender_id AND p.user_id = ANY(${candidates}::int[]) THEN 1 ELSE 0 END,
        last_seen = CASE WHEN p.user_id = i.sender_id THEN now() ELSE p.last_seen END,
        activity_at = i.timestamp
      FROM inserted i WHERE p.room_id = i.room_id AND (NOT i.withheld OR p.user_id = i.sender_id)
      RETURNING p.user_id
    )
    -- Data-modifying CTEs always run to completion, read or not (PostgreSQL semantics).
    SELECT EXISTS (SELECT 1 FROM locked) AS member,
      (SELECT username FROM locked) AS "senderUsername",
      i.id, i.seq, i.room_id AS "roomId", i.sender_id AS "senderId", i.content, i.timestamp,
      i.client_id::text AS "clientId", i.is_read AS "isRead", i.edited_at AS "editedAt", i.deleted_at AS "deletedAt",
      i.reply_to_id AS "replyToId", i.withheld,
      (SELECT array_agg(user_id) FROM participants) AS "memberIds",
      (SELECT array_agg(user_id) FROM mentioned) AS "mentionedIds"
    FROM (SELECT 1) one LEFT JOIN inserted i ON true`;
  const row = rows[0];
  if (!row?.member || !row.senderUsername) throw notFound("Room not found");

  if (row.id === null || row.id === undefined) {
    // Conflict: this client_id was stored before (a retry). Answer the original, change nothing.
    const original = await tx.message.findUnique({
      where: { senderId_clientId: { senderId: input.userId, clientId: input.clientId } },
    });
    if (!original || original.roomId !== input.roomId) {
      throw new AppError("conflict", "client_id was already used for another message");
    }
    const replyTo = await replyQuote(input.roomId, original.replyToId, tx);
    const recorded = (await mentionsOf(tx, [original])).get(Number(original.id));
    const attachments = (await attachmentsOf(tx, [Number(original.id)])).get(Number(original.id));
    return withEvents({
      message: toWireMessage({ ...original, senderUsername: row.senderUsername, replyTo, mentions: recorded, attachments }),
      created: false,
      withheld: original.withheld,
    });
  }

  const replyTo = await replyQuote(input.roomId, row.replyToId, tx);
  const stored = new Set(row.mentionedIds ?? []);
  const attachments = await linkAttachments(tx, { userId: input.userId, roomId: input.roomId, messageId: Number(row.id), ids: attachmentIds });
  const message = toWireMessage({
    ...row,
    senderUsername: row.senderUsername,
    replyTo,
    mentions: mentions.filter((m) => stored.has(m.id)),
    attachments,
    contactMasked: originalContent !== null,
  });
  if (row.withheld) return withEvents({ message, created: true, withheld: true }, withheldCreated(message));
  return withEvents({ message, created: true, withheld: false }, messageCreated(message, row.memberIds ?? []));
}
