// Sending a message: the seed's save_message + update_last_message, in one transaction.
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { roomForEachParticipant } from "@/lib/chat/rooms";
import { toWireMessage, type MessageRow, type WireMessage } from "@/lib/chat/wire";
import { publishMessageCreated } from "@/lib/realtime/publish";

export type SendInput = { userId: number; roomId: number; content: string; clientId: string };
export type SendResult = { message: WireMessage; created: boolean };

const LAST_MESSAGE_PREVIEW = 200;

type InsertedRow = Omit<MessageRow, "senderUsername">;

/**
 * Stores the message once per (sender, client_id): a retry returns the original with
 * created=false. The room row is locked first, so ids are handed out in commit order per room
 * and the denormalized last message is always the highest id. Content must already be
 * validated (trimmed, 1..4000 characters) by the caller's schema.
 */
export async function sendMessage(input: SendInput): Promise<SendResult> {
  const started = performance.now();
  const result = await db.$transaction(async (tx) => {
    const member = await tx.$queryRaw<Array<{ username: string }>>`
      SELECT u.username FROM chat_chatroom r
      JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${input.userId}
      JOIN users u ON u.id = p.user_id AND u.is_active
      WHERE r.id = ${input.roomId}
      FOR UPDATE OF r`;
    if (!member[0]) throw notFound("Room not found");
    const username = member[0].username;

    const inserted = await tx.$queryRaw<InsertedRow[]>`
      INSERT INTO chat_message (room_id, sender_id, content, client_id)
      VALUES (${input.roomId}, ${input.userId}, ${input.content}, ${input.clientId}::uuid)
      ON CONFLICT (sender_id, client_id) DO NOTHING
      RETURNING id, room_id AS "roomId", sender_id AS "senderId", content, timestamp,
        client_id::text AS "clientId", is_read AS "isRead", edited_at AS "editedAt", deleted_at AS "deletedAt"`;
    if (!inserted[0]) {
      const original = await tx.message.findUnique({
        where: { senderId_clientId: { senderId: input.userId, clientId: input.clientId } },
      });
      if (!original || original.roomId !== input.roomId) {
        throw new AppError("conflict", "client_id was already used for another message");
      }
      return { message: toWireMessage({ ...original, senderUsername: username }), created: false };
    }
    const message = inserted[0];
    await tx.$executeRaw`
      UPDATE chat_chatroom SET last_message_content = ${message.content.slice(0, LAST_MESSAGE_PREVIEW)},
        last_message_time = ${message.timestamp}, last_message_sender_id = ${input.userId}, updated_at = ${message.timestamp}
      WHERE id = ${input.roomId}`;
    // Every other participant gains one unread; the sender is seen now. One statement.
    await tx.$executeRaw`
      UPDATE chat_chatparticipant SET
        unread_count = unread_count + CASE WHEN user_id = ${input.userId} THEN 0 ELSE 1 END,
        last_seen = CASE WHEN user_id = ${input.userId} THEN now() ELSE last_seen END
      WHERE room_id = ${input.roomId}`;
    return { message: toWireMessage({ ...message, senderUsername: username }), created: true };
  });

  if (result.created) {
    metrics.messagesSent.inc();
    metrics.sendLatency.observe((performance.now() - started) / 1000);
    const rooms = await roomForEachParticipant(input.roomId).catch(() => []);
    await publishMessageCreated(result.message, rooms);
  }
  return result;
}
