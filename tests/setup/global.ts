// Vitest global setup: one throw-away PostgreSQL database per run, migrated, never the dev data.
// With DATABASE_URL set it creates a fresh database on that server; otherwise it starts an
// embedded PostgreSQL in a temp directory and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";
import { randomCredentials, startRealtimeServer } from "@/realtime-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    /** The local-disk storage driver's folder for this run (UPLOADS_DIR), removed afterwards. */
    uploadsDir: string;
    realtime: { host: string; port: number; appId: string; key: string; secret: string };
  }
}

export default async function setup(project: TestProject) {
  const name = `jobchat_test_${process.pid}_${Date.now()}`;
  let adminUrl: string;
  let teardown: () => Promise<void>;
  const external = process.env.DATABASE_URL;
  if (external) {
    const u = new URL(external);
    u.pathname = "/postgres";
    adminUrl = u.toString();
    teardown = async () => {};
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    adminUrl = server.url("postgres");
    teardown = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  await ensureDatabase(adminUrl, name);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  await migrate(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  const uploadsDir = mkdtempSync(path.join(os.tmpdir(), "jobchat-test-uploads-"));
  project.provide("uploadsDir", uploadsDir);
  project.provide("adminDatabaseUrl", adminUrl);
  // The app publishes to a real Pusher-protocol server during tests, never a mock, with this
  // run's own credentials rather than Soketi's public defaults.
  const realtime = await startRealtimeServer({ host: "127.0.0.1", port: 0, ...randomCredentials() });
  const { host, port, appId, key, secret } = realtime;
  project.provide("realtime", { host, port, appId, key, secret });
  return async () => {
    await realtime.close();
    rmSync(uploadsDir, { recursive: true, force: true });
    await dropDatabase(adminUrl, name).catch(() => {});
    await teardown();
  };
}
