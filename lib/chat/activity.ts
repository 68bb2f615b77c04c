import "server-only";
// The room's activity copied onto its participant rows (chat_chatparticipant.activity_at), the
// room list's sort key. The send statement sets it itself (lib/chat/send.ts); every other writer
// that adds participants or changes a room's last message calls this in the same transaction.
import type { Db } from "@/lib/db";

/**
 * Sets activity_at = COALESCE(last_message_time, updated_at) on the room's participant rows that
 * differ (new members, a recomputed last message). Touches participant rows only: callers that
 * lock hold the room row already, as the lock order wants. Resolves to the rows changed.
 */
export function settleParticipantActivity(client: Pick<Db, "$executeRaw">, roomId: number) {
  // Returned unawaited, so a batch transaction can hold it ($transaction([...]) takes Prisma's promises).
  return client.$executeRaw`
    UPDATE chat_chatparticipant p SET activity_at = COALESCE(r.last_message_time, r.updated_at)
    FROM chat_chatroom r
    WHERE r.id = ${roomId} AND p.room_id = r.id AND p.activity_at IS DISTINCT FROM COALESCE(r.last_message_time, r.updated_at)`;
}
