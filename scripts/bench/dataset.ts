// Builds the benchmark dataset once and reuses it while its parameters and the schema are
// unchanged (a marker row in bench_dataset records both). A build starts from a fresh,
// migrated database, so an interrupted one is simply redone.
import { createHash } from "node:crypto";
import type pg from "pg";
import { migrate, readMigrations } from "@/scripts/db/migrate-runner";
import type { DatasetParams } from "./config";
import { type BenchServer, withClient } from "./database";
import * as sql from "./dataset-sql";
import type { Progress } from "./progress";
import { loadMessagesWithoutSecondaryIndexes } from "./dataset-load";

const DATASET_VERSION = 3;
export const HEAVY_USER_ID = 1;

export type DatasetInfo = {
  users: number;
  rooms: number;
  messages: number;
  participants: number;
  heavy_user_id: number;
  heavy_user_rooms: number;
  largest_room_id: number;
  largest_room_messages: number;
  /** Users whose room lists are measured by size (room_list.first_page_ms_by_rooms). */
  room_list_users?: Array<{ user_id: number; rooms: number }>;
  build_s: number;
  built_at: string;
  reused: boolean;
};

type Marker = { version: number; schema: string; params: DatasetParams };
type MetaRow = { params: Marker; build_ms: number; built_at: Date };

/** JSON with object keys sorted, so a marker read back from jsonb compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function markerFor(params: DatasetParams): Marker {
  const schema = createHash("sha256")
    .update(
      readMigrations()
        .map((m) => `${m.name}:${m.checksum}`)
        .join("\n"),
    )
    .digest("hex");
  return { version: DATASET_VERSION, schema, params };
}

async function readMeta(url: string): Promise<MetaRow | null> {
  return withClient(url, async (client) => {
    const exists = await client.query("SELECT to_regclass('bench_dataset') IS NOT NULL AS present");
    if (!exists.rows[0]?.present) return null;
    const { rows } = await client.query<MetaRow>("SELECT params, build_ms, built_at FROM bench_dataset WHERE id = 1");
    return rows[0] ?? null;
  });
}

/** Session settings for bulk work: big sort and index-build memory, no wait on WAL flushes. */
async function tuneForBulkLoad(client: pg.Client): Promise<void> {
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query("SET work_mem = '512MB'");
  await client.query("SET synchronous_commit = off");
}

async function build(url: string, params: DatasetParams, progress: Progress): Promise<void> {
  const anchor = Math.floor(Date.now() / 60_000) * 60;
  await withClient(url, async (client) => {
    await tuneForBulkLoad(client);
    const setup: Array<[string, string]> = [
      ["users", sql.usersSql(params, anchor)],
      ["room plan", sql.planSql(params, anchor)],
      ["message counts", sql.messageCountsSql(params)],
      ["rooms, jobs, participants", sql.roomsSql],
      ["room-list users", sql.roomListUsersSql(params)],
      ["message order", sql.stageSql],
    ];
    const plan = progress.task("dataset: users, rooms, message plan", setup.length);
    for (const [label, statement] of setup) {
      plan.step(label);
      await client.query(statement);
      plan.tick();
    }
    plan.done();

    await loadMessagesWithoutSecondaryIndexes(client, params.messages, progress);

    const finish: Array<[string, string]> = [
      ["last message per room", sql.denormalizeRoomsSql],
      ["statistics", "ANALYZE"],
      ["read marks", sql.readMarksSql],
      ["unread counts", sql.unreadCountsSql],
      ["scratch tables", sql.dropScratchSql],
      // The updates' counts must reach the statistics before VACUUM resets them, or autovacuum
      // re-analyzes the tables in the middle of a later measurement.
      ["statistics flush", "SELECT pg_stat_force_next_flush()"],
      ["vacuum analyze", "VACUUM (ANALYZE)"],
    ];
    const denormalize = progress.task("dataset: denormalized fields, vacuum", finish.length);
    for (const [label, statement] of finish) {
      denormalize.step(label);
      await client.query(statement);
      denormalize.tick();
    }
    denormalize.done();
  });
}

/** Checks the denormalized fields against the messages (set-based, on the same indexes the app uses). */
async function verify(url: string): Promise<void> {
  const { rooms, participants, activity } = await withClient(url, async (client) => {
    const r = await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM chat_chatroom r
      LEFT JOIN LATERAL (SELECT m.content, m.timestamp, m.sender_id FROM chat_message m
        WHERE m.room_id = r.id ORDER BY m.id DESC LIMIT 1) last ON true
      WHERE r.last_message_time IS DISTINCT FROM last.timestamp
        OR r.last_message_sender_id IS DISTINCT FROM last.sender_id
        OR r.last_message_content IS DISTINCT FROM COALESCE(left(last.content, 200), '')`);
    const p = await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM chat_chatparticipant p
      WHERE p.unread_count <> (SELECT count(*) FROM chat_message m WHERE m.room_id = p.room_id
        AND m.id > COALESCE(p.last_read_message_id, 0) AND m.sender_id <> p.user_id AND m.deleted_at IS NULL)`);
    const a = await client.query<{ n: string }>(`
      SELECT count(*) AS n FROM chat_chatparticipant p JOIN chat_chatroom r ON r.id = p.room_id
      WHERE p.activity_at IS DISTINCT FROM COALESCE(r.last_message_time, r.updated_at)`);
    return { rooms: Number(r.rows[0].n), participants: Number(p.rows[0].n), activity: Number(a.rows[0].n) };
  });
  if (rooms || participants || activity) {
    throw new Error(
      `dataset inconsistent: ${rooms} rooms with a stale last message, ${participants} participants with a wrong unread_count, ${activity} with a stale activity_at`,
    );
  }
}

