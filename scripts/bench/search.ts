// Message search for the heavy user (every room they are in): searchMessages, the route's own
// function, over a mix of queries from common words to a rare phrase, each a first page.
import type { App } from "./app";
import type { BenchConfig } from "./config";
import type { DatasetInfo } from "./dataset";
import type { Progress } from "./progress";
import { planSummary } from "./explain";
import { sample, summarize } from "./stats";

export type SearchResult = {
  user_id: number;
  rooms: number;
  queries: Array<{ q: string; p50_ms: number; p95_ms: number; results: number }>;
  /** The user with the fewest rooms of the room-list users: the window must not scan the table for them. */
  light_user?: { user_id: number; rooms: number; p50_ms: number; p95_ms: number };
  /** Over every query of the mix. */
  p50_ms: number;
  p95_ms: number;
  /** How PostgreSQL runs the most common word's first attempt, the recent window (EXPLAIN, first-child chain). */
  plan?: string;
};

// The dataset's messages are 12 sentences (scripts/bench/dataset-sql.ts): every word below is
// in about 1 message in 12 or more; "conc" is a prefix, "3pm" a code. "unicorn" is in none: the
// recent window comes back short and the index answers (the path of every rare word).
const QUERIES = ["invoice", "conc", "3pm", "windows second floor", "spare key mailbox", "unicorn"];
const NOWHERE = new Set(["unicorn"]);

export async function benchSearch(app: App, url: string, config: BenchConfig, dataset: DatasetInfo, progress: Progress): Promise<SearchResult> {
  const userId = dataset.heavy_user_id;
  const client = app.createPrismaClient(url);
  try {
    const { iterations } = config.search;
    const task = progress.task("search: heavy user's rooms", QUERIES.length * iterations);
    const all: number[] = [];
    const queries: SearchResult["queries"] = [];
    for (const q of QUERIES) {
      const first = await app.searchMessages({ userId, q, limit: 20 });
      if (first.results.length === 0 && !NOWHERE.has(q)) throw new Error(`search for "${q}" found nothing in the heavy user's rooms`);
      const samples = await sample(
        () => app.searchMessages({ userId, q, limit: 20 }),
        { warmup: 2, iterations },
        () => task.tick(),
      );
      all.push(...samples);
      queries.push({ q, ...pick(summarize(samples)), results: first.results.length });
    }
    const light = [...(dataset.room_list_users ?? [])].sort((a, b) => a.rooms - b.rooms)[0];
    let lightUser: SearchResult["light_user"];
    if (light) {
      const samples: number[] = [];
      for (const q of QUERIES) {
        samples.push(
          ...(await sample(() => app.searchMessages({ userId: light.user_id, q, limit: 20 }), {
            warmup: 1,
            iterations: Math.max(3, Math.floor(iterations / 3)),
          })),
        );
      }
      lightUser = { user_id: light.user_id, rooms: light.rooms, ...pick(summarize(samples)) };
    }
    const [explained] = await client.$queryRaw<Array<{ "QUERY PLAN": unknown }>>(
      app.Prisma.sql`EXPLAIN (FORMAT JSON) ${app.searchPlans(userId, "'invoice':*", null, 20).recent}`,
    );
    const total = summarize(all);
    task.done(`p50 ${total.p50_ms} ms, p95 ${total.p95_ms} ms`);
    return {
      user_id: userId,
      rooms: dataset.heavy_user_rooms,
      queries,
      light_user: lightUser,
      p50_ms: total.p50_ms,
      p95_ms: total.p95_ms,
      plan: planSummary(explained["QUERY PLAN"]),
    };
  } finally {
    await client.$disconnect();
  }
}

const pick = (t: { p50_ms: number; p95_ms: number }) => ({ p50_ms: t.p50_ms, p95_ms: t.p95_ms });
