// Where the numbers were measured.
import os from "node:os";
import { withClient } from "./database";

export type Machine = {
  cpus: number;
  cpu_model: string;
  memory_gb: number;
  node: string;
  os: string;
  postgres: string;
  postgres_settings: Record<string, string>;
  /** 1/5/15-minute load averages when measuring began: other work on the machine skews timings. */
  load_average: number[];
};

export async function describeMachine(url: string): Promise<Machine> {
  const { version, settings } = await withClient(url, async (client) => {
    const v = await client.query<{ server_version: string }>("SHOW server_version");
    const s = await client.query<{ name: string; value: string }>(
      "SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'max_connections', 'synchronous_commit') ORDER BY name",
    );
    return { version: v.rows[0].server_version, settings: Object.fromEntries(s.rows.map((r) => [r.name, r.value])) };
  });
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? "unknown",
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres: version,
    postgres_settings: settings,
    load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
