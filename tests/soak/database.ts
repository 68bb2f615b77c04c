// The soak's own PostgreSQL: a separate embedded server (its own data dir and port), so stopping
// it mid-soak disturbs no other test. `stop()` and `start()` are the database fault: the same
// data dir comes back on the same port, and the app's one Prisma client must find it again.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";

const NAME = "jobchat_soak";

export type SoakDatabase = {
  url: string;
  port: number;
  /** Fast shutdown (SIGINT): open connections are terminated, new ones refused. */
  stop(): Promise<void>;
  /** Starts the same data dir on the same port again. */
  start(): Promise<void>;
  close(): Promise<void>;
};

export async function startSoakDatabase(): Promise<SoakDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-soak-pg-"));
  const dataDir = path.join(dir, "data");
  let server: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir });
  const port = server.port;
  await ensureDatabase(server.url("postgres"), NAME);
  const url = server.url(NAME);
  await migrate(url);
  return {
    url,
    port,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      const started = await startEmbeddedPostgres({ dataDir, preferredPort: port });
      server = started;
      if (started.port !== port) throw new Error(`PostgreSQL came back on port ${started.port}, not ${port} (the port was taken)`);
    },
    async close() {
      await server?.stop();
      server = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
