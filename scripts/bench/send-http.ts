// Sends through the front door: signed-in users POSTing to /api/chat/rooms/{id}/messages on the
// production build (`next start`), each with their own session cookie and keep-alive connection,
// for a fixed time. Everything a user's request meets runs: the proxy, the session decode and
// user re-check, the rate limiter (its limits raised for this server only), the send statement
// and the publish to the realtime server in its own process. Users and rooms are created for the
// run and deleted afterwards so the dataset stays as built.
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import bcrypt from "bcryptjs";
import type { BenchConfig } from "./config";
import { withClient } from "./database";
import { httpAgent, send, signIn } from "./http-session";
import { parentOf, procAvailable, treeCpuSeconds } from "./process-cpu";
import { ensureBuild, startProductionServer } from "./production-server";
import type { Progress } from "./progress";
import { meanMs, scrapeMetrics } from "./server-metrics";
import { round, summarize } from "./stats";

export type SendHttpResult = {
  concurrency: number;
  duration_s: number;
  sends: number;
  failed: number;
  sends_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  /** Messages stored in the run's rooms, warm-up included: must equal the 2xx answers. */
  stored: number;
  accepted: number;
  /**
   * Mean milliseconds per measured send: as the client saw it, inside the route handler (the
   * app's http_request_duration_seconds), its send statement and its publish, and what is left
   * inside the handler (session decode and user re-check, rate limiter, body) and outside it
   * (Next's routing and proxy, streams, waiting for a core).
   */
  mean_ms?: {
    request: number;
    handler: number | null;
    send_statement: number | null;
    publish: number | null;
    auth_limits_parse: number | null;
    outside_handler: number | null;
  };
  /**
   * CPU milliseconds each process spent per measured send (/proc): `next start` (and anything it
   * forks), PostgreSQL (postmaster and backends), the realtime server, and this process sending.
   */
  cpu_ms_per_send?: { next_start: number; postgres: number; realtime: number; load_generator: number; total: number };
  /** What the machine's cores could carry at that CPU cost per send, were the run alone on them. */
  cpu_bound_sends_per_s?: number;
  first_error?: string;
};

const ROUTE_LABEL = 'route="POST /api/chat/rooms/{id}/messages"';

type Sender = { userId: number; email: string; roomId: number; cookie: string };

const PASSWORD = `bench-${randomUUID()}`;
const METRICS_TOKEN = randomUUID();
// High enough that no send of the run is refused; the limiter still runs its statement per send.
const RAISED_LIMITS = {
  RATE_LIMIT_SEND_MAX: "100000000",
  RATE_LIMIT_SIGNIN_MAX: "100000",
  RATE_LIMIT_SIGNIN_IP_MAX: "100000",
  RATE_LIMIT_CHANNEL_AUTH_MAX: "100000",
};

/** `count` senders, each with a partner in a two-person group room of their own. */
async function createSenders(url: string, count: number): Promise<Array<Omit<Sender, "cookie">>> {
  const tag = randomUUID().slice(0, 8);
  const hash = await bcrypt.hash(PASSWORD, 10);
  return withClient(url, async (client) => {
    // One statement: the rooms' updated_at and the participants' activity_at are the same now().
    const { rows } = await client.query<{ user_id: number; email: string; room_id: number }>(
      `WITH people AS (
         INSERT INTO users (username, email, display_name, role, is_active, password_hash)
         SELECT 'http_' || $2 || '_' || g, 'http_' || $2 || '_' || g || '@bench.example', 'HTTP sender ' || g, 'USER', true, $3
         FROM generate_series(1, 2 * $1::int) g RETURNING id, email),
       people_k AS (SELECT id, email, row_number() OVER (ORDER BY id) - 1 AS k FROM people),
       rooms AS (
         INSERT INTO chat_chatroom (name, kind) SELECT 'Bench HTTP ' || $2 || ' ' || g, 'GROUP' FROM generate_series(1, $1::int) g
         RETURNING id),
       rooms_k AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM rooms),
       members AS (
         INSERT INTO chat_chatparticipant (room_id, user_id)
         SELECT r.id, n.id FROM rooms_k r JOIN people_k n ON n.k / 2 = r.k RETURNING room_id, user_id)
       SELECT n.id AS user_id, n.email, m.room_id FROM people_k n JOIN members m ON m.user_id = n.id
       WHERE n.k % 2 = 0 ORDER BY n.id`,
      [count, tag, hash],
    );
    return rows.map((r) => ({ userId: r.user_id, email: r.email, roomId: r.room_id }));
  });
}

