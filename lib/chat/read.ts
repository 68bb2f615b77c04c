import "server-only";
// Read state: a participant's unread count, last read id, and the messages' is_read flags.
import { assertParticipant, getRoomForUser } from "@/lib/chat/rooms";
import { readUpdated } from "@/lib/chat/events";
import { sendsReadReceipts } from "@/lib/chat/receipts";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { withOutbox } from "@/lib/realtime/outbox-store";
import { unreadMentionsSql } from "@/lib/chat/mentions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WireRoom } from "@/lib/wire/rest";

export async function markRead(input: { userId: number; roomId: number; upToId: number }): Promise<WithEvents<WireRoom>> {
  return withOutbox(async (tx) => {
    const participant = await assertParticipant(input.userId, input.roomId, tx);
    const previous = Number(participant.lastReadMessageId ?? 0);
    const upTo = Math.max(previous, input.upToId);
    // Lock order, as in every writer (send.ts, membership.ts, admin/moderation.ts): room row,
    // then participant rows, then message rows. Taking the message rows before our participant
    // row deadlocked with a moderation delete (which holds participants, then wants a message).
    //
    // Our participant row first, in a statement of its own. A send updates this row in the
    // statement that stores its message; if the recount below had to wait for that row, it
    // would still count with its own older snapshot, miss that message, and leave unread_count
    // one short until the next read. Once we hold the row, a send either committed before (the
    // recount's snapshot sees it) or waits for us and adds its one on top of our count.
    await tx.$executeRaw`SELECT 1 FROM chat_chatparticipant WHERE room_id = ${input.roomId} AND user_id = ${input.userId} FOR UPDATE`;
    // Then the messages' is_read flags (found on chat_unread_idx), locked in id order so that two
    // readers of one room take shared rows in the same order. ARRAY(...) runs the locking select
    // once, first, so the update finds its rows by primary key; with `id IN (subquery)` the
    // planner hash-joins the whole table against it (a Seq Scan of every message).
    await tx.$executeRaw`
      UPDATE chat_message SET is_read = true WHERE id = ANY(ARRAY(
        SELECT id FROM chat_message
        WHERE room_id = ${input.roomId} AND is_read = false AND sender_id <> ${input.userId} AND id <= ${upTo}
        ORDER BY id FOR UPDATE))`;
    // Unread = newer messages from others, counted on chat_room_id_idx from the read mark; unread
    // mentions, those of them that mention the reader.
    await tx.$executeRaw`
      UPDATE chat_chatparticipant p SET last_read_message_id = ${upTo}, last_seen = now(),
        unread_count = (SELECT count(*) FROM chat_message m
          WHERE m.room_id = p.room_id AND m.id > ${upTo} AND m.sender_id <> p.user_id AND m.deleted_at IS NULL AND NOT m.withheld),
        unread_mention_count = ${unreadMentionsSql(Prisma.sql`${upTo}`)}
      WHERE p.room_id = ${input.roomId} AND p.user_id = ${input.userId}`;
    // Read inside the transaction, so the room.updated stored with it is this change's state.
    const room = await getRoomForUser(input.userId, input.roomId, tx);
    const changed = upTo > previous || participant.unreadCount !== room.unread_count || participant.unreadMentionCount !== room.unread_mentions;
    if (!changed) return withEvents(room, []);
    const share = await sendsReadReceipts(input.userId, tx);
    return withEvents(room, readUpdated({ roomId: input.roomId, userId: input.userId, upToId: upTo, room, share }));
  });
}
