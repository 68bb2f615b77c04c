// Message pages in the largest room at increasing depth: our cursor page (messagePageSql),
// the same query paged by OFFSET, and our query with chat_room_id_idx dropped inside a
// transaction that is rolled back.
import type { Db } from "@/lib/db";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import type { App } from "./app";
import type { BenchConfig } from "./config";
import type { DatasetInfo } from "./dataset";
import { planSummary } from "./explain";
import type { Progress } from "./progress";
import { type SamplePlan, ratio, round, sample, summarize } from "./stats";

type Client = Pick<Db, "$queryRaw">;
type Variant = "cursor" | "offset" | "no_index";

type Cell = { p50_ms: number; p95_ms: number; plan: string; ids: string };

export type MessagePageResult = {
  room_id: number;
  room_messages: number;
  page_size: number;
  depths: number[];
  cursor_p50_ms: number[];
  cursor_p95_ms: number[];
  offset_p50_ms: number[];
  offset_p95_ms: number[];
  no_index_p50_ms: number[];
  no_index_p95_ms: number[];
  plans: Record<Variant, string[]>;
  speedup_at_max_depth: number | null;
  no_index_speedup_at_max_depth: number | null;
  depth_ratio: number | null;
};

class RollBack extends Error {}

export async function benchMessagePages(
  app: App,
  url: string,
  config: BenchConfig,
  dataset: DatasetInfo,
  progress: Progress,
): Promise<MessagePageResult> {
  const { Prisma, messagePageSql } = app;
  const roomId = dataset.largest_room_id;
  const limit = config.pageSize;
  const depths = config.depths;
  const client = app.createPrismaClient(url);

  const columns = Prisma.sql`id, room_id AS "roomId", sender_id AS "senderId", content, timestamp,
    client_id::text AS "clientId", is_read AS "isRead", edited_at AS "editedAt", deleted_at AS "deletedAt"`;
  // Same shape and order as messagePageSql, so OFFSET is the only difference.
  const offsetSql = (depth: number) => Prisma.sql`SELECT ${columns} FROM chat_message
    WHERE room_id BETWEEN ${roomId}::int AND ${roomId}::int
    ORDER BY room_id ASC, id DESC OFFSET ${depth} LIMIT ${limit + 1}`;

  try {
    // The cursor for depth d is the id of the d-th newest message: the page holds what follows.
    const before = new Map<number, number>();
    for (const depth of depths.filter((d) => d > 0)) {
      const [row] = await client.$queryRaw<Array<{ id: bigint }>>`
        SELECT id FROM chat_message WHERE room_id BETWEEN ${roomId}::int AND ${roomId}::int
        ORDER BY room_id, id DESC OFFSET ${depth - 1} LIMIT 1`;
      if (!row) throw new Error(`room ${roomId} has fewer than ${depth} messages`);
      before.set(depth, Number(row.id));
    }
    const cursorSql = (depth: number) => messagePageSql({ roomId, before: before.get(depth), limit });

    const { iterations, slowIterations, slowBudgetMs } = config.pages;
    const fast: SamplePlan = { warmup: 3, iterations };
    const slow: SamplePlan = { warmup: 1, iterations: slowIterations, budgetMs: slowBudgetMs, minIterations: 3 };
    // Without the index every call reads the whole room, so a warm-up would only repeat it.
    const unindexed: SamplePlan = { ...slow, warmup: 0 };
    const task = progress.task("message pages: cursor, OFFSET, no index", depths.length * (iterations + 2 * slowIterations));

    const measure = async (db: Client, query: PrismaTypes.Sql, plan: SamplePlan, budgeted: number): Promise<Cell> => {
      const [explained] = await db.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (FORMAT JSON) ${query}`;
      let ids = "";
      const samples = await sample(
        async () => {
          const rows = await db.$queryRaw<Array<{ id: bigint }>>(query);
          ids = `${rows[0]?.id}..${rows[rows.length - 1]?.id} (${rows.length})`;
        },
        plan,
        () => task.tick(),
      );
      task.tick(budgeted - samples.length);
      const timing = summarize(samples);
      return { p50_ms: timing.p50_ms, p95_ms: timing.p95_ms, plan: planSummary(explained["QUERY PLAN"]), ids };
    };

    const cells: Record<Variant, Cell[]> = { cursor: [], offset: [], no_index: [] };
    for (const depth of depths) {
      task.step(`depth ${depth.toLocaleString("en")}`);
      cells.cursor.push(await measure(client, cursorSql(depth), fast, iterations));
      cells.offset.push(await measure(client, offsetSql(depth), slow, slowIterations));
    }
    await client
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("DROP INDEX chat_room_id_idx");
          for (const depth of depths) {
            task.step(`no index, depth ${depth.toLocaleString("en")}`);
            cells.no_index.push(await measure(tx, cursorSql(depth), unindexed, slowIterations));
          }
          throw new RollBack();
        },
        { maxWait: 10_000, timeout: 60 * 60_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });

    depths.forEach((depth, i) => {
      const answers = new Set([cells.cursor[i].ids, cells.offset[i].ids, cells.no_index[i].ids]);
      if (answers.size !== 1) throw new Error(`pages at depth ${depth} differ: ${[...answers].join(" / ")}`);
    });

    const p50 = (variant: Variant) => cells[variant].map((c) => c.p50_ms);
    const p95 = (variant: Variant) => cells[variant].map((c) => c.p95_ms);
    const last = depths.length - 1;
    const result: MessagePageResult = {
      room_id: roomId,
      room_messages: dataset.largest_room_messages,
      page_size: limit,
      depths,
      cursor_p50_ms: p50("cursor"),
      cursor_p95_ms: p95("cursor"),
      offset_p50_ms: p50("offset"),
      offset_p95_ms: p95("offset"),
      no_index_p50_ms: p50("no_index"),
      no_index_p95_ms: p95("no_index"),
      plans: { cursor: cells.cursor.map((c) => c.plan), offset: cells.offset.map((c) => c.plan), no_index: cells.no_index.map((c) => c.plan) },
      speedup_at_max_depth: ratio(cells.offset[last].p50_ms, cells.cursor[last].p50_ms),
      no_index_speedup_at_max_depth: ratio(cells.no_index[last].p50_ms, cells.cursor[last].p50_ms),
      depth_ratio: ratio(cells.cursor[last].p50_ms, cells.cursor[0].p50_ms, 2),
    };
    task.done(
      `at depth ${depths[last].toLocaleString("en")}: cursor ${round(cells.cursor[last].p50_ms, 2)} ms, OFFSET ${round(cells.offset[last].p50_ms, 1)} ms`,
    );
    return result;
  } finally {
    await client.$disconnect();
  }
}