async function datasetInfo(url: string, params: DatasetParams, meta: MetaRow, reused: boolean): Promise<DatasetInfo> {
  const largestRoomId = params.rooms / params.heavyUserRooms;
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM chat_chatroom) AS rooms,
        (SELECT count(*) FROM chat_message) AS messages, (SELECT count(*) FROM chat_chatparticipant) AS participants,
        (SELECT count(*) FROM chat_chatparticipant WHERE user_id = $1) AS heavy_user_rooms,
        (SELECT count(*) FROM chat_message WHERE room_id = $2) AS largest_room_messages`,
      [HEAVY_USER_ID, largestRoomId],
    );
    const n = (key: string) => Number(rows[0][key]);
    const listUsers = sql.roomListUserIds(params);
    const counted = await client.query<{ user_id: number; rooms: string }>(
      "SELECT u AS user_id, (SELECT count(*) FROM chat_chatparticipant WHERE user_id = u) AS rooms FROM unnest($1::int[]) u",
      [listUsers.map((u) => u.userId)],
    );
    return {
      users: n("users"),
      rooms: n("rooms"),
      messages: n("messages"),
      participants: n("participants"),
      heavy_user_id: HEAVY_USER_ID,
      heavy_user_rooms: n("heavy_user_rooms"),
      largest_room_id: largestRoomId,
      largest_room_messages: n("largest_room_messages"),
      room_list_users: counted.rows.map((r) => ({ user_id: r.user_id, rooms: Number(r.rooms) })),
      build_s: Math.round(meta.build_ms / 100) / 10,
      built_at: meta.built_at.toISOString(),
      reused,
    };
  });
}

function checkShape(info: DatasetInfo, params: DatasetParams): void {
  const expected = {
    users: params.users + params.roomListRooms.length,
    rooms: params.rooms,
    messages: params.messages,
    heavy_user_rooms: params.heavyUserRooms,
  };
  for (const [key, value] of Object.entries(expected)) {
    const actual = info[key as keyof typeof expected];
    if (actual !== value) throw new Error(`dataset has ${actual} ${key}, expected ${value}`);
  }
  if (info.largest_room_messages !== params.bigRoomMessages[0]) {
    throw new Error(`largest room holds ${info.largest_room_messages} messages, expected ${params.bigRoomMessages[0]}`);
  }
  for (const [i, rooms] of params.roomListRooms.entries()) {
    const actual = info.room_list_users?.[i]?.rooms;
    if (actual !== rooms) throw new Error(`room-list user ${i + 1} is in ${actual} rooms, expected ${rooms}`);
  }
}

export async function prepareDataset(
  server: BenchServer,
  database: string,
  params: DatasetParams,
  options: { rebuild: boolean; progress: Progress },
): Promise<{ url: string; info: DatasetInfo }> {
  const url = server.urlFor(database);
  const marker = markerFor(params);
  const meta = !options.rebuild && (await server.exists(database)) ? await readMeta(url) : null;
  if (meta && canonical(meta.params) === canonical(marker)) {
    const info = await datasetInfo(url, params, meta, true);
    checkShape(info, params);
    options.progress.note(`dataset: reusing ${database} built ${info.built_at} in ${info.build_s} s`);
    return { url, info };
  }

  options.progress.note(`dataset: building ${database} (${params.messages.toLocaleString("en")} messages)`);
  const started = performance.now();
  await server.recreate(database);
  await migrate(url);
  await build(url, params, options.progress);
  const buildMs = Math.round(performance.now() - started);
  const check = options.progress.task("dataset: consistency check", 1);
  await verify(url);
  check.done();
  await withClient(url, async (client) => {
    await client.query(sql.META_TABLE_SQL);
    await client.query(
      `INSERT INTO bench_dataset (id, params, build_ms) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET params = EXCLUDED.params, build_ms = EXCLUDED.build_ms, built_at = now()`,
      [JSON.stringify(marker), buildMs],
    );
  });
  const saved = await readMeta(url);
  if (!saved) throw new Error("dataset marker was not written");
  const info = await datasetInfo(url, params, saved, false);
  checkShape(info, params);
  return { url, info };
}
