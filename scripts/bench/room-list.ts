// Room list for the heavy user: our listRooms (one statement over the denormalized fields)
// against the N+1 it replaced (the rooms, then per room its last message and its unread count);
// then the first page (50 rooms) for users with 10 to 10,000 rooms, whose cost must not grow.
import type { Db } from "@/lib/db";
import type { App } from "./app";
import type { BenchConfig } from "./config";
import type { DatasetInfo } from "./dataset";
import type { Progress } from "./progress";
import { ratio, sample, summarize } from "./stats";

export type RoomListResult = {
  user_id: number;
  rooms: number;
  statements: number;
  naive_statements: number;
  p50_ms: number;
  p95_ms: number;
  naive_p50_ms: number;
  naive_p95_ms: number;
  speedup: number | null;
  /** p50 of listRooms' first page (FIRST_PAGE rooms), by the user's room count. */
  first_page_ms_by_rooms?: Record<string, number>;
  /** first_page_ms_by_rooms at the largest room count over the smallest. */
  first_page_ratio?: number | null;
};

export const FIRST_PAGE = 50;

type Client = Pick<Db, "$queryRaw">;

/** What both versions must agree on, per room. */
type Summary = { id: number; lastMessageContent: string; lastMessageTime: string | null; unreadCount: number };

type RoomRow = { id: number; lastRead: bigint | null };
type LastMessageRow = { content: string; timestamp: Date; senderId: number; username: string };

