// The soak itself: its own PostgreSQL, its own realtime server (a killable process), the app's
// route handlers over HTTP, and one tab process per user sending through the real client store.
// Faults on a schedule: the realtime server killed twice, PostgreSQL stopped once. Then it lets
// every tab settle and reads back what each store holds and what the database holds.
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pino from "pino";
import type { SoakConfig } from "./config";
import { type AppServer, startAppServer } from "./app-server";
import { type SoakDatabase, startSoakDatabase } from "./database";
import { type RealtimeProcess, REALTIME_CREDENTIALS, startRealtimeProcess } from "./realtime-process";
import type { TabSnapshot } from "./tab-protocol";
import { everyTab, openTab, type Tab } from "./tabs";
import { readTruth, type Truth } from "./truth";
import { pusherEnv } from "@/realtime-server";

export type Fault = { kind: "realtime" | "database"; downAt: number; upAt: number };

export type Probe = { path: string; at: number; status: number; ms: number; body: unknown; retryAfter: string | null };

export type SoakRun = {
  config: SoakConfig;
  startedAt: number;
  stoppedSendingAt: number;
  /** From the end of sending until every request was answered and every tab subscribed. */
  settledMs: number;
  /** Then until every store matched the database (or the wait ran out). */
  convergedMs: number;
  converged: boolean;
  faults: Fault[];
  /** When PostgreSQL was fully down: from stop() resolving to start() being called. */
  outage: { from: number; to: number };
  /** GETs made while PostgreSQL was down, and the first ones after it came back. */
  probes: { during: Probe[]; after: Probe[] };
  retriedAfterOutage: number;
  /** When every tab's retries after the outage were answered (the recovery surge is over). */
  retriesDoneAt: number;
  snapshots: TabSnapshot[];
  truth: Truth;
  rooms: Array<{ id: number; kind: string; members: number[] }>;
  served: AppServer["served"];
  crashes: string[];
  publishFailures: number;
  /** The app's error log lines for failures it did not count as "database unavailable". */
  appErrors: string[];
  /** The app process's event-loop delay while sending (ms): how starved it was for CPU. */
  loopDelayMs: { p50: number; p99: number; max: number };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Up to this long for stores to reach the database's state once everything is idle. */
const CONVERGE_TIMEOUT_MS = 60_000;
const GROUPS = 3;
const PROBE_TIMEOUT_MS = 15_000;
const debug = (what: string) => {
  if (process.env.SOAK_DEBUG) console.error(`[soak ${new Date().toISOString()}] ${what}`);
};

export type SoakEnvironment = { database: SoakDatabase; realtime: RealtimeProcess; app: AppServer; tabs: Tab[] };

export async function closeSoak(env: Partial<SoakEnvironment>): Promise<void> {
  // Every answer the app gave, for a closer look at a failed run.
  if (process.env.SOAK_DEBUG_FILE && env.app) writeFileSync(process.env.SOAK_DEBUG_FILE, JSON.stringify(env.app.served));
  await Promise.all((env.tabs ?? []).map((t) => t.close()));
  await env.app?.close();
  await env.realtime?.close();
  await env.database?.close();
}

/**
 * Points the app in this process at the soak's database and realtime server only, with the send
 * and channel-auth limits lifted: 20 users at 5 messages/s each would otherwise be refused by the
 * default 20 sends per 10 s (rate limits have tests of their own). Returns the app's error log
 * lines (failures it did not count as "database unavailable"), so an unexpected 500 comes with its cause.
 */
export async function pointAppAt(database: SoakDatabase, realtime: RealtimeProcess): Promise<string[]> {
  if ((globalThis as { prisma?: unknown }).prisma) throw new Error("a Prisma client exists before the soak set DATABASE_URL");
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    ...pusherEnv({ ...REALTIME_CREDENTIALS, host: realtime.host, port: realtime.port }),
    RATE_LIMIT_SEND_MAX: "1000000",
    RATE_LIMIT_CHANNEL_AUTH_MAX: "1000000",
  });
  // Browsers connect where the server publishes: to the soak's realtime server.
  for (const name of ["PUSHER_CLUSTER", "PUSHER_WS_HOST", "PUSHER_WS_PORT"]) delete process.env[name];
  const appErrors: string[] = [];
  (globalThis as { log?: unknown }).log = pino(
    { level: "error" },
    { write: (line: string) => void (line.includes('"unavailable":true') || appErrors.push(line)) },
  );
  (await import("@/lib/env")).resetEnvCache();
  (await import("@/lib/realtime/pusher-server")).resetPusherServer();
  return appErrors;
}

