// The browser tests' web server (playwright.config.ts starts it): a throw-away embedded
// PostgreSQL with the demo data, the embedded realtime server, a mail catcher (real SMTP), and
// `next start`. A small control endpoint on another loopback port lets tests stop and restart
// the realtime server and read the mail that arrived.
// Everything is removed on exit. For iterating locally: E2E_NEXT_MODE=dev runs `next dev`, and
// E2E_NEXTAUTH_SECRET keeps saved sessions valid across restarts.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded-postgres";
import { freePort } from "./db/free-port";
import { migrate } from "./db/migrate-runner";
import { type MailCatcher, startMailCatcher } from "./mail-catcher";
import { seedDemoData } from "@/prisma/seed-data";
import { resetEnvCache } from "@/lib/env";
import { randomCredentials, type RealtimeServer, startRealtimeServer } from "@/realtime-server";
import { pusherEnv } from "@/realtime-server";
import pg from "pg";
import webpush from "web-push";

const port = Number(process.env.E2E_PORT ?? 3217);
const controlPort = Number(process.env.E2E_CONTROL_PORT ?? 3218);
const nextMode = process.env.E2E_NEXT_MODE === "dev" ? "dev" : "start";
const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ msg: `e2e: ${msg}`, ...extra }));

const cacheDir = path.join(process.cwd(), ".cache");
mkdirSync(cacheDir, { recursive: true });
const workDir = mkdtempSync(path.join(cacheDir, "e2e-server-"));
// Photos and files of this run (the seed's and the tests'), never .data/uploads; next inherits it.
// The imports above have already read the environment once (lib/log.ts): read it again.
process.env.UPLOADS_DIR ??= path.join(workDir, "uploads");
resetEnvCache();

let database: EmbeddedDatabase | null = null;
let realtime: RealtimeServer | null = null;
let realtimePort = 0;
// `next start` is production: it refuses Soketi's public defaults, so this run has its own.
const credentials = randomCredentials();
let next: ChildProcess | null = null;
let control: Server | null = null;
let mail: MailCatcher | null = null;
let stopping = false;
let databaseUrl = "";

async function startRealtime(): Promise<void> {
  realtime ??= await startRealtimeServer({ host: "127.0.0.1", port: realtimePort, ...credentials });
}

async function stopRealtime(): Promise<void> {
  const current = realtime;
  realtime = null;
  await current?.close();
}

/** Every publish call refused (503) or accepted again, as a struggling realtime service would. */
async function failPublishes(rate: number): Promise<void> {
  if (!realtime) throw new Error("the realtime server is stopped");
  realtime.failPublishes(rate);
}

/**
 * `count` messages from the user with `sender`'s email into room `room`, "<prefix> 1".."<prefix> N"
 * oldest first, in one INSERT (a history thousands of messages deep in a second). Nothing is
 * published: pages and search find them, live tabs do not hear of them.
 */
async function seedMessages(query: URLSearchParams): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
       SELECT $1::int, u.id, $3 || ' ' || n, gen_random_uuid(), now() - make_interval(secs => $4::int - n)
       FROM users u, generate_series(1, $4::int) n WHERE u.email = $2 ORDER BY n`,
      [Number(query.get("room")), query.get("sender"), query.get("prefix") ?? "message", Number(query.get("count"))],
    );
  } finally {
    await client.end();
  }
}

/** POST /realtime/stop, /realtime/start, /realtime/fail-publishes, /realtime/accept-publishes, /seed/messages?...: used only by tests/e2e. */
function startControl(): Promise<void> {
  control = createServer((req, res) => {
    if (req.method === "POST" && req.url?.startsWith("/seed/messages?")) {
      seedMessages(new URL(req.url, "http://control").searchParams).then(
        () => res.writeHead(204).end(),
        (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
      );
      return;
    }
    const routes: Record<string, () => Promise<void>> = {
      "POST /realtime/stop": stopRealtime,
      "POST /realtime/start": startRealtime,
      "POST /realtime/fail-publishes": () => failPublishes(1),
      "POST /realtime/accept-publishes": () => failPublishes(0),
    };
    if (req.method === "GET" && req.url === "/mail") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mail?.messages ?? []));
      return;
    }
    const handler = routes[`${req.method} ${req.url}`];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler().then(
      () => {
        log(`${req.url}`);
        res.writeHead(204).end();
      },
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
    );
  });
  return new Promise((resolve) => control!.listen(controlPort, "127.0.0.1", resolve));
}

async function main(): Promise<void> {
  database = await startEmbeddedPostgres({ dataDir: path.join(workDir, "postgres") });
  await ensureDatabase(database.url("postgres"), "jobchat_e2e");
  databaseUrl = database.url("jobchat_e2e");
  await migrate(databaseUrl);
  log("seeded", await seedDemoData(databaseUrl));

  realtimePort = await freePort();
  await startRealtime();
  mail = await startMailCatcher();
  await startControl();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: nextMode === "dev" ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: databaseUrl,
    ...pusherEnv({ ...credentials, host: "127.0.0.1", port: realtimePort }),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Tests send far more often than a person does. Sign-in failures keep the per-account limit
    // (tests/e2e/sign-in-limits.spec.ts); every spec comes from one address, so not the per-IP one.
    RATE_LIMIT_SIGNIN_IP_MAX: "10000",
    TRUSTED_PROXY_HOPS: "0",
    // The marketplace's door (tests/e2e/job-room.spec.ts reads the same variable, set by playwright.config.ts).
    MARKETPLACE_API_TOKEN: process.env.E2E_MARKETPLACE_API_TOKEN ?? randomBytes(32).toString("base64url"),
    ...vapidEnv(),
    // Renders "Continue with GitHub" on /login (tests/e2e/oauth-buttons.spec.ts); never clicked.
    GITHUB_ID: "e2e-github-client-id",
    GITHUB_SECRET: "e2e-github-client-secret",
    RATE_LIMIT_SEND_MAX: "10000",
    RATE_LIMIT_CHANNEL_AUTH_MAX: "10000",
    RATE_LIMIT_RESET_IP_MAX: "10000",
    // Mail over real SMTP to the catcher; unread emails after 3 s, looked for every second.
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: "JobChat <no-reply@e2e.example>",
    NOTIFY_EMAIL_DELAY_MINUTES: "0.05",
    NOTIFY_DIGEST_INTERVAL_MS: "1000",
    // Specs call GET /api/cron/notifications with it (playwright.config.ts shares it).
    ...(process.env.E2E_CRON_SECRET ? { CRON_SECRET: process.env.E2E_CRON_SECRET } : {}),
  };
  const bin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  next = spawn(process.execPath, [bin, nextMode, "-p", String(port)], { stdio: "inherit", env });
  next.on("exit", (code) => {
    if (!stopping) {
      log("next exited", { code });
      void shutdown(1);
    }
  });
  log("ready", { port, controlPort, realtimePort, mode: nextMode });
}

/** Production requires a VAPID identity; a fresh pair per run. */
function vapidEnv() {
  const keys = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: "mailto:e2e@example.com" };
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (next && next.exitCode === null) {
    const exited = new Promise((resolve) => next!.once("exit", resolve));
    next.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (next.exitCode === null) next.kill("SIGKILL");
  }
  control?.close();
  await mail?.close().catch(() => {});
  await stopRealtime().catch(() => {});
  await database?.stop().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error);
  void shutdown(1);
});
