import "server-only";
// Mentions on the server: which members a message's "<@id>" tokens name, the rows that record
// them (chat_message_mention), and each participant's count of unread messages that mention them.
// A token naming someone who is not a member of the room is left as plain text: recorded for no
// one, counted for no one, shown as typed.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { Tx } from "@/lib/realtime/outbox-store";
import { hasMentionToken, mentionedIds } from "@/lib/chat/mention-text";
import type { WireMention } from "@/lib/wire/rest";

type Client = Pick<Db, "$queryRaw">;

/** The room's members among the users the content names, by id. No query when it names none. */
export async function resolveMentions(client: Client, roomId: number, content: string): Promise<WireMention[]> {
  const ids = mentionedIds(content);
  if (ids.length === 0) return [];
  return client.$queryRaw<WireMention[]>`
    SELECT u.id, u.username, u.display_name AS name FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id
    WHERE p.room_id = ${roomId} AND p.user_id = ANY(${ids}::int[]) ORDER BY u.id`;
}

/** The recorded mentions of these messages, by message id: one query, none when no content has a token. */
export async function mentionsOf(client: Client, messages: Array<{ id: bigint | number; content: string }>): Promise<Map<number, WireMention[]>> {
  const ids = messages.filter((m) => hasMentionToken(m.content)).map((m) => BigInt(m.id));
  const byMessage = new Map<number, WireMention[]>();
  if (ids.length === 0) return byMessage;
  const rows = await client.$queryRaw<Array<WireMention & { messageId: bigint }>>`
    SELECT mm.message_id AS "messageId", u.id, u.username, u.display_name AS name
    FROM chat_message_mention mm JOIN users u ON u.id = mm.user_id
    WHERE mm.message_id = ANY(${ids}::bigint[]) ORDER BY mm.message_id, u.id`;
  for (const { messageId, ...mention } of rows) {
    const key = Number(messageId);
    byMessage.set(key, [...(byMessage.get(key) ?? []), mention]);
  }
  return byMessage;
}

/** An edit's new text: the message's mention rows become the members it now names. */
export async function replaceMentions(tx: Tx, m: { messageId: bigint; roomId: number; content: string }): Promise<WireMention[]> {
  const mentions = await resolveMentions(tx, m.roomId, m.content);
  const ids = mentions.map((x) => x.id);
  await tx.$executeRaw`DELETE FROM chat_message_mention WHERE message_id = ${m.messageId} AND NOT (user_id = ANY(${ids}::int[]))`;
  if (ids.length > 0) {
    await tx.$executeRaw`INSERT INTO chat_message_mention (message_id, user_id)
      SELECT ${m.messageId}, unnest(${ids}::int[]) ON CONFLICT DO NOTHING`;
  }
  return mentions;
}

/**
 * The participant `p`'s unread mentions: messages of the room from others, after `readMark`, not
 * deleted, that mention them (and not `exclude`, a message about to be deleted). Walks
 * chat_mention_user_idx from the read mark.
 */
export function unreadMentionsSql(readMark: Prisma.Sql, exclude?: number): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM chat_message_mention mm JOIN chat_message c ON c.id = mm.message_id
    WHERE mm.user_id = p.user_id AND mm.message_id > ${readMark} AND c.room_id = p.room_id
      AND c.sender_id <> p.user_id AND c.deleted_at IS NULL
      ${exclude !== undefined ? Prisma.sql`AND c.id <> ${exclude}` : Prisma.empty})`;
}

/**
 * After an edit changed who a message mentions: recounts the participants who had not read it
 * (not its sender). Returns whose count changed, so only their room lists need to hear.
 */
export async function recountUnreadMentions(tx: Tx, m: { roomId: number; messageId: number; senderId: number }): Promise<number[]> {
  const rows = await tx.$queryRaw<Array<{ userId: number }>>`
    UPDATE chat_chatparticipant q SET unread_mention_count = c.n
    FROM (SELECT p.id, ${unreadMentionsSql(Prisma.sql`COALESCE(p.last_read_message_id, 0)`)}::int AS n
      FROM chat_chatparticipant p
      WHERE p.room_id = ${m.roomId} AND COALESCE(p.last_read_message_id, 0) < ${m.messageId} AND p.user_id <> ${m.senderId}) c
    WHERE q.id = c.id AND q.unread_mention_count <> c.n
    RETURNING q.user_id AS "userId"`;
  return rows.map((r) => r.userId);
}
