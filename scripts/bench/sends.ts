// Concurrent senders through the real sendMessage: the transaction (room lock, insert,
// last-message and unread updates) and the publish to the realtime server after commit.
// Each sender has a two-person room of its own, created for the run and deleted afterwards so
// the dataset stays as built.
import { randomUUID } from "node:crypto";
import type { App } from "./app";
import type { BenchConfig } from "./config";
import { withClient } from "./database";
import type { DatasetInfo } from "./dataset";
import type { Progress } from "./progress";
import { round, summarize } from "./stats";

export type SendResult = {
  concurrency: number;
  sends: number;
  failed: number;
  publish_failures: number;
  sends_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  first_error?: string;
};

export type Sender = { roomId: number; userId: number };

/** `count` two-person rooms of users 2..2·count+1, each with its sender (the lower id). */
export async function createRooms(url: string, count: number): Promise<Sender[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ room_id: number; sender: number }>(
      `WITH rooms AS (
         INSERT INTO chat_chatroom (name, kind) SELECT 'Bench send ' || g, 'GROUP' FROM generate_series(1, $1::int) g RETURNING id),
       numbered AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM rooms),
       members AS (
         INSERT INTO chat_chatparticipant (room_id, user_id)
         SELECT id, unnest(ARRAY[2 + 2 * k, 3 + 2 * k])::int FROM numbered RETURNING room_id, user_id)
       SELECT room_id, min(user_id) AS sender FROM members GROUP BY room_id ORDER BY room_id`,
      [count],
    );
    return rows.map((r) => ({ roomId: r.room_id, userId: r.sender }));
  });
}

export async function removeRooms(url: string, senders: Sender[]): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("DELETE FROM chat_chatroom WHERE id = ANY($1::int[])", [senders.map((s) => s.roomId)]);
    // Flushed first so autovacuum finds nothing left to do during the next run's measurements.
    await client.query("SELECT pg_stat_force_next_flush()");
    await client.query("VACUUM (ANALYZE) chat_message, chat_chatroom, chat_chatparticipant, chat_message_hourly");
  });
}

async function publishFailures(app: App): Promise<number> {
  const metric = await app.metrics.publishFailures.get();
  return metric.values.reduce((sum, v) => sum + v.value, 0);
}

export async function benchSends(app: App, url: string, config: BenchConfig, dataset: DatasetInfo, progress: Progress): Promise<SendResult> {
  const { concurrency, perSender } = config.sends;
  if (3 + 2 * (concurrency - 1) > dataset.users) throw new Error(`${concurrency} senders need ${2 * concurrency + 1} users`);
  const senders = await createRooms(url, concurrency);
  try {
    // As the doors do: the send, then its events published after commit.
    const send = async (sender: Sender, i: number) =>
      app.deliver(
        await app.sendMessage({
          userId: sender.userId,
          roomId: sender.roomId,
          content: `Bench message ${i} from user ${sender.userId}`,
          clientId: randomUUID(),
        }),
      );
    for (let i = 0; i < config.sends.warmup; i++) await Promise.all(senders.map((sender) => send(sender, -1 - i)));

    const failuresBefore = await publishFailures(app);
    const task = progress.task(`sends: ${concurrency} concurrent senders`, concurrency * perSender);
    const latencies: number[] = [];
    let failed = 0;
    let firstError: unknown;
    const started = performance.now();
    await Promise.all(
      senders.map(async (sender) => {
        for (let i = 1; i <= perSender; i++) {
          const t0 = performance.now();
          try {
            await send(sender, i);
            latencies.push(performance.now() - t0);
          } catch (error) {
            failed += 1;
            firstError ??= error;
          }
          task.tick();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const timing = summarize(latencies);
    const result: SendResult = {
      concurrency,
      sends: concurrency * perSender,
      failed,
      publish_failures: (await publishFailures(app)) - failuresBefore,
      sends_per_s: round(latencies.length / seconds, 1),
      p50_ms: timing.p50_ms,
      p95_ms: timing.p95_ms,
      p99_ms: timing.p99_ms,
      ...(firstError === undefined ? {} : { first_error: String(firstError) }),
    };
    task.done(`${result.sends_per_s}/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms`);
    return result;
  } finally {
    // Closing the app's connections reports their statistics before the clean-up's VACUUM.
    await app.db.$disconnect();
    await removeRooms(url, senders);
  }
}
