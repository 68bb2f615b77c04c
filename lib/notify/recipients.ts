import "server-only";
// Who hears about a new message by notification: the room's other active members who have not
// muted it, or who muted it but asked to hear @mentions of themselves and are mentioned.
// `mentionedUserIds` is the message's recorded mentions (lib/chat/mentions.ts).
import { db } from "@/lib/db";

export type Recipient = { userId: number; hidePreviews: boolean; roomName: string };

export async function notificationRecipients(input: { roomId: number; senderId: number; mentionedUserIds: number[] }): Promise<Recipient[]> {
  // A DIRECT room is named, for its other member, after the sender.
  return db.$queryRaw<Recipient[]>`
    SELECT p.user_id AS "userId", u.notify_hide_previews AS "hidePreviews",
      CASE WHEN r.kind = 'DIRECT' THEN s.display_name ELSE r.name END AS "roomName"
    FROM chat_chatparticipant p
    JOIN users u ON u.id = p.user_id AND u.is_active
    JOIN chat_chatroom r ON r.id = p.room_id
    JOIN users s ON s.id = ${input.senderId}
    WHERE p.room_id = ${input.roomId} AND p.user_id <> ${input.senderId}
      AND (p.muted_until IS NULL OR p.muted_until <= now()
        OR (u.notify_mentions_when_muted AND p.user_id = ANY(${input.mentionedUserIds}::int[])))
    ORDER BY p.user_id`;
}
