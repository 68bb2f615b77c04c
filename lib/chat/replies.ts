import "server-only";
// Replies: checking what a send replies to, and the quote (lib/wire/rest.ts WireReply) every
// message that replies carries, read when the message is served so it shows the original as it
// is now (edited text, or deleted).
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { REPLY_SOURCE_CHARS, replyExcerpt } from "@/lib/chat/reply-excerpt";
import type { Tx } from "@/lib/realtime/outbox-store";
import type { WireReply } from "@/lib/wire/rest";

type Client = Pick<Tx, "$queryRaw">;

/**
 * Refuses (400) a reply to a message that is not in the room, or withheld from the caller
 * (lib/chat/send.ts: its quote would show them its text). Only answers a member: for anyone
 * else it returns and the send itself refuses the room (404), so a stranger learns nothing about
 * which message ids exist where.
 */
export async function assertReplyTarget(tx: Client, input: { userId: number; roomId: number; replyToId: number }): Promise<void> {
  const rows = await tx.$queryRaw<{ member: boolean; found: boolean }[]>`
    SELECT EXISTS (
        SELECT 1 FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id AND u.is_active
        WHERE p.room_id = ${input.roomId} AND p.user_id = ${input.userId}
      ) AS member,
      EXISTS (SELECT 1 FROM chat_message WHERE id = ${input.replyToId} AND room_id = ${input.roomId}
        AND (NOT withheld OR sender_id = ${input.userId})) AS found`;
  const row = rows[0];
  if (row?.member && !row.found) throw invalidInput("reply_to_id: no such message in this room");
}

type QuotedRow = { id: bigint; senderId: number; username: string; name: string; head: string; more: boolean; deleted: boolean };

/** The quotes of the given originals in one room, by original id: one primary-key lookup each. */
export async function replyQuotes(roomId: number, ids: (bigint | number | null)[], client: Client = db): Promise<Map<number, WireReply>> {
  const wanted = [...new Set(ids.filter((id): id is bigint | number => id !== null).map((id) => BigInt(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await client.$queryRaw<QuotedRow[]>`
    SELECT m.id, m.sender_id AS "senderId", u.username, u.display_name AS name,
      left(m.content, ${REPLY_SOURCE_CHARS}::int) AS head, char_length(m.content) > ${REPLY_SOURCE_CHARS}::int AS more,
      m.deleted_at IS NOT NULL AS deleted
    FROM chat_message m JOIN users u ON u.id = m.sender_id
    WHERE m.id = ANY(${wanted}::bigint[]) AND m.room_id = ${roomId}`;
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        sender: { id: r.senderId, username: r.username, name: r.name },
        excerpt: r.deleted ? "" : replyExcerpt(r.head, r.more),
        deleted: r.deleted,
      },
    ]),
  );
}

/** The quote of one message's original, or null (no reply, or the original is gone). */
export async function replyQuote(roomId: number, replyToId: bigint | number | null, client: Client = db): Promise<WireReply | null> {
  if (replyToId === null) return null;
  return (await replyQuotes(roomId, [replyToId], client)).get(Number(replyToId)) ?? null;
}
