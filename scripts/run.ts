// npm run dev / npm start: brings up the embedded defaults (PostgreSQL, realtime server)
// for whatever is not configured, migrates, seeds demo data on first start, then runs Next.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { openDevDatabase } from "./db/dev-database";
import { migrate } from "./db/migrate-runner";
import { seedDemoData } from "@/prisma/seed-data";
import { startRealtimeServer } from "@/realtime-server";

const mode = process.argv[2] === "start" ? "start" : "dev";
// .env files, read the way Next reads them, so what they set decides what is embedded; an empty
// value (as in a copied .env.example) counts as unset.
loadEnvConfig(process.cwd(), mode === "dev");
for (const [name, value] of Object.entries(process.env)) if (value === "") delete process.env[name];
const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: "info", msg, ...extra }));
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const port = Number(env.PORT ?? 3000);
const stops: Array<() => Promise<void>> = [];

/** A stable per-checkout secret for the embedded defaults, so sessions survive restarts. */
function localSecret(): string {
  const file = path.join(process.cwd(), ".data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
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
    const realtime = await startRealtimeServer({ host: "127.0.0.1", port: Number(env.REALTIME_PORT ?? 6001) });
    stops.push(() => realtime.close());
    Object.assign(env, {
      PUSHER_APP_ID: realtime.appId,
      PUSHER_KEY: realtime.key,
      PUSHER_SECRET: realtime.secret,
      PUSHER_HOST: realtime.host,
      PUSHER_PORT: String(realtime.port),
      PUSHER_USE_TLS: "false",
    });
    log("embedded realtime server", { port: realtime.port });
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env.NEXTAUTH_SECRET ??= localSecret();

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
  console.error(error);
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(1);
});
