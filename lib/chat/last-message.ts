import "server-only";
// Keeping a room's denormalized last message and its members' unread counts right when a message
// is deleted (by its sender or an admin) or edited. Callers hold the room row lock.
import type { Tx } from "@/lib/realtime/outbox-store";
import { Prisma } from "@/lib/generated/prisma/client";
import { LAST_MESSAGE_PREVIEW } from "@/lib/chat/preview";
import { unreadMentionsSql } from "@/lib/chat/mentions";

/**
 * Participants who had not read the message get unread = messages from others, newer than
 * their read mark, not deleted (the message itself is excluded: it is deleted next); their unread
 * mentions likewise.
 */
export async function recountUnread(tx: Tx, m: { roomId: number; messageId: number; senderId: number }) {
  await tx.$executeRaw`
    UPDATE chat_chatparticipant p SET unread_count = (
      SELECT count(*) FROM chat_message c
      WHERE c.room_id = p.room_id AND c.id > COALESCE(p.last_read_message_id, 0)
        AND c.sender_id <> p.user_id AND c.deleted_at IS NULL AND NOT c.withheld AND c.id <> ${m.messageId})
    WHERE p.room_id = ${m.roomId} AND COALESCE(p.last_read_message_id, 0) < ${m.messageId} AND p.user_id <> ${m.senderId}`;
  // A statement of its own, and only for a message that mentions someone: folded into the one
  // above, it left unread_count one too high when a mark-read raced the delete
  // (tests/integration/chat/lock-order.test.ts).
  await tx.$executeRaw`
    UPDATE chat_chatparticipant p SET
      unread_mention_count = ${unreadMentionsSql(Prisma.sql`COALESCE(p.last_read_message_id, 0)`, m.messageId)}
    WHERE p.room_id = ${m.roomId} AND COALESCE(p.last_read_message_id, 0) < ${m.messageId} AND p.user_id <> ${m.senderId}
      AND EXISTS (SELECT 1 FROM chat_message_mention WHERE message_id = ${m.messageId})`;
}

/**
 * When no live message is newer than the deleted one, it was the room's last message: take the
 * newest live one (never a withheld one: lib/chat/send.ts) instead (or none), its mentions as names (chat_mention_text(), migration
 * 20261204010000_mentions). `room_id BETWEEN` keeps the walk on chat_room_id_idx, as in
 * lib/chat/messages.ts.
 */
export async function recomputeLastMessage(tx: Tx, m: { roomId: number; messageId: number }) {
  // A message with no text shows what it carries, as attachmentsPreview (lib/chat/preview.ts) words it.
  await tx.$executeRaw`
    UPDATE chat_chatroom r SET
      last_message_content = CASE WHEN newest.content = '' THEN COALESCE((
          SELECT CASE
            WHEN count(*) = 0 THEN ''
            WHEN bool_and(a.kind = 'image') THEN CASE WHEN count(*) = 1 THEN 'Photo' ELSE count(*) || ' photos' END
            WHEN count(*) = 1 THEN LEFT('File: ' || min(a.name), ${LAST_MESSAGE_PREVIEW}::int)
            ELSE count(*) || ' files' END
          FROM chat_attachment a WHERE a.message_id = newest.id AND a.status = 'ready'), '')
        ELSE COALESCE(LEFT(chat_mention_text(newest.id, newest.content), ${LAST_MESSAGE_PREVIEW}::int), '') END,
      last_message_time = newest.timestamp,
      last_message_sender_id = newest.sender_id
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT id, content, timestamp, sender_id FROM chat_message
      WHERE room_id BETWEEN ${m.roomId}::int AND ${m.roomId}::int AND deleted_at IS NULL AND NOT withheld
      ORDER BY room_id, id DESC LIMIT 1) AS newest ON true
    WHERE r.id = ${m.roomId}
      AND NOT EXISTS (SELECT 1 FROM chat_message n
        WHERE n.room_id = ${m.roomId} AND n.id > ${m.messageId} AND n.deleted_at IS NULL AND NOT n.withheld)`;
}
