import "server-only";
// Cursor pages of a room's messages (keyset on id, never OFFSET).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { assertParticipant } from "@/lib/chat/rooms";
import { mentionsOf } from "@/lib/chat/mentions";
import { replyQuotes } from "@/lib/chat/replies";
import { notFound } from "@/lib/errors";
import { attachmentsOf } from "@/lib/attachments/attach";
import { toWireMessage, toWirePage, type MessageRow } from "@/lib/wire/serialize";
import type { WireMessagePage } from "@/lib/wire/rest";

/**
 * viewerId: leaves out messages withheld from them (lib/chat/send.ts), keeping their own.
 * originals: the text as written, before contact details were masked (admins only).
 */
export type PageRequest = { roomId: number; before?: number; after?: number; limit: number; viewerId?: number; originals?: boolean };

type PageRow = Omit<MessageRow, "senderUsername" | "replyTo"> & { replyToId: bigint | null };

/**
 * The page query, walking chat_room_id_idx (room_id, id DESC) in either direction with no
 * sort step; it fetches one extra row to learn `has_more`. Exported so tests can EXPLAIN it.
 *
 * Why `room_id BETWEEN r AND r` and not `room_id = r`: with an equality the planner treats
 * room_id as a constant, so the primary key (id) also satisfies the ORDER BY, and for a room
 * holding a large share of the table it picks a backward primary-key scan that filters
 * room_id, which degrades to reading other rooms' rows when the room's messages are old. The
 * range keeps room_id in the ORDER BY, which only chat_room_id_idx provides, and PostgreSQL
 * still positions the scan on (room_id, id) (tests/integration/chat/messages.test.ts).
 */
export function messagePageSql({ roomId, before, after, limit, viewerId, originals }: PageRequest): Prisma.Sql {
  const content = originals ? Prisma.sql`COALESCE(original_content, content) AS content` : Prisma.sql`content`;
  const columns = Prisma.sql`id, room_id AS "roomId", seq, sender_id AS "senderId", ${content}, timestamp,
    client_id::text AS "clientId", is_read AS "isRead", edited_at AS "editedAt", deleted_at AS "deletedAt",
    reply_to_id AS "replyToId"`;
  const visible = viewerId === undefined ? Prisma.empty : Prisma.sql`AND (NOT withheld OR sender_id = ${viewerId})`;
  const room = Prisma.sql`room_id BETWEEN ${roomId}::int AND ${roomId}::int ${visible}`;
  if (after !== undefined) {
    return Prisma.sql`SELECT ${columns} FROM chat_message
      WHERE ${room} AND id > ${after} ORDER BY room_id DESC, id ASC LIMIT ${limit + 1}`;
  }
  return Prisma.sql`SELECT ${columns} FROM chat_message
    WHERE ${room} ${before !== undefined ? Prisma.sql`AND id < ${before}` : Prisma.empty}
    ORDER BY room_id ASC, id DESC LIMIT ${limit + 1}`;
}

export async function getMessagePage(userId: number, request: PageRequest): Promise<WireMessagePage> {
  await assertParticipant(userId, request.roomId);
  const rows = await db.$queryRaw<PageRow[]>(messagePageSql({ ...request, viewerId: userId }));
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (request.after === undefined) page.reverse();
  return toWirePage(await toWireMessages(request.roomId, page), hasMore);
}

/** A page's rows on the wire: sender names, reply quotes, mentions and attachments in one lookup each. */
async function toWireMessages(roomId: number, rows: PageRow[]) {
  const [senders, quotes, mentions, attachments] = await Promise.all([
    usernames(rows.map((m) => m.senderId)),
    replyQuotes(
      roomId,
      rows.map((m) => m.replyToId),
    ),
    mentionsOf(db, rows),
    attachmentsOf(
      db,
      rows.map((m) => Number(m.id)),
    ),
  ]);
  return rows.map((m) =>
    toWireMessage({
      ...m,
      senderUsername: senders.get(m.senderId) ?? "unknown",
      replyTo: m.replyToId === null ? null : (quotes.get(Number(m.replyToId)) ?? null),
      mentions: mentions.get(Number(m.id)),
      attachments: attachments.get(Number(m.id)),
    }),
  );
}

/**
 * The page centred on one message (`around=`): the target with about half the limit before it
 * and the rest after it, or more of one side where the other runs out (near either end of the
 * room). Two walks of chat_room_id_idx from the target, one each way: the same statement as a
 * before= and an after= page. 404 when the message is not in the room.
 */
export async function getMessagesAround(userId: number, request: { roomId: number; around: number; limit: number }): Promise<WireMessagePage> {
  const { roomId, around, limit } = request;
  await assertParticipant(userId, roomId);
  const [older, newer] = await Promise.all([
    db.$queryRaw<PageRow[]>(messagePageSql({ roomId, before: around + 1, limit, viewerId: userId })),
    db.$queryRaw<PageRow[]>(messagePageSql({ roomId, after: around, limit, viewerId: userId })),
  ]);
  if (older.length === 0 || Number(older[0].id) !== around) throw notFound("Message not found");
  const half = Math.floor((limit - 1) / 2);
  const newerTaken = Math.min(newer.length, Math.max(half, limit - older.length));
  const olderTaken = Math.min(older.length, limit - newerTaken);
  const rows = [...older.slice(0, olderTaken).reverse(), ...newer.slice(0, newerTaken)];
  const hasMoreOlder = older.length > olderTaken;
  return {
    ...toWirePage(await toWireMessages(roomId, rows), hasMoreOlder),
    has_more_older: hasMoreOlder,
    has_more_newer: newer.length > newerTaken,
  };
}

/** Sender names for a page: a handful of distinct ids, one primary-key lookup. */
export async function usernames(ids: number[]): Promise<Map<number, string>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: distinct } }, select: { id: true, username: true } });
  return new Map(users.map((u) => [u.id, u.username]));
}
