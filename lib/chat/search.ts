import "server-only";
// Message search over the rooms a user is in: PostgreSQL full-text with the `simple`
// configuration and prefix matching, on chat_message_search_idx (GIN, live messages only).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { isCursorDate } from "@/lib/chat/schemas";
import { excerptAround, highlightRanges, searchTerms, toPrefixQuery } from "@/lib/chat/search-terms";
import { usernames } from "@/lib/chat/messages";
import type { WireSearchPage, WireSearchResult } from "@/lib/wire/rest";

export type SearchRequest = { userId: number; q: string; cursor?: string; limit: number };
type Cursor = { timestamp: Date; id: bigint };
type HitRow = { id: bigint; roomId: number; seq: number; senderId: number; content: string; timestamp: Date; roomName: string; roomKind: string };

const encodeCursor = (hit: HitRow) => Buffer.from(`${hit.timestamp.toISOString()}|${hit.id}`).toString("base64url");

function decodeCursor(cursor: string): Cursor {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const timestamp = new Date(time ?? "");
  if (!isCursorDate(timestamp) || !/^[0-9]{1,18}$/.test(id ?? "")) throw invalidInput("invalid cursor");
  return { timestamp, id: BigInt(id as string) };
}

/**
 * The hits, newest first. The expression and the `deleted_at IS NULL` predicate must match the
 * index's exactly for the planner to use it; the user's rooms are a semi-join on
 * chat_chatparticipant. Names are looked up for the page's rows only. Exported for EXPLAIN.
 */
export function searchSql(userId: number, tsquery: string, after: Cursor | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT h.id, h.room_id AS "roomId", h.seq, h.sender_id AS "senderId", h.content, h.timestamp,
      r.kind::text AS "roomKind",
      CASE WHEN r.kind = 'DIRECT' THEN COALESCE(
        (SELECT ou.display_name FROM chat_chatparticipant op JOIN users ou ON ou.id = op.user_id
          WHERE op.room_id = r.id AND op.user_id <> ${userId} ORDER BY op.id LIMIT 1), r.name)
      ELSE r.name END AS "roomName"
    FROM (
      SELECT m.id, m.room_id, m.seq, m.sender_id, m.content, m.timestamp
      FROM chat_message m
      WHERE to_tsvector('simple'::regconfig, m.content) @@ to_tsquery('simple'::regconfig, ${tsquery})
        AND m.deleted_at IS NULL
        AND m.room_id IN (SELECT p.room_id FROM chat_chatparticipant p WHERE p.user_id = ${userId})
        ${after ? Prisma.sql`AND (m.timestamp, m.id) < (${after.timestamp}, ${after.id})` : Prisma.empty}
      ORDER BY m.timestamp DESC, m.id DESC
      LIMIT ${limit + 1}
    ) h
    JOIN chat_chatroom r ON r.id = h.room_id
    ORDER BY h.timestamp DESC, h.id DESC`;
}

export async function searchMessages(input: SearchRequest): Promise<WireSearchPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const terms = searchTerms(input.q);
  // Only punctuation: nothing to look for, nothing found.
  if (terms.length === 0) return { results: [], next_cursor: null };
  const rows = await db.$queryRaw<HitRow[]>(searchSql(input.userId, toPrefixQuery(terms), after, input.limit));
  const page = rows.slice(0, input.limit);
  const senders = await usernames(page.map((r) => r.senderId));
  const results = page.map((r): WireSearchResult => {
    const { excerpt, highlights } = excerptAround(r.content, highlightRanges(r.content, terms));
    return {
      id: Number(r.id),
      room: { id: r.roomId, name: r.roomName, kind: r.roomKind as WireSearchResult["room"]["kind"] },
      seq: r.seq,
      sender: { id: r.senderId, username: senders.get(r.senderId) ?? "unknown" },
      timestamp: r.timestamp.toISOString(),
      excerpt,
      highlights,
    };
  });
  const last = page[page.length - 1];
  return { results, next_cursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}