/** The PostgreSQL server's main process on this machine (the parent of a backend), if local. */
async function postmasterPid(url: string): Promise<number | null> {
  const backend = await withClient(url, async (client) => (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid);
  return parentOf(backend);
}

type Cpu = { next_start: number; postgres: number; realtime: number; load_generator: number };

function cpuMsPerSend(before: Cpu | null, after: Cpu | null, sends: number): SendHttpResult["cpu_ms_per_send"] | null {
  if (!before || !after || sends === 0) return null;
  const per = (key: keyof Cpu) => round(((after[key] - before[key]) * 1000) / sends, 2);
  const each = { next_start: per("next_start"), postgres: per("postgres"), realtime: per("realtime"), load_generator: per("load_generator") };
  return { ...each, total: round(each.next_start + each.postgres + each.realtime + each.load_generator, 2) };
}

async function removeSenders(url: string, senders: Array<Omit<Sender, "cookie">>): Promise<number> {
  return withClient(url, async (client) => {
    const rooms = senders.map((s) => s.roomId);
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM chat_message WHERE room_id = ANY($1::int[])", [rooms]);
    const members = await client.query<{ user_id: number }>("SELECT user_id FROM chat_chatparticipant WHERE room_id = ANY($1::int[])", [rooms]);
    await client.query("DELETE FROM chat_chatroom WHERE id = ANY($1::int[])", [rooms]);
    await client.query("DELETE FROM users WHERE id = ANY($1::int[])", [members.rows.map((m) => m.user_id)]);
    await client.query("SELECT pg_stat_force_next_flush()");
    await client.query("VACUUM (ANALYZE) chat_message, chat_chatroom, chat_chatparticipant, chat_message_hourly, users, rate_limit");
    return Number(rows[0].n);
  });
}

export async function benchSendHttp(url: string, config: BenchConfig, progress: Progress): Promise<SendHttpResult> {
  const { concurrency, warmupMs, durationMs } = config.sendHttp;
  await ensureBuild((line) => progress.note(line));
  const people = await createSenders(url, concurrency);
  let result: Omit<SendHttpResult, "stored" | "accepted">;
  let accepted = 0;
  let stored = 0;
  try {
    const server = await startProductionServer({ databaseUrl: url, env: { ...RAISED_LIMITS, METRICS_TOKEN } });
    const agent = httpAgent(concurrency);
    try {
      const senders: Sender[] = [];
      for (const person of people) senders.push({ ...person, cookie: await signIn(agent, server.origin, person.email, PASSWORD) });

      const latencies: number[] = [];
      let failed = 0;
      let firstError: string | undefined;
      const post = (sender: Sender, i: number) =>
        send(agent, `${server.origin}/api/chat/rooms/${sender.roomId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: sender.cookie },
          body: JSON.stringify({ content: `HTTP bench message ${i} from ${sender.userId}`, client_id: randomUUID() }),
        });
      /** Each sender sends one at a time until `until`; resolves when the last answer is in. */
      const loop = (until: number, measure: boolean) =>
        Promise.all(
          senders.map(async (sender) => {
            for (let i = 0; performance.now() < until; i++) {
              const t0 = performance.now();
              const reply = await post(sender, i).catch((error: unknown) => ({ status: 0, body: String(error) }));
              const ok = reply.status >= 200 && reply.status < 300;
              if (ok) accepted += 1;
              if (!measure) continue;
              if (ok) latencies.push(performance.now() - t0);
              else {
                failed += 1;
                firstError ??= `${reply.status} ${reply.body.slice(0, 200)}`;
              }
            }
          }),
        );

      const task = progress.task(`sends over HTTP: ${concurrency} signed-in users, ${durationMs / 1000} s on next start`, 1);
      await loop(performance.now() + warmupMs, false);
      const postmaster = procAvailable() ? await postmasterPid(url) : null;
      const cpu = () =>
        postmaster === null
          ? null
          : {
              next_start: treeCpuSeconds(server.pid),
              postgres: treeCpuSeconds(postmaster),
              realtime: treeCpuSeconds(server.realtime.pid),
              load_generator: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
            };
      const before = await scrapeMetrics(agent, server.origin, METRICS_TOKEN);
      const cpuBefore = cpu();
      const started = performance.now();
      await loop(started + durationMs, true);
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = cpu();
      const after = await scrapeMetrics(agent, server.origin, METRICS_TOKEN);
      const cpuPerSend = cpuMsPerSend(cpuBefore, cpuAfter, latencies.length);
      const timing = summarize(latencies);
      const handler = meanMs(before, after, "http_request_duration_seconds", ROUTE_LABEL);
      const sendStatement = meanMs(before, after, "chat_send_duration_seconds");
      const publish = meanMs(before, after, "realtime_publish_duration_seconds");
      const less = (a: number | null, ...b: Array<number | null>) =>
        a === null || b.some((v) => v === null) ? null : round(a - b.reduce<number>((sum, v) => sum + (v ?? 0), 0), 2);
      task.tick();
      result = {
        concurrency,
        duration_s: round(seconds, 1),
        sends: latencies.length + failed,
        failed,
        sends_per_s: round(latencies.length / seconds, 1),
        p50_ms: timing.p50_ms,
        p95_ms: timing.p95_ms,
        p99_ms: timing.p99_ms,
        mean_ms: {
          request: round(timing.mean_ms, 2),
          handler,
          send_statement: sendStatement,
          publish,
          auth_limits_parse: less(handler, sendStatement, publish),
          outside_handler: less(timing.mean_ms, handler),
        },
        ...(cpuPerSend ? { cpu_ms_per_send: cpuPerSend, cpu_bound_sends_per_s: round((availableParallelism() * 1000) / cpuPerSend.total, 1) } : {}),
        ...(firstError === undefined ? {} : { first_error: firstError }),
      };
      task.done(`${result.sends_per_s}/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${failed} failed`);
    } finally {
      agent.destroy();
      await server.stop();
    }
  } finally {
    stored = await removeSenders(url, people);
  }
  return { ...result, stored, accepted };
}
