// The production build served as a deployment serves it, for benchmarks through the front door:
// `next start` (built first when .next is missing or older than the sources) on the bench
// database, with the realtime server in a child process of its own on fresh credentials
// (production refuses Soketi's public defaults). BENCH_CPU_PROF=<dir> writes a V8 CPU profile of
// the `next start` process there when it exits.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomCredentials } from "@/realtime-server/credentials";
import { freePort } from "@/scripts/db/free-port";
import { type RealtimeChild, startRealtimeChild } from "@/scripts/realtime-child";
import { pusherEnv } from "@/realtime-server";
import webpush from "web-push";
import { waitForHealth } from "./wait-for-health";

export type ProductionServer = { origin: string; pid: number; realtime: RealtimeChild; stop(): Promise<void> };

const ROOT = process.cwd();
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
// What the build is made from; lib/generated is rebuilt by `npm run build` itself.
const SOURCES = ["app", "lib", "components", "hooks", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];
const HEALTH_TIMEOUT_MS = 120_000;

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(entry) === "generated") return 0;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** `npm run build` when the build is missing or older than a source file. */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  if (!buildIsStale()) return;
  log("production build missing or stale: npm run build");
  await run("npm", ["run", "build"]);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  return exited;
}

/**
 * `env` is the run's own settings for this server only: raised rate limits (RATE_LIMIT_*; the
 * defaults are per person, and a benchmark sends faster than a person does), METRICS_TOKEN.
 */
export async function startProductionServer(options: { databaseUrl: string; env: Record<string, string> }): Promise<ProductionServer> {
  const realtime = await startRealtimeChild(randomCredentials());
  try {
    const port = await freePort(Number(process.env.BENCH_HTTP_PORT ?? 0));
    // next-auth redirects and sets cookies for NEXTAUTH_URL's host: the same name here.
    const origin = `http://localhost:${port}`;
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    const next = spawn(process.execPath, [...profile, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        CHECKPOINT_DISABLE: "1",
        DATABASE_URL: options.databaseUrl,
        ...pusherEnv(realtime),
        NEXTAUTH_URL: origin,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        CRON_SECRET: randomBytes(32).toString("base64url"),
        MARKETPLACE_API_TOKEN: randomBytes(32).toString("base64url"),
        TRUSTED_PROXY_HOPS: "0",
        // Nothing listens there: the digest finds nothing to send in a benchmark anyway.
        SMTP_URL: "smtp://127.0.0.1:1",
        MAIL_FROM: "JobChat <bench@localhost>",
        ...vapidEnv(),
        // Production's level: a JSON line per request is part of what a request costs.
        LOG_LEVEL: "info",
        ...options.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      await waitForHealth(origin, next, { name: "next start", timeoutMs: HEALTH_TIMEOUT_MS });
    } catch (error) {
      await stopChild(next);
      throw error;
    }
    return {
      origin,
      pid: next.pid ?? 0,
      realtime,
      stop: async () => {
        await stopChild(next);
        await realtime.stop();
      },
    };
  } catch (error) {
    await realtime.stop();
    throw error;
  }
}

/** Production requires a VAPID identity; a fresh pair per run. */
function vapidEnv() {
  const keys = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:bench@example.com" };
}
