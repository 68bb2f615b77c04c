import "server-only";
// Message search over the rooms a user is in: PostgreSQL full-text with the `simple`
// configuration and prefix matching, on chat_message_search_idx (GIN, live messages only).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { excerptAround, highlightRanges, searchTerms, toPrefixQuery } from "@/lib/chat/search-terms";
import { usernames } from "@/lib/chat/messages";
import { mentionsOf } from "@/lib/chat/mentions";
import { mentionsAsText } from "@/lib/chat/mention-text";
import type { WireSearchPage, WireSearchResult } from "@/lib/wire/rest";

export type SearchRequest = { userId: number; q: string; cursor?: string; limit: number };
type HitRow = { id: bigint; roomId: number; seq: number; senderId: number; content: string; timestamp: Date; roomName: string; roomKind: string };

/** How many of the user's newest messages the first attempt reads (see searchPlans)... */
export const RECENT_WINDOW = 2_000;
/** ...among the table's newest this many ids below the cursor, so a quiet user's window never walks the table. */
export const RECENT_SPAN = 50_000;

function decodeCursor(cursor: string): bigint {
  if (!/^[0-9]{1,18}$/.test(cursor)) throw invalidInput("invalid cursor");
  return BigInt(cursor);
}

// Mention tokens ("<@123>") are not words: the index (migration 20261204010000_mentions) and so
// this expression, which must be the index's own, drop them.
export const MATCHES = (tsquery: string, column: Prisma.Sql) =>
  Prisma.sql`to_tsvector('simple'::regconfig, regexp_replace(${column}, '<@[0-9]+>', ' ', 'g')) @@ to_tsquery('simple'::regconfig, ${tsquery})`;

function withRoomNames(userId: number, hits: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT h.id, h.room_id AS "roomId", h.seq, h.sender_id AS "senderId", h.content, h.timestamp,
      r.kind::text AS "roomKind",
      CASE WHEN r.kind = 'DIRECT' THEN COALESCE(
        (SELECT ou.display_name FROM chat_chatparticipant op JOIN users ou ON ou.id = op.user_id
          WHERE op.room_id = r.id AND op.user_id <> ${userId} ORDER BY op.id LIMIT 1), r.name)
      ELSE r.name END AS "roomName"
    FROM (${hits}) h
    JOIN chat_chatroom r ON r.id = h.room_id
    ORDER BY h.id DESC`;
}

/**
 * The two ways to the same page (newest first by id, the first `limit + 1` matches below the
 * cursor), both exported so tests can EXPLAIN and compare them:
 * - `recent`: the user's newest RECENT_WINDOW live messages, matched one by one. A common word
 *   fills the page from them in a few milliseconds, where the index would hand over every match
 *   in the user's rooms (150,000 for the bench's heavy user) to be read and sorted.
 * - `indexed`: chat_message_search_idx (GIN) finds every live match, the user's rooms are a
 *   semi-join; fast when matches are few, which is when `recent` comes back short.
 * The window is a newest-first prefix of the user's messages below the cursor (bounded by
 * RECENT_SPAN ids), so if it holds more than `limit` matches they are exactly the newest overall.
 */
export function searchPlans(userId: number, tsquery: string, beforeId: bigint | null, limit: number, window = RECENT_WINDOW) {
  const mine = Prisma.sql`m.room_id IN (SELECT p.room_id FROM chat_chatparticipant p WHERE p.user_id = ${userId})
    AND m.deleted_at IS NULL AND (NOT m.withheld OR m.sender_id = ${userId}) ${beforeId !== null ? Prisma.sql`AND m.id < ${beforeId}` : Prisma.empty}`;
  const columns = Prisma.sql`m.id, m.room_id, m.seq, m.sender_id, m.content, m.timestamp`;
  const span = Prisma.sql`m.id >= COALESCE(${beforeId}::bigint, (SELECT max(id) + 1 FROM chat_message)) - ${RECENT_SPAN}`;
  const recent = withRoomNames(
    userId,
    Prisma.sql`SELECT w.* FROM (SELECT ${columns} FROM chat_message m WHERE ${mine} AND ${span} ORDER BY m.id DESC LIMIT ${window}) w
      WHERE ${MATCHES(tsquery, Prisma.sql`w.content`)} ORDER BY w.id DESC LIMIT ${limit + 1}`,
  );
  // The expression and `deleted_at IS NULL` must be the index's own for the planner to use it.
  // `id + 0`: ordering by the bare id lets the planner walk the primary key backwards computing
  // to_tsvector for every row until the page fills, seconds when matches are few in the user's rooms.
  const indexed = withRoomNames(
    userId,
    Prisma.sql`SELECT ${columns} FROM chat_message m WHERE ${MATCHES(tsquery, Prisma.sql`m.content`)} AND ${mine}
      ORDER BY m.id + 0 DESC LIMIT ${limit + 1}`,
  );
  return { recent, indexed };
}

export async function searchMessages(input: SearchRequest, window = RECENT_WINDOW): Promise<WireSearchPage> {
  const beforeId = input.cursor ? decodeCursor(input.cursor) : null;
  const terms = searchTerms(input.q);
  // Only punctuation: nothing to look for, nothing found.
  if (terms.length === 0) return { results: [], next_cursor: null };
  const plans = searchPlans(input.userId, toPrefixQuery(terms), beforeId, input.limit, window);
  let rows = await db.$queryRaw<HitRow[]>(plans.recent);
  if (rows.length <= input.limit) rows = await db.$queryRaw<HitRow[]>(plans.indexed);
  const page = rows.slice(0, input.limit);
  const [senders, mentions] = await Promise.all([usernames(page.map((r) => r.senderId)), mentionsOf(db, page)]);
  const results = page.map((r): WireSearchResult => {
    // Excerpts show mentions as "@Name", as the room does.
    const text = mentionsAsText(r.content, mentions.get(Number(r.id)) ?? []);
    const { excerpt, highlights } = excerptAround(text, highlightRanges(text, terms));
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
  return { results, next_cursor: rows.length > input.limit && last ? String(last.id) : null };
}