export type SoakUser = { id: number; username: string; name: string };

/** The users, and their rooms: three overlapping groups (each user in two) and one direct room per pair. */
export async function makeUsersAndRooms(clients: number): Promise<{ users: SoakUser[]; rooms: SoakRun["rooms"] }> {
  const { db } = await import("@/lib/db");
  const { createDirectRoom, createGroupRoom } = await import("@/lib/chat/membership");
  // Imported here, not at the top: it reaches lib/db, whose client must see the soak's DATABASE_URL.
  const { delivered } = await import("@/tests/support/delivered");
  const users: SoakUser[] = [];
  for (let i = 0; i < clients; i++) {
    const username = `soak${i + 1}`;
    users.push(
      await db.user.create({
        data: { username, email: `${username}@soak.example`, name: `Soak ${i + 1}` },
        select: { id: true, username: true, name: true },
      }),
    );
  }
  const rooms: SoakRun["rooms"] = [];
  for (let g = 0; g < GROUPS; g++) {
    const members = users.filter((_, i) => i % GROUPS !== g).map((u) => u.id);
    const room = await delivered(createGroupRoom(members[0], `Soak group ${g + 1}`, members.slice(1)));
    rooms.push({ id: room.id, kind: "GROUP", members });
  }
  for (let i = 0; i + 1 < users.length; i += 2) {
    const { room } = await delivered(createDirectRoom(users[i].id, users[i + 1].id));
    rooms.push({ id: room.id, kind: "DIRECT", members: [users[i].id, users[i + 1].id] });
  }
  return { users, rooms };
}

