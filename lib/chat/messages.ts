import "server-only";
// Cursor pages of a room's messages (keyset on id, never OFFSET).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { assertParticipant } from "@/lib/chat/rooms";
import { attachmentsOf } from "@/lib/attachments/attach";
import { toWireMessage, toWirePage, type MessageRow } from "@/lib/wire/serialize";
import type { WireMessagePage } from "@/lib/wire/rest";

export type PageRequest = { roomId: number; before?: number; after?: number; limit: number };

type PageRow = Omit<MessageRow, "senderUsername">;

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
export function messagePageSql({ roomId, before, after, limit }: PageRequest): Prisma.Sql {
  const columns = Prisma.sql`id, room_id AS "roomId", seq, sender_id AS "senderId", content, timestamp,
    client_id::text AS "clientId", is_read AS "isRead", edited_at AS "editedAt", deleted_at AS "deletedAt"`;
  const room = Prisma.sql`room_id BETWEEN ${roomId}::int AND ${roomId}::int`;
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
  const rows = await db.$queryRaw<PageRow[]>(messagePageSql(request));
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (request.after === undefined) page.reverse();
  const [senders, attachments] = await Promise.all([
    usernames(page.map((m) => m.senderId)),
    attachmentsOf(
      db,
      page.map((m) => Number(m.id)),
    ),
  ]);
  return toWirePage(
    page.map((m) => toWireMessage({ ...m, senderUsername: senders.get(m.senderId) ?? "unknown", attachments: attachments.get(Number(m.id)) })),
    hasMore,
  );
}

/** Sender names for a page: a handful of distinct ids, one primary-key lookup. */
export async function usernames(ids: number[]): Promise<Map<number, string>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: distinct } }, select: { id: true, username: true } });
  return new Map(users.map((u) => [u.id, u.username]));
}
