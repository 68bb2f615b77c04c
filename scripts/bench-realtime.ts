// Realtime benchmark: N pusher-js clients in presence rooms of 2–50, messages published through the
// server SDK (triggerBatch), typing relayed as client events. Measures latency, throughput, losses.
//   tsx scripts/bench-realtime.ts [--clients 1000] [--smoke] [--messages 2000] [--concurrency 4] [--rate N|0] [--inline]
// Starts the embedded server on a free port unless PUSHER_HOST (and PUSHER_PORT, PUSHER_APP_ID,
// PUSHER_KEY, PUSHER_SECRET, PUSHER_USE_TLS) point at another one.
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import Pusher from "pusher";
import PusherJs, { type PresenceChannel } from "pusher-js";
import { startRealtimeServer } from "../realtime-server";
import { startRealtimeChild } from "./realtime-child";

export type RealtimeBenchOptions = {
  clients?: number;
  /** Chat messages published through the HTTP API. */
  messages?: number;
  /** triggerBatch requests in flight at once. */
  concurrency?: number;
  /**
   * Publish this many events per second (default DEFAULT_PUBLISH_RATE); 0 publishes as fast as
   * the loop allows, which measures saturation: its latencies are mostly queueing.
   */
  rate?: number;
  /** Client events sent per room (each by a different member). */
  typingPerRoom?: number;
  /** Seed for the room sizes and message targets. */
  seed?: number;
  /** Another server to test; otherwise the embedded one is started on a free port. */
  target?: Target;
  /** Run the embedded server in this process instead of a child process (which keeps its CPU apart from the clients'). */
  inline?: boolean;
  log?: (line: string) => void;
};

type Target = { host: string; port: number; appId: string; key: string; secret: string; useTLS: boolean };

export type LatencyStats = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

export type RealtimeBenchResult = {
  server: "embedded-child-process" | "embedded-inline" | "external";
  clients: number;
  rooms: number;
  roomSize: { min: number; mean: number; max: number };
  connectMs: number;
  subscribeMs: number;
  publish: {
    /** Target events/s, 0 when unpaced. */
    rate: number;
    events: number;
    batches: number;
    expectedDeliveries: number;
    delivered: number;
    lost: number;
    durationMs: number;
    eventsPublishedPerSecond: number;
    deliveriesPerSecond: number;
    latencyMs: LatencyStats;
  };
  typing: { events: number; expectedDeliveries: number; delivered: number; lost: number; latencyMs: LatencyStats };
  finishedAt: string;
};

const MESSAGE_EVENT = "message.created";
const TYPING_EVENT = "client-typing";
const CONNECT_WAVE = 100;
const BATCH_SIZE = 10;
const QUIET_PERIOD_MS = 5000;
/** Typing is spread out as it is in real use rather than sent in one burst. */
const TYPING_EVENTS_PER_SECOND = 500;
/** The app's send-throughput target (issue 7): delivery is measured at the rate sends can arrive. */
export const DEFAULT_PUBLISH_RATE = 500;
const CREDENTIALS = { appId: "bench-app", key: "bench-key", secret: "bench-secret" };

type Member = { client: PusherJs; channel: PresenceChannel | null; room: number };

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `clients` into rooms of 2–50 members (a lone client never gets a room of its own). */
export function roomSizes(clients: number, random: () => number): number[] {
  const sizes: number[] = [];
  let remaining = clients;
  while (remaining > 0) {
    let size = Math.min(remaining, 2 + Math.floor(random() * 49));
    if (remaining - size === 1) size = size < 50 ? size + 1 : size - 1;
    sizes.push(size);
    remaining -= size;
  }
  return sizes;
}

export function latencyStats(samples: number[]): LatencyStats {
  if (samples.length === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number) => Math.round(n * 100) / 100;
  const sum = sorted.reduce((total, n) => total + n, 0);
  return {
    count: sorted.length,
    mean: round(sum / sorted.length),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1]),
  };
}

function targetFromEnv(env: NodeJS.ProcessEnv): Target | undefined {
  if (!env.PUSHER_HOST) return undefined;
  const useTLS = env.PUSHER_USE_TLS === "true";
  return {
    host: env.PUSHER_HOST,
    port: Number(env.PUSHER_PORT ?? (useTLS ? 443 : 6001)),
    appId: env.PUSHER_APP_ID ?? "app-id",
    key: env.PUSHER_KEY ?? "app-key",
    secret: env.PUSHER_SECRET ?? "app-secret",
    useTLS,
  };
}

/** Resolves when `done()` holds, or once `progress()` has not moved for QUIET_PERIOD_MS. */
async function settle(done: () => boolean, progress: () => number): Promise<void> {
  let last = progress();
  let lastChange = performance.now();
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = progress();
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > QUIET_PERIOD_MS) {
      return;
    }
  }
}

