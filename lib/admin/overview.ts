import "server-only";
// The dashboard's numbers. None reads chat_message in bulk: message counts come from the
// hourly rollup (chat_message_hourly) or the planner's row estimate, active users from one
// chat_sender_time_idx probe per user. EXPLAIN plans: docs/OPERATIONS.md.
import type { SessionUser } from "@/lib/auth/credentials";
import { db, type Db } from "@/lib/db";
import { assertAdmin } from "@/lib/admin/guard";
import { ADMIN_ROOM_NAME } from "@/lib/admin/room-name";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Below this the exact rollup sum is cheap; above it the estimate is close enough.
const ESTIMATE_FROM = 100_000;

export type Point = { at: Date; count: number };
export type TopRoom = { id: number; name: string; kind: string; count: number };
export type Overview = {
  users: number;
  rooms: number;
  messages: number;
  messagesEstimated: boolean;
  messages24h: number;
  activeUsers24h: number;
  perDay: Point[];
  perHour: Point[];
  topRooms: TopRoom[];
};

const startOfHour = (t: number) => Math.floor(t / HOUR) * HOUR;
const startOfDay = (t: number) => Math.floor(t / DAY) * DAY;

/** Buckets from `start`, `step` apart, `n` of them, zero where the query had no row. */
function series(rows: Array<{ at: Date; count: number }>, start: number, step: number, n: number): Point[] {
  const byTime = new Map(rows.map((r) => [r.at.getTime(), r.count]));
  return Array.from({ length: n }, (_, i) => ({ at: new Date(start + i * step), count: byTime.get(start + i * step) ?? 0 }));
}

type Client = Pick<Db, "$queryRaw">;

/**
 * `client` lets tests capture and EXPLAIN the statements; `now` pins the time windows;
 * `estimateFrom` moves the row count above which the total message count is the planner's estimate.
 */
export async function getOverview(admin: SessionUser, options: { now?: number; client?: Client; estimateFrom?: number } = {}): Promise<Overview> {
  const { now = Date.now(), client = db, estimateFrom = ESTIMATE_FROM } = options;
  await assertAdmin(admin, client);
  const hour24 = new Date(startOfHour(now) - 23 * HOUR);
  const hour48 = startOfHour(now) - 47 * HOUR;
  const day30 = startOfDay(now) - 29 * DAY;
  const day7 = new Date(startOfHour(now) - 7 * DAY);
  const since24h = new Date(now - DAY);

  const [totals, messages, perDay, perHour, topRooms] = await Promise.all([
    client.$queryRaw<Array<{ users: number; rooms: number; messages24h: number; activeUsers24h: number }>>`
      SELECT (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM chat_chatroom) AS rooms,
        (SELECT COALESCE(sum(count), 0)::int FROM chat_message_hourly WHERE hour >= ${hour24}) AS "messages24h",
        (SELECT count(*)::int FROM users u WHERE EXISTS (
          SELECT 1 FROM chat_message m WHERE m.sender_id = u.id AND m.timestamp >= ${since24h})) AS "activeUsers24h"`,
    messageTotal(client, estimateFrom),
    client.$queryRaw<Point[]>`
      SELECT date_trunc('day', hour, 'UTC') AS at, sum(count)::int AS count FROM chat_message_hourly
      WHERE hour >= ${new Date(day30)} GROUP BY 1`,
    client.$queryRaw<Point[]>`
      SELECT hour AS at, sum(count)::int AS count FROM chat_message_hourly
      WHERE hour >= ${new Date(hour48)} GROUP BY 1`,
    client.$queryRaw<TopRoom[]>`
      SELECT r.id, ${ADMIN_ROOM_NAME} AS name, r.kind::text AS kind, top.count FROM (
        SELECT room_id, sum(count)::int AS count FROM chat_message_hourly WHERE hour >= ${day7}
        GROUP BY room_id ORDER BY count DESC, room_id LIMIT 10) AS top
      JOIN chat_chatroom r ON r.id = top.room_id ORDER BY top.count DESC, r.id`,
  ]);
  return {
    ...totals[0],
    ...messages,
    perDay: series(perDay, day30, DAY, 30),
    perHour: series(perHour, hour48, HOUR, 48),
    topRooms,
  };
}

/** Every message ever sent: the planner's estimate for a big table, the exact rollup sum otherwise. */
async function messageTotal(client: Client, estimateFrom: number): Promise<{ messages: number; messagesEstimated: boolean }> {
  const [estimate] = await client.$queryRaw<Array<{ rows: number }>>`
    SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'chat_message'::regclass`;
  if (estimate && estimate.rows >= estimateFrom) return { messages: Math.round(estimate.rows), messagesEstimated: true };
  const [exact] = await client.$queryRaw<Array<{ total: number }>>`SELECT COALESCE(sum(count), 0)::float8 AS total FROM chat_message_hourly`;
  return { messages: exact?.total ?? 0, messagesEstimated: false };
}