export async function runSoak(config: SoakConfig, env: Partial<SoakEnvironment>): Promise<SoakRun> {
  env.database = await startSoakDatabase();
  env.realtime = await startRealtimeProcess();
  const appErrors = await pointAppAt(env.database, env.realtime);
  const { db } = await import("@/lib/db");
  const { metrics } = await import("@/lib/metrics");
  const { sessionCookie } = await import("@/tests/support/http");
  env.app = await startAppServer();
  const app = env.app;

  const { users, rooms } = await makeUsersAndRooms(config.clients);
  const tabs = await Promise.all(
    users.map(async (me) =>
      openTab({ origin: app.origin, cookie: await sessionCookie({ id: me.id, username: me.username }), me, rate: config.rate }),
    ),
  );
  env.tabs = tabs;
  await Promise.all(tabs.map((t) => t.opened));
  await everyTab(tabs, "ready");

  const probeCookie = await sessionCookie({ id: users[0].id, username: users[0].username });
  const probeRoom = rooms.find((r) => r.members.includes(users[0].id))!;
  const probePaths = ["/api/chat/rooms", "/api/chat/unread", `/api/chat/rooms/${probeRoom.id}/messages`];
  const probe = async (path: string): Promise<Probe> => {
    const at = Date.now();
    try {
      const response = await fetch(`${app.origin}${path}`, {
        headers: { cookie: probeCookie, accept: "application/json" },
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { path, at, status: response.status, ms: Date.now() - at, body, retryAfter: response.headers.get("retry-after") };
    } catch (error) {
      // No answer at all (a hang): status 0, which every assertion on probes refuses.
      return { path, at, status: 0, ms: Date.now() - at, body: String(error), retryAfter: null };
    }
  };

  const faults: Fault[] = [];
  const killRealtime = async () => {
    const downAt = Date.now();
    debug("killing the realtime server");
    await env.realtime?.kill();
    await sleep(config.realtimeDownMs);
    await env.realtime?.start();
    debug("realtime server restarted");
    faults.push({ kind: "realtime", downAt, upAt: Date.now() });
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const startedAt = Date.now();
  await everyTab(tabs, "sending", true);
  await everyTab(tabs, "viewing", true);

  await sleep(startedAt + config.schedule.realtimeKills[0] - Date.now());
  await killRealtime();

  await sleep(startedAt + config.schedule.dbStop - Date.now());
  const downAt = Date.now();
  debug("stopping PostgreSQL");
  await env.database.stop();
  debug("PostgreSQL stopped");
  const outage = { from: Date.now(), to: 0 };
  const during: Probe[] = [];
  while (Date.now() < downAt + config.dbDownMs - 1000) {
    during.push(...(await Promise.all(probePaths.map(probe))));
    debug(
      `probes: ${during
        .slice(-probePaths.length)
        .map((p) => `${p.status} ${p.ms} ms`)
        .join(", ")}`,
    );
    await sleep(1000);
  }
  await sleep(downAt + config.dbDownMs - Date.now());
  outage.to = Date.now();
  await env.database.start();
  debug("PostgreSQL started");
  faults.push({ kind: "database", downAt, upAt: Date.now() });
  const after = await Promise.all(probePaths.map(probe));
  debug(`probes after restart: ${after.map((p) => `${p.status} ${p.ms} ms`).join(", ")}`);
  // Every tab presses Retry on what it shows as Failed.
  let retried = (await everyTab<number>(tabs, "retryFailed")).reduce((a, b) => a + b, 0);
  // And once more a little later, for sends refused while it was still starting.
  await sleep(3000);
  retried += (await everyTab<number>(tabs, "retryFailed")).reduce((a, b) => a + b, 0);
  debug(`retrying ${retried}`);

  await sleep(startedAt + config.schedule.realtimeKills[1] - Date.now());
  await killRealtime();

  await sleep(startedAt + config.seconds * 1000 - Date.now());
  await everyTab(tabs, "sending", false);
  await everyTab(tabs, "viewing", false);
  const stoppedSendingAt = Date.now();
  loopDelay.disable();
  debug("sending stopped; settling");

  // Settle: no request in flight, every tab connected and subscribed again; then give the
  // stores time to converge on the database's state (only the app's own events and catch-ups
  // move them: nothing here refreshes a store).
  await everyTab(tabs, "idle");
  await everyTab(tabs, "ready");
  const idleAt = Date.now();
  debug("idle and subscribed");
  const truth = await readTruth(db);
  let snapshots = await Promise.all(tabs.map((t) => t.snapshot()));
  const deadline = Date.now() + CONVERGE_TIMEOUT_MS;
  while (!snapshots.every((s) => matches(s, truth)) && Date.now() < deadline) {
    await sleep(1000);
    snapshots = await Promise.all(tabs.map((t) => t.snapshot()));
  }
  const convergedAt = Date.now();

  return {
    config,
    startedAt,
    stoppedSendingAt,
    settledMs: idleAt - stoppedSendingAt,
    convergedMs: convergedAt - idleAt,
    converged: snapshots.every((s) => matches(s, truth)),
    faults,
    outage,
    probes: { during, after },
    retriedAfterOutage: retried,
    retriesDoneAt: Math.max(0, ...snapshots.flatMap((s) => s.calls.filter((c) => c.retry).map((c) => c.endedAt))),
    snapshots,
    truth,
    rooms,
    served: app.served,
    crashes: app.crashes,
    appErrors,
    publishFailures: (await metrics.publishFailures.get()).values.reduce((a, v) => a + v.value, 0),
    loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

export function matches(snapshot: TabSnapshot, truth: Truth): boolean {
  for (const [roomId, ids] of Object.entries(snapshot.timelines)) {
    const expected = truth.messageIds.get(Number(roomId)) ?? [];
    if (ids.length !== expected.length || ids.some((id, i) => id !== expected[i])) return false;
  }
  for (const [roomId, unread] of Object.entries(snapshot.unread)) {
    if (unread !== truth.unread(snapshot.userId, Number(roomId))) return false;
  }
  return snapshot.pending.length === 0;
}
