// Resolves the database for development scripts: DATABASE_URL when set (nothing started),
// otherwise the embedded PostgreSQL under .data/postgres with a `jobchat` database. Production
// (NODE_ENV=production or VERCEL=1) never gets the embedded one: no DATABASE_URL, no start.
import path from "node:path";
import { databaseProblems, describeProblems, isProductionEnv } from "@/lib/env-production";
import { AppError } from "@/lib/errors";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const DEV_DATA_DIR = path.join(process.cwd(), ".data", "postgres");
export const DEV_DATABASE = "jobchat";
const DEV_PORT = 54329;

export type DevDatabase = { url: string; embedded: EmbeddedDatabase | null };

export async function openDevDatabase(): Promise<DevDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  if (isProductionEnv(process.env)) throw new AppError("unavailable", describeProblems(databaseProblems(process.env)));
  const embedded = await startEmbeddedPostgres({ dataDir: DEV_DATA_DIR, preferredPort: DEV_PORT });
  await ensureDatabase(embedded.url("postgres"), DEV_DATABASE);
  return { url: embedded.url(DEV_DATABASE), embedded };
}

/** Runs `fn` with a database URL, stopping the embedded server afterwards if we started it. */
export async function withDatabase(fn: (url: string) => Promise<void>): Promise<void> {
  const db = await openDevDatabase();
  try {
    await fn(db.url);
  } finally {
    if (db.embedded?.owned) await db.embedded.stop();
  }
}
