// The benchmark's PostgreSQL: the server at DATABASE_URL when set, otherwise an embedded one in
// .data/bench-postgres. Either way it works in its own database (jobchat_bench or
// jobchat_bench_smoke), so development data is never touched.
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";

export const BENCH_DATA_DIR = path.join(process.cwd(), ".data", "bench-postgres");
const BENCH_PORT = 54339;

export type BenchServer = {
  adminUrl: string;
  embedded: boolean;
  urlFor(database: string): string;
  exists(database: string): Promise<boolean>;
  recreate(database: string): Promise<void>;
  stop(): Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function openBenchServer(configuredUrl: string | undefined): Promise<BenchServer> {
  let adminUrl: string;
  let stop = async () => {};
  if (configuredUrl) {
    adminUrl = withDatabase(configuredUrl, "postgres");
  } else {
    const server = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, preferredPort: BENCH_PORT });
    adminUrl = server.url("postgres");
    if (server.owned) stop = () => server.stop();
  }
  return {
    adminUrl,
    embedded: !configuredUrl,
    urlFor: (database) => withDatabase(adminUrl, database),
    exists: async (database) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
        return Boolean(rowCount);
      } finally {
        await client.end();
      }
    },
    recreate: async (database) => {
      await dropDatabase(adminUrl, database);
      await ensureDatabase(adminUrl, database);
    },
    stop,
  };
}

/** Runs `fn` with a connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