function waitFor<T>(register: (resolve: (value: T) => void, reject: (error: Error) => void) => void, label: string, ms = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${label}`)), ms);
    register(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export async function runRealtimeBench(options: RealtimeBenchOptions = {}): Promise<RealtimeBenchResult> {
  const log = options.log ?? (() => {});
  const clientCount = options.clients ?? 1000;
  const messageCount = options.messages ?? 2000;
  const concurrency = options.concurrency ?? 4;
  const rate = options.rate ?? DEFAULT_PUBLISH_RATE;
  const typingPerRoom = options.typingPerRoom ?? 5;
  const random = mulberry32(options.seed ?? 42);

  let stopServer = async () => {};
  let target = options.target;
  const server: RealtimeBenchResult["server"] = target ? "external" : options.inline ? "embedded-inline" : "embedded-child-process";
  if (!target && options.inline) {
    const inline = await startRealtimeServer({ port: 0, ...CREDENTIALS });
    target = { host: inline.host, port: inline.port, ...CREDENTIALS, useTLS: false };
    stopServer = () => inline.close();
  } else if (!target) {
    const child = await startRealtimeChild(CREDENTIALS);
    target = { host: child.host, port: child.port, ...CREDENTIALS, useTLS: false };
    stopServer = child.stop;
  }
  const { host, port, appId, key, secret, useTLS } = target;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2 });
  const sdk = new Pusher({ appId, key, secret, host, port: String(port), useTLS, agent });

  const sizes = roomSizes(clientCount, random);
  const roomName = (room: number) => `presence-room-${room + 1}`;
  const roomOf = sizes.flatMap((size, room) => Array.from({ length: size }, () => room));
  const members: Member[] = [];

  const publishLatencies: number[] = [];
  const typingLatencies: number[] = [];
  let lastDeliveryAt = 0;
  const onMessage = (data: { t: number }) => {
    lastDeliveryAt = performance.now();
    publishLatencies.push(lastDeliveryAt - data.t);
  };
  const onTyping = (data: { t: number }) => typingLatencies.push(performance.now() - data.t);

  try {
    log(`connecting ${clientCount} clients in ${sizes.length} rooms to ${host}:${port}`);
    const connectStart = performance.now();
    for (let start = 0; start < clientCount; start += CONNECT_WAVE) {
      const wave = roomOf.slice(start, start + CONNECT_WAVE);
      await Promise.all(
        wave.map((room, offset) => {
          const userId = `bench-user-${start + offset + 1}`;
          const client = new PusherJs(key, {
            cluster: "",
            wsHost: host,
            wsPort: port,
            wssPort: port,
            forceTLS: useTLS,
            enabledTransports: useTLS ? ["wss"] : ["ws"],
            disableStats: true,
            channelAuthorization: {
              customHandler: ({ socketId, channelName }, callback) =>
                callback(null, sdk.authorizeChannel(socketId, channelName, { user_id: userId, user_info: { name: userId } })),
            },
          });
          members.push({ client, channel: null, room });
          return waitFor<void>((resolve) => client.connection.bind("connected", () => resolve()), `connection of ${userId}`);
        }),
      );
    }
    const connectMs = performance.now() - connectStart;

    const subscribeStart = performance.now();
    for (let start = 0; start < members.length; start += CONNECT_WAVE) {
      await Promise.all(
        members.slice(start, start + CONNECT_WAVE).map((member) => {
          const channel = member.client.subscribe(roomName(member.room)) as PresenceChannel;
          member.channel = channel;
          channel.bind(MESSAGE_EVENT, onMessage);
          channel.bind(TYPING_EVENT, onTyping);
          return waitFor<void>((resolve, reject) => {
            channel.bind("pusher:subscription_succeeded", () => resolve());
            channel.bind("pusher:subscription_error", (error: unknown) => reject(new Error(`subscription failed: ${JSON.stringify(error)}`)));
          }, `subscription to ${channel.name}`);
        }),
      );
    }
    const subscribeMs = performance.now() - subscribeStart;
    log(`connected in ${Math.round(connectMs)} ms, subscribed in ${Math.round(subscribeMs)} ms`);

    // Publish: closed loop of `concurrency` triggerBatch requests, each of up to 10 events.
    const targets = Array.from({ length: messageCount }, () => Math.floor(random() * sizes.length));
    const expectedDeliveries = targets.reduce((total, room) => total + sizes[room], 0);
    const body = "x".repeat(160);
    let next = 0;
    let batches = 0;
    const publishStart = performance.now();
    const worker = async () => {
      while (next < targets.length) {
        const slice = targets.slice(next, next + BATCH_SIZE);
        const first = next;
        next += slice.length;
        const wait = rate > 0 ? publishStart + (first * 1000) / rate - performance.now() : 0;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const t = performance.now();
        await sdk.triggerBatch(
          slice.map((room, i) => ({ channel: roomName(room), name: MESSAGE_EVENT, data: { id: first + i, room: room + 1, t, body } })),
        );
        batches++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const publishedMs = performance.now() - publishStart;
    await settle(
      () => publishLatencies.length >= expectedDeliveries,
      () => publishLatencies.length,
    );
    const durationMs = Math.max(lastDeliveryAt, publishStart + publishedMs) - publishStart;
    log(`published ${messageCount} events in ${Math.round(publishedMs)} ms`);

    // Typing: in every room, up to `typingPerRoom` different members each send one client event.
    const typers: { channel: PresenceChannel; audience: number }[] = [];
    sizes.forEach((size, room) => {
      const roomMembers = members.filter((member) => member.room === room);
      for (let i = 0; i < Math.min(typingPerRoom, size); i++) {
        const channel = roomMembers[i].channel;
        if (channel) typers.push({ channel, audience: size - 1 });
      }
    });
    const typingExpected = typers.reduce((total, typer) => total + typer.audience, 0);
    const typingStart = performance.now();
    for (const [i, typer] of typers.entries()) {
      const due = typingStart + (i * 1000) / TYPING_EVENTS_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      typer.channel.trigger(TYPING_EVENT, { typing: true, t: performance.now() });
    }
    await settle(
      () => typingLatencies.length >= typingExpected,
      () => typingLatencies.length,
    );

    return {
      server,
      clients: clientCount,
      rooms: sizes.length,
      roomSize: { min: Math.min(...sizes), mean: Math.round((clientCount / sizes.length) * 10) / 10, max: Math.max(...sizes) },
      connectMs: Math.round(connectMs),
      subscribeMs: Math.round(subscribeMs),
      publish: {
        rate,
        events: messageCount,
        batches,
        expectedDeliveries,
        delivered: publishLatencies.length,
        lost: Math.max(0, expectedDeliveries - publishLatencies.length),
        durationMs: Math.round(durationMs),
        eventsPublishedPerSecond: Math.round(messageCount / (publishedMs / 1000)),
        deliveriesPerSecond: Math.round(publishLatencies.length / (durationMs / 1000)),
        latencyMs: latencyStats(publishLatencies),
      },
      typing: {
        events: typers.length,
        expectedDeliveries: typingExpected,
        delivered: typingLatencies.length,
        lost: Math.max(0, typingExpected - typingLatencies.length),
        latencyMs: latencyStats(typingLatencies),
      },
      finishedAt: new Date().toISOString(),
    };
  } finally {
    for (const member of members) member.client.disconnect();
    agent.destroy();
    await stopServer();
  }
}

export function formatRealtimeTable(result: RealtimeBenchResult): string {
  const { publish, typing } = result;
  const row = (label: string, stats: LatencyStats) =>
    `${label.padEnd(22)}${[stats.count, stats.p50, stats.p95, stats.p99, stats.max].map((n) => String(n).padStart(10)).join("")}`;
  return [
    `realtime bench (${result.server}): ${result.clients} clients, ${result.rooms} rooms of ${result.roomSize.min}–${result.roomSize.max} (mean ${result.roomSize.mean})`,
    `connect ${result.connectMs} ms, subscribe ${result.subscribeMs} ms`,
    `${"latency (ms)".padEnd(22)}${["samples", "p50", "p95", "p99", "max"].map((h) => h.padStart(10)).join("")}`,
    row("publish → receive", publish.latencyMs),
    row("typing relay", typing.latencyMs),
    `published ${publish.events} events in ${publish.batches} batches: ${publish.eventsPublishedPerSecond} events/s in, ${publish.deliveriesPerSecond} deliveries/s out`,
    `lost: ${publish.lost} of ${publish.expectedDeliveries} deliveries, ${typing.lost} of ${typing.expectedDeliveries} typing relays`,
  ].join("\n");
}

export const DEFAULT_OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "bench", "results", "realtime.json");

export function writeRealtimeResult(result: RealtimeBenchResult, file = DEFAULT_OUTPUT): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

function parseArgs(argv: string[]): RealtimeBenchOptions {
  const options: RealtimeBenchOptions = {};
  let smoke = false;
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--smoke") smoke = true;
    else if (flag === "--clients") options.clients = number(flag, argv[++i]);
    else if (flag === "--messages") options.messages = number(flag, argv[++i]);
    else if (flag === "--concurrency") options.concurrency = number(flag, argv[++i]);
    else if (flag === "--rate") {
      const value = argv[++i];
      options.rate = value === "0" ? 0 : number(flag, value);
    }
    else if (flag === "--inline") options.inline = true;
    else throw new Error(`Unknown flag ${flag}`);
  }
  if (smoke) {
    options.clients = 50;
    options.messages ??= 200;
  }
  if (options.clients !== undefined && options.clients < 2) throw new Error("--clients needs at least 2");
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const result = await runRealtimeBench({ ...options, target: targetFromEnv(process.env), log: (line) => console.error(line) });
  console.log(formatRealtimeTable(result));
  writeRealtimeResult(result);
  console.log(`wrote ${path.relative(process.cwd(), DEFAULT_OUTPUT)}`);
  if (result.publish.lost > 0 || result.typing.lost > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
