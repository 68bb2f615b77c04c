import "server-only";
// Sending a message: the seed's save_message + update_last_message, as one atomic statement.
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { messageCreated, type RoomView } from "@/lib/chat/events";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { toWireMessage, toWireRoom, type MessageRow } from "@/lib/wire/serialize";
import type { WireMessage, WireRoom } from "@/lib/wire/rest";
import { lastMessagePreview } from "@/lib/chat/preview";

export type SendInput = { userId: number; roomId: number; content: string; clientId: string };
export type SendResult = { message: WireMessage; created: boolean };

type Participant = { user_id: number; unread_count: number; name: string };
type SendRow = Omit<MessageRow, "senderUsername"> & {
  member: boolean;
  senderUsername: string | null;
  roomName: string | null;
  roomKind: WireRoom["kind"] | null;
  jobId: number | null;
  ownerId: number | null;
  participants: Participant[] | null;
};

/**
 * Stores the message once per (sender, client_id): a retry returns the original with
 * created=false. One statement (one round trip, its own transaction): it locks the room row
 * first, so ids are handed out in commit order per room and the denormalized last message is
 * always the highest id; then inserts, updates the room's last message, and adds one unread for
 * every other participant (and moves the room up their lists: activity_at). Content must already be validated (trimmed, 1..4000 characters).
 * Returns message.created and each participant's room.updated, to deliver after commit.
 *
 * Lock order (the same in every writer: read.ts, membership.ts, admin/moderation.ts): the room
 * row, then participant rows, then message rows.
 *
 * The timestamp is clock_timestamp() taken while the row is built, after the room lock is
 * granted: now() is the statement's start, before a wait for the lock, so a message that waited
 * would get a higher id but an earlier time than the one it waited for.
 */
export async function sendMessage(input: SendInput): Promise<WithEvents<SendResult>> {
  const started = performance.now();
  const preview = lastMessagePreview(input.content);
  const rows = await db.$queryRaw<SendRow[]>`
    WITH locked AS (
      SELECT r.id, r.name, r.kind, r.job_id, r.owner_id, u.username FROM chat_chatroom r
      JOIN chat_chatparticipant p ON p.room_id = r.id AND p.user_id = ${input.userId}
      JOIN users u ON u.id = p.user_id AND u.is_active
      WHERE r.id = ${input.roomId}
      FOR UPDATE OF r
    ), inserted AS (
      INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
      SELECT id, ${input.userId}, ${input.content}, ${input.clientId}::uuid, clock_timestamp() FROM locked
      ON CONFLICT (sender_id, client_id) DO NOTHING
      RETURNING id, room_id, sender_id, content, timestamp, client_id, is_read, edited_at, deleted_at
    ), last_message AS (
      UPDATE chat_chatroom r SET last_message_content = ${preview}, last_message_time = i.timestamp,
        last_message_sender_id = i.sender_id, updated_at = i.timestamp
      FROM inserted i WHERE r.id = i.room_id
    ), participants AS (
      UPDATE chat_chatparticipant p SET
        unread_count = p.unread_count + CASE WHEN p.user_id = i.sender_id THEN 0 ELSE 1 END,
        last_seen = CASE WHEN p.user_id = i.sender_id THEN now() ELSE p.last_seen END,
        activity_at = i.timestamp
      FROM inserted i WHERE p.room_id = i.room_id
      RETURNING p.user_id, p.unread_count
    )
    -- Data-modifying CTEs always run to completion, read or not (PostgreSQL semantics).
    SELECT EXISTS (SELECT 1 FROM locked) AS member,
      (SELECT username FROM locked) AS "senderUsername",
      (SELECT name FROM locked) AS "roomName", (SELECT kind::text FROM locked) AS "roomKind",
      (SELECT job_id FROM locked) AS "jobId", (SELECT owner_id FROM locked) AS "ownerId",
      i.id, i.room_id AS "roomId", i.sender_id AS "senderId", i.content, i.timestamp,
      i.client_id::text AS "clientId", i.is_read AS "isRead", i.edited_at AS "editedAt", i.deleted_at AS "deletedAt",
      (SELECT json_agg(json_build_object('user_id', pa.user_id, 'unread_count', pa.unread_count, 'name', u.display_name))
         FROM participants pa JOIN users u ON u.id = pa.user_id) AS participants
    FROM (SELECT 1) one LEFT JOIN inserted i ON true`;
  const row = rows[0];
  if (!row?.member || !row.senderUsername) throw notFound("Room not found");

  if (row.id === null || row.id === undefined) {
    // Conflict: this client_id was stored before (a retry). Answer the original, change nothing.
    const original = await db.message.findUnique({
      where: { senderId_clientId: { senderId: input.userId, clientId: input.clientId } },
    });
    if (!original || original.roomId !== input.roomId) {
      throw new AppError("conflict", "client_id was already used for another message");
    }
    return withEvents({ message: toWireMessage({ ...original, senderUsername: row.senderUsername }), created: false });
  }

  const message = toWireMessage({ ...row, senderUsername: row.senderUsername });
  metrics.messagesSent.inc();
  metrics.sendLatency.observe((performance.now() - started) / 1000);
  return withEvents({ message, created: true }, messageCreated(message, roomViews(row, message)));
}

/** The room as each participant now sees it, built from the statement's own answer. */
function roomViews(row: SendRow, message: WireMessage): RoomView[] {
  const participants = row.participants ?? [];
  return participants.map((p) => ({
    userId: p.user_id,
    room: toWireRoom({
      id: message.room_id,
      name: row.roomKind === "DIRECT" ? (participants.find((o) => o.user_id !== p.user_id)?.name ?? row.roomName ?? "") : (row.roomName ?? ""),
      kind: row.roomKind ?? "GROUP",
      jobId: row.jobId,
      lastMessageContent: lastMessagePreview(message.content),
      lastMessageTime: row.timestamp,
      lastMessageSenderId: message.sender.id,
      lastMessageSenderUsername: message.sender.username,
      unreadCount: p.unread_count,
      updatedAt: row.timestamp,
      ownerId: row.ownerId,
    }),
  }));
}
