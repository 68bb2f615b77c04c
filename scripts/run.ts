// npm run dev / npm start: brings up the embedded defaults (PostgreSQL, realtime server with
// per-checkout generated credentials, a mail catcher) for whatever is not configured, migrates, seeds demo data
// on first start, then runs Next. With NODE_ENV=production or VERCEL=1 set in the environment
// nothing is embedded or generated: every production setting must be given, or it refuses.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { describeProblems, productionProblems } from "@/lib/env-production";
import { describeInvalid, invalidVariables } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { openDevDatabase } from "./db/dev-database";
import { migrate } from "./db/migrate-runner";
import { freePort } from "./db/free-port";
import { localMarketplaceToken, localNextAuthSecret, localRealtimeCredentials, localVapidKeys } from "./local-secrets";
import { seedDemoData } from "@/prisma/seed-data";
import { startRealtimeServer } from "@/realtime-server";
import { pusherEnv } from "@/realtime-server";

const mode = process.argv[2] === "start" ? "start" : "dev";
// .env files, read the way Next reads them, so what they set decides what is embedded; an empty
// value (as in a copied .env.example) counts as unset.
loadEnvConfig(process.cwd(), mode === "dev");
for (const [name, value] of Object.entries(process.env)) if (value === "") delete process.env[name];
const log = (msg: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: "info", msg, ...extra }));
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const port = Number(env.PORT ?? 3000);
const stops: Array<() => Promise<void>> = [];

/** Throws, naming the variables at fault, when `source` would run production on development defaults. */
function refuseDevelopmentDefaults(source: NodeJS.ProcessEnv): void {
  const problems = productionProblems(source);
  if (problems.length) throw new AppError("unavailable", describeProblems(problems));
  // Any mode: a value the app's environment schema refuses fails here, before anything starts.
  const invalid = invalidVariables(source);
  if (invalid.length) throw new AppError("invalid_input", describeInvalid(invalid));
}

async function main() {
  // Before anything is started: production configured in the environment embeds nothing.
  refuseDevelopmentDefaults(env);
  const database = await openDevDatabase();
  if (database.embedded?.owned) stops.push(() => database.embedded!.stop());
  env.DATABASE_URL = database.url;
  log("database", { embedded: Boolean(database.embedded), port: database.embedded?.port });

  const { applied } = await migrate(database.url);
  if (applied.length) log("migrated", { applied });
  const production = (env.NODE_ENV ?? (mode === "start" ? "production" : "development")) === "production";
  if (database.embedded && (!production || env.SEED_DEMO === "1" || env.SEED_DEMO === "true")) {
    log("demo data", await seedDemoData(database.url));
  }

  if (!env.PUSHER_APP_ID || !env.PUSHER_KEY || !env.PUSHER_SECRET) {
    const credentials = localRealtimeCredentials();
    const realtime = await startRealtimeServer({ host: "127.0.0.1", port: Number(env.REALTIME_PORT ?? 6001), ...credentials });
    stops.push(() => realtime.close());
    Object.assign(env, {
      ...pusherEnv(realtime),
    });
    log("embedded realtime server", { port: realtime.port });
  }
  if (!env.SMTP_URL) {
    // Mail stays on this machine: kept under .data/mail/ and listed on a local page.
    // Imported only here: smtp-server and mailparser are development dependencies.
    const { startMailCatcher, startMailViewer } = await import("./mail-catcher");
    const catcher = await startMailCatcher({ dir: path.join(process.cwd(), ".data", "mail") });
    const viewer = await startMailViewer(catcher, await freePort(Number(env.MAIL_VIEWER_PORT ?? 1080)));
    stops.push(() => catcher.close());
    stops.push(() => new Promise((done) => viewer.close(() => done())));
    env.SMTP_URL = catcher.smtpUrl;
    env.MAIL_FROM ??= "JobChat <no-reply@localhost>";
    const address = viewer.address();
    const viewerPort = typeof address === "object" && address ? address.port : 0;
    log("local mail catcher: read the mail the app sends here", {
      url: `http://127.0.0.1:${viewerPort}`,
      files: ".data/mail/",
      smtp: catcher.smtpUrl,
    });
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env.NEXTAUTH_SECRET ??= localNextAuthSecret();
  // A local preview is reached directly, without a proxy.
  env.TRUSTED_PROXY_HOPS ??= "0";
  // Production wants the marketplace's token; `npm run dev` leaves it unset (the door answers 404).
  if (mode === "start") env.MARKETPLACE_API_TOKEN ??= localMarketplaceToken();
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) {
    const keys = localVapidKeys();
    env.VAPID_PUBLIC_KEY = keys.publicKey;
    env.VAPID_PRIVATE_KEY = keys.privateKey;
  }
  env.VAPID_SUBJECT ??= `mailto:admin@${new URL(env.NEXTAUTH_URL).hostname}`;

  // `npm start` without NODE_ENV is a local preview of the production build: the embedded values
  // above are generated per checkout, and whatever was configured must pass production's check.
  if (mode === "start") refuseDevelopmentDefaults({ ...env, NODE_ENV: "production" });
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log("no production build yet: running next build");
    const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const child = spawn(process.execPath, [next, mode, "-p", String(port)], { stdio: "inherit", env });
  const shutdown = async (code: number) => {
    child.kill("SIGTERM");
    for (const stop of stops.reverse()) await stop().catch(() => {});
    process.exit(code);
  };
  child.on("exit", (code) => void shutdown(code ?? 0));
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
}

main().catch(async (error) => {
  console.error(error instanceof AppError ? JSON.stringify({ level: "fatal", msg: error.message }) : error);
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(1);
});