/** The seed's original shape: one query for the rooms, then two per room. */
export async function naiveRoomList(client: Client, userId: number): Promise<Summary[]> {
  const rooms = await client.$queryRaw<RoomRow[]>`
    SELECT r.id, p.last_read_message_id AS "lastRead"
    FROM chat_chatparticipant p JOIN chat_chatroom r ON r.id = p.room_id
    WHERE p.user_id = ${userId}`;
  const summaries: Summary[] = [];
  for (const room of rooms) {
    const [last] = await client.$queryRaw<LastMessageRow[]>`
      SELECT m.content, m.timestamp, m.sender_id AS "senderId", u.username
      FROM chat_message m JOIN users u ON u.id = m.sender_id
      WHERE m.room_id = ${room.id} ORDER BY m.id DESC LIMIT 1`;
    const [unread] = await client.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM chat_message
      WHERE room_id = ${room.id} AND id > ${room.lastRead ?? 0n} AND sender_id <> ${userId} AND deleted_at IS NULL`;
    summaries.push({
      id: room.id,
      lastMessageContent: last ? last.content.slice(0, 200) : "",
      lastMessageTime: last ? last.timestamp.toISOString() : null,
      unreadCount: Number(unread.n),
    });
  }
  return summaries.sort((a, b) => (b.lastMessageTime ?? "").localeCompare(a.lastMessageTime ?? "") || b.id - a.id);
}

function differences(ours: Summary[], naive: Summary[]): string[] {
  const byId = new Map(naive.map((room) => [room.id, room]));
  const problems = ours.length === naive.length ? [] : [`${ours.length} rooms vs ${naive.length}`];
  for (const room of ours) {
    const other = byId.get(room.id);
    if (!other) problems.push(`room ${room.id} missing from the N+1 list`);
    else if (JSON.stringify(room) !== JSON.stringify(other)) problems.push(`room ${room.id}: ${JSON.stringify(room)} vs ${JSON.stringify(other)}`);
  }
  return problems;
}

export async function benchRoomList(app: App, url: string, config: BenchConfig, dataset: DatasetInfo, progress: Progress): Promise<RoomListResult> {
  const userId = dataset.heavy_user_id;
  const limit = dataset.heavy_user_rooms;
  const counting = app.createQueryLoggingPrismaClient(url);
  const plain = app.createPrismaClient(url);
  try {
    let statements = 0;
    counting.$on("query", () => {
      statements += 1;
    });
    const ours = await app.listRooms({ userId, limit }, counting);
    const oursStatements = statements;
    statements = 0;
    const naive = await naiveRoomList(counting, userId);
    const naiveStatements = statements;

    const oursSummary: Summary[] = ours.rooms.map((room) => ({
      id: room.id,
      lastMessageContent: room.last_message_content,
      lastMessageTime: room.last_message_time,
      unreadCount: room.unread_count,
    }));
    const problems = differences(oursSummary, naive);
    if (ours.rooms.length !== limit) problems.unshift(`listRooms returned ${ours.rooms.length} rooms, expected ${limit}`);
    if (problems.length) throw new Error(`room lists differ: ${problems.slice(0, 5).join("; ")}`);

    const { iterations, naiveIterations } = config.roomList;
    const task = progress.task("room list: listRooms vs N+1", iterations + naiveIterations);
    const oursMs = summarize(
      await sample(
        () => app.listRooms({ userId, limit }, plain),
        { warmup: 3, iterations },
        () => task.tick(),
      ),
    );
    const naiveMs = summarize(
      await sample(
        () => naiveRoomList(plain, userId),
        { warmup: 1, iterations: naiveIterations },
        () => task.tick(),
      ),
    );
    const result: RoomListResult = {
      user_id: userId,
      rooms: ours.rooms.length,
      statements: oursStatements,
      naive_statements: naiveStatements,
      p50_ms: oursMs.p50_ms,
      p95_ms: oursMs.p95_ms,
      naive_p50_ms: naiveMs.p50_ms,
      naive_p95_ms: naiveMs.p95_ms,
      speedup: ratio(naiveMs.p50_ms, oursMs.p50_ms),
    };
    task.done(`${result.statements} vs ${result.naive_statements} statements, p50 ${result.p50_ms} vs ${result.naive_p50_ms} ms`);
    return { ...result, ...(await benchFirstPages(app, plain, config, dataset, progress)) };
  } finally {
    await Promise.all([counting.$disconnect(), plain.$disconnect()]);
  }
}

/** The first page for each room-list user, checked against the full list's first rooms. */
async function benchFirstPages(
  app: App,
  client: Client,
  config: BenchConfig,
  dataset: DatasetInfo,
  progress: Progress,
): Promise<Pick<RoomListResult, "first_page_ms_by_rooms" | "first_page_ratio">> {
  const users = dataset.room_list_users ?? [];
  if (users.length === 0) throw new Error("the dataset has no room-list users");
  const { firstPageIterations: iterations } = config.roomList;
  const task = progress.task(
    `room list: first page of ${FIRST_PAGE}, users with ${users.map((u) => u.rooms).join("/")} rooms`,
    users.length * iterations,
  );
  for (const user of users) {
    const page = await app.listRooms({ userId: user.user_id, limit: FIRST_PAGE }, client);
    const all = await app.listRooms({ userId: user.user_id, limit: user.rooms + 1 }, client);
    const expected = all.rooms.slice(0, FIRST_PAGE).map((r) => r.id);
    if (all.rooms.length !== user.rooms) throw new Error(`user ${user.user_id}: ${all.rooms.length} rooms listed, expected ${user.rooms}`);
    if (JSON.stringify(page.rooms.map((r) => r.id)) !== JSON.stringify(expected))
      throw new Error(`user ${user.user_id}: the first page is not the list's head`);
  }
  // Round-robin over the users, so a change in the machine's load during the run weighs on every
  // size alike instead of on whichever was measured then.
  const samples = users.map(() => [] as number[]);
  for (let i = -5; i < iterations; i++) {
    for (const [k, user] of users.entries()) {
      const t0 = performance.now();
      await app.listRooms({ userId: user.user_id, limit: FIRST_PAGE }, client);
      if (i < 0) continue;
      samples[k].push(performance.now() - t0);
      task.tick();
    }
  }
  const byRooms: Record<string, number> = Object.fromEntries(users.map((user, k) => [String(user.rooms), summarize(samples[k]).p50_ms]));
  const sizes = users.map((u) => u.rooms);
  const firstPageRatio = ratio(byRooms[String(Math.max(...sizes))], byRooms[String(Math.min(...sizes))], 2);
  task.done(
    `${Object.entries(byRooms)
      .map(([rooms, ms]) => `${rooms}: ${ms} ms`)
      .join(", ")}; ratio ${firstPageRatio}`,
  );
  return { first_page_ms_by_rooms: byRooms, first_page_ratio: firstPageRatio };
}
