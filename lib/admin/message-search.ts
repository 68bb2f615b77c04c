import "server-only";
// Admin message search: by words (the full-text index of message search, live messages), by a
// person (chat_sender_time_idx), by a room (chat_room_time_idx), within UTC days; newest first,
// keyset pages. Deleted messages are found by person or room (admins see them, marked).
import type { SessionUser } from "@/lib/auth/credentials";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { assertAdmin } from "@/lib/admin/guard";
import { ADMIN_PAGE_SIZE, DAY_MS, type MessageSearchQuery } from "@/lib/admin/schemas";
import { ADMIN_ROOM_NAME } from "@/lib/admin/room-name";
import { isCursorDate, MAX_ROW_ID } from "@/lib/chat/schemas";
import { MATCHES } from "@/lib/chat/search";
import { excerptAround, type Highlight, highlightRanges, searchTerms, toPrefixQuery } from "@/lib/chat/search-terms";

export type AdminSearchHit = {
  id: number;
  roomId: number;
  roomName: string;
  senderId: number;
  senderUsername: string;
  timestamp: Date;
  deletedAt: Date | null;
  excerpt: string;
  highlights: Highlight[];
};

type Row = Omit<AdminSearchHit, "id" | "excerpt" | "highlights"> & { id: bigint; content: string };

const encodeCursor = (hit: { timestamp: Date; id: number }) => Buffer.from(`${hit.timestamp.toISOString()}|${hit.id}`).toString("base64url");

function decodeCursor(cursor: string): { timestamp: Date; id: number } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const timestamp = new Date(time ?? "");
  const messageId = Number(id);
  if (!isCursorDate(timestamp) || !Number.isSafeInteger(messageId) || messageId <= 0 || messageId > MAX_ROW_ID) throw invalidInput("invalid cursor");
  return { timestamp, id: messageId };
}

export async function searchAdminMessages(admin: SessionUser, query: MessageSearchQuery) {
  await assertAdmin(admin);
  const terms = query.q ? searchTerms(query.q) : [];
  if (terms.length === 0 && !query.user && !query.room_id) throw invalidInput("Give words, a person or a room to search for");
  const sender = query.user ? await db.user.findUnique({ where: { username: query.user }, select: { id: true } }) : null;
  if (query.user && !sender) return { hits: [] as AdminSearchHit[], nextCursor: null, unknownUser: true };
  const after = query.cursor ? decodeCursor(query.cursor) : null;

  const where: Prisma.Sql[] = [];
  if (terms.length > 0) where.push(Prisma.sql`${MATCHES(toPrefixQuery(terms), Prisma.sql`m.content`)} AND m.deleted_at IS NULL`);
  if (sender) where.push(Prisma.sql`m.sender_id = ${sender.id}`);
  if (query.room_id) where.push(Prisma.sql`m.room_id = ${query.room_id}`);
  if (query.from) where.push(Prisma.sql`m.timestamp >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`m.timestamp < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)}`);
  if (after) where.push(Prisma.sql`(m.timestamp, m.id) < (${after.timestamp}, ${after.id})`);

  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id, m.room_id AS "roomId", ${ADMIN_ROOM_NAME} AS "roomName", m.sender_id AS "senderId",
      u.username AS "senderUsername", m.content, m.timestamp, m.deleted_at AS "deletedAt"
    FROM chat_message m JOIN chat_chatroom r ON r.id = m.room_id JOIN users u ON u.id = m.sender_id
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY m.timestamp DESC, m.id DESC LIMIT ${ADMIN_PAGE_SIZE + 1}`;
  const hits = rows.slice(0, ADMIN_PAGE_SIZE).map(({ content, id, ...row }): AdminSearchHit => {
    const { excerpt, highlights } = excerptAround(content, highlightRanges(content, terms));
    return { ...row, id: Number(id), excerpt, highlights };
  });
  const last = hits.at(-1);
  return { hits, nextCursor: rows.length > ADMIN_PAGE_SIZE && last ? encodeCursor(last) : null, unknownUser: false };
}
