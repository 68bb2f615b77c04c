// Total unread for the heavy user: our denormalized sum (totalUnread) against counting the
// unread messages themselves, one statement over all their rooms on chat_room_id_idx.
import type { App } from "./app";
import type { BenchConfig } from "./config";
import type { DatasetInfo } from "./dataset";
import type { Progress } from "./progress";
import { planSummary } from "./explain";
import { ratio, sample, summarize } from "./stats";

export type UnreadResult = {
  user_id: number;
  rooms: number;
  total: number;
  p50_ms: number;
  p95_ms: number;
  naive_p50_ms: number;
  naive_p95_ms: number;
  speedup: number | null;
  /** How PostgreSQL runs the COUNT(*) (EXPLAIN, first-child chain). */
  naive_plan?: string;
};

function countUnreadSql(Prisma: App["Prisma"], userId: number) {
  return Prisma.sql`
    SELECT count(*) AS n FROM chat_chatparticipant p
    JOIN chat_message m ON m.room_id = p.room_id AND m.id > COALESCE(p.last_read_message_id, 0)
    WHERE p.user_id = ${userId} AND m.sender_id <> p.user_id AND m.deleted_at IS NULL`;
}

export async function benchUnread(app: App, url: string, config: BenchConfig, dataset: DatasetInfo, progress: Progress): Promise<UnreadResult> {
  const userId = dataset.heavy_user_id;
  const client = app.createPrismaClient(url);
  try {
    const query = countUnreadSql(app.Prisma, userId);
    const countUnread = async () => Number((await client.$queryRaw<Array<{ n: bigint }>>(query))[0].n);
    const [ours, naive] = [await app.totalUnread(userId), await countUnread()];
    if (ours !== naive) throw new Error(`unread totals differ: denormalized ${ours}, counted ${naive}`);
    const [explained] = await client.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (FORMAT JSON) ${query}`;
    const { iterations, naiveBudgetMs } = config.unread;
    const task = progress.task("unread: denormalized vs COUNT(*)", 2 * iterations);
    const oursMs = summarize(
      await sample(
        () => app.totalUnread(userId),
        { warmup: 3, iterations },
        () => task.tick(),
      ),
    );
    const naiveSamples = await sample(countUnread, { warmup: 1, iterations, budgetMs: naiveBudgetMs, minIterations: 5 }, () => task.tick());
    const naiveMs = summarize(naiveSamples);
    const result: UnreadResult = {
      user_id: userId,
      rooms: dataset.heavy_user_rooms,
      total: ours,
      p50_ms: oursMs.p50_ms,
      p95_ms: oursMs.p95_ms,
      naive_p50_ms: naiveMs.p50_ms,
      naive_p95_ms: naiveMs.p95_ms,
      speedup: ratio(naiveMs.p50_ms, oursMs.p50_ms),
      naive_plan: planSummary(explained["QUERY PLAN"]),
    };
    task.done(`${ours} unread, p50 ${result.p50_ms} vs ${result.naive_p50_ms} ms`);
    return result;
  } finally {
    await client.$disconnect();
  }
}
