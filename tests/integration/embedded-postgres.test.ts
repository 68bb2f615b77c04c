import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";

const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-embedded-"));

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves a process's exit code alone (a failing test run must not exit 0)", () => {
    const child = spawnSync(process.execPath, ["--import", "tsx", "tests/support/exit-code-fixture.ts"], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });

  it("starts, stops and restarts on the same data directory, keeping the data", async () => {
    const first = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    expect(first.owned).toBe(true);
    await run(first.url("postgres"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(run(first.url("postgres"), "SELECT 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    try {
      expect(await run(second.url("postgres"), "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
      // A second start on a running data dir reuses that server instead of failing.
      const reused = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
      expect(reused.owned).toBe(false);
      expect(reused.port).toBe(second.port);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
