// The transactional outbox under failing publishes: senders send through sendMessage and the
// doors' delivery (publish right after commit) while the realtime server, a process of its own,
// refuses a seeded share of publish calls; the drainer runs in this process as `npm start` runs
// it. Real pusher-js subscribers, one per room, record what arrives; delivered and lost are
// counted against the messages the database holds.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import type PusherJs from "pusher-js";
import { startRealtimeChild } from "@/scripts/realtime-child";
import { type App, configureAppEnv, type RealtimeTarget } from "./app";
import type { BenchConfig } from "./config";
import { withClient } from "./database";
import type { Progress } from "./progress";
import { connectAs, subscribed, until } from "./pusher-client";
import { createRooms, removeRooms } from "./sends";
import { round, summarize } from "./stats";

export type OutboxResult = {
  measured_at: string;
  /** 1/5/15-minute load average when this section began (the machine is shared). */
  load_average: number[];
  clients: number;
  seconds: number;
  failure_rate: number;
  /** Publish calls the realtime server refused on purpose. */
  publish_failures_injected: number;
  /** Messages stored during the run. */
  messages: number;
  /** Outbox rows (events) the sends stored. */
  events: number;
  /** Events that needed the drainer (their first publish failed). */
  retried_events: number;
  /** Messages whose message.created reached their room's subscriber. */
  delivered: number;
  lost: number;
  /** message.created received more than once (at least once delivery; the browser deduplicates). */
  duplicates: number;
  /** From the send's commit to its message.created arriving. */
  delay_p50_ms: number;
  delay_p99_ms: number;
  max_delay_ms: number;
  failed_sends: number;
};

const SEED = 20261202;
const SETTLE_TIMEOUT_MS = 120_000;
const DRAIN_INTERVAL_MS = 500;

async function pointAt(realtime: RealtimeTarget, url: string): Promise<void> {
  configureAppEnv(url, realtime);
  (await import("@/lib/env")).resetEnvCache();
  (await import("@/lib/realtime/pusher-server")).resetPusherServer();
}

export async function benchOutbox(app: App, url: string, home: RealtimeTarget, config: BenchConfig, progress: Progress): Promise<OutboxResult> {
  const { clients, seconds, rate, failureRate } = config.outbox;
  const startedAt = Date.now();
  const loadAtStart = loadavg().map((v) => round(v, 2));
  const task = progress.task(`outbox: ${clients} senders, ${Math.round(failureRate * 100)} % of publishes failing`, 3);
  const failing = await startRealtimeChild({
    appId: home.appId,
    key: home.key,
    secret: home.secret,
    publishFailures: { rate: failureRate, seed: SEED },
  });
  const senders = await createRooms(url, clients);
  const subscribers: PusherJs[] = [];
  const { startOutboxDrainer } = await import("@/lib/realtime/drain-loop");
  // Each refused publish is a warning line: hundreds here, by design.
  const { log } = await import("@/lib/log");
  const level = log.level;
  log.level = "error";
  let stopDrainer = () => {};
  try {
    await pointAt(failing, url);
    const committedAt = new Map<number, number>();
    const arrivals = new Map<number, number[]>();
    for (const sender of senders) {
      const receiver = { id: sender.userId + 1, username: `user${sender.userId + 1}`, name: "", role: "USER" as const };
      const client = connectAs(app, failing, receiver);
      subscribers.push(client);
      const channel = await subscribed(client, app.roomChannel(sender.roomId));
      channel.bind(app.EVENTS.messageCreated, (m: { id: number }) => {
        const at = performance.now();
        arrivals.set(m.id, [...(arrivals.get(m.id) ?? []), at]);
      });
    }
    task.tick();
    const firstId = await lastOutboxId(url);
    stopDrainer = startOutboxDrainer(DRAIN_INTERVAL_MS);

    let failedSends = 0;
    const stopAt = performance.now() + seconds * 1000;
    await Promise.all(
      senders.map(async (sender, s) => {
        for (let i = 0; performance.now() < stopAt; i++) {
          const next = performance.now() + 1000 / rate;
          try {
            const produced = await app.sendMessage({
              userId: sender.userId,
              roomId: sender.roomId,
              content: `Outbox bench ${s}/${i}`,
              clientId: randomUUID(),
            });
            committedAt.set(produced.result.message.id, performance.now());
            await app.deliver(produced);
          } catch {
            failedSends += 1;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        }
      }),
    );
    task.tick();

    // Everything the database holds for these rooms must reach its subscriber, via the drainer if need be.
    const stored = await storedMessageIds(
      url,
      senders.map((s) => s.roomId),
    );
    await until(() => stored.every((id) => arrivals.has(id)), "every stored message delivered", SETTLE_TIMEOUT_MS).catch(() => {});
    const outbox = await outboxCounts(url, firstId);
    const injected = ((await (await fetch(`http://${failing.host}:${failing.port}/health`)).json()) as { publish_failures_injected?: number })
      .publish_failures_injected;
    const delays = stored.flatMap((id) => {
      const at = arrivals.get(id)?.[0];
      const committed = committedAt.get(id);
      return at !== undefined && committed !== undefined ? [Math.max(0, at - committed)] : [];
    });
    const timing = summarize(delays);
    const delivered = stored.filter((id) => arrivals.has(id)).length;
    const result: OutboxResult = {
      measured_at: new Date(startedAt).toISOString(),
      load_average: loadAtStart,
      clients,
      seconds,
      failure_rate: failureRate,
      publish_failures_injected: injected ?? 0,
      messages: stored.length,
      events: outbox.events,
      retried_events: outbox.retried,
      delivered,
      lost: stored.length - delivered,
      duplicates: [...arrivals.values()].reduce((n, times) => n + times.length - 1, 0),
      delay_p50_ms: timing.p50_ms,
      delay_p99_ms: timing.p99_ms,
      max_delay_ms: round(Math.max(0, ...delays), 1),
      failed_sends: failedSends,
    };
    task.tick();
    task.done(
      `${result.messages} messages, ${result.publish_failures_injected} publishes failed, ${result.lost} lost, max delay ${result.max_delay_ms} ms`,
    );
    return result;
  } finally {
    log.level = level;
    stopDrainer();
    for (const client of subscribers) client.disconnect();
    await pointAt(home, url);
    await failing.stop();
    await app.db.$disconnect();
    await removeRooms(url, senders);
  }
}

async function lastOutboxId(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ id: string }>("SELECT COALESCE(max(id), 0)::text AS id FROM realtime_outbox")).rows[0].id);
}

async function storedMessageIds(url: string, roomIds: number[]): Promise<number[]> {
  return withClient(url, async (c) =>
    (await c.query<{ id: string }>("SELECT id::text FROM chat_message WHERE room_id = ANY($1::int[]) ORDER BY id", [roomIds])).rows.map((r) =>
      Number(r.id),
    ),
  );
}

async function outboxCounts(url: string, after: string): Promise<{ events: number; retried: number }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ events: number; retried: number }>(
      "SELECT count(*)::int AS events, count(*) FILTER (WHERE attempts > 0)::int AS retried FROM realtime_outbox WHERE id > $1::bigint",
      [after],
    );
    return rows[0];
  });
}
