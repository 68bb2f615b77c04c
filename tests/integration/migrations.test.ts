import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { MigrationError, migrate, readMigrations } from "@/scripts/db/migrate-runner";

const admin = inject("adminDatabaseUrl");
const name = `jobchat_migrations_${process.pid}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
})();

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function tempMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-mig-"));
  for (const [folder, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  }
  return dir;
}

describe("migration runner", () => {
  beforeAll(() => ensureDatabase(admin, name));
  afterAll(() => dropDatabase(admin, name));

  it("applies the project's migrations in order and records Prisma-compatible rows", async () => {
    const result = await migrate(url);
    const expected = readMigrations().map((m) => m.name);
    expect(result.applied).toEqual(expected);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at, migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[i].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is idempotent: a second run applies nothing", async () => {
    const result = await migrate(url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied.length).toBe(readMigrations().length);
  });

  it("applies in name order, and refuses a modified applied migration", async () => {
    const other = `${name}_b`;
    await ensureDatabase(admin, other);
    const u = new URL(admin);
    u.pathname = `/${other}`;
    try {
      const dir = tempMigrations({
        "002_second": "INSERT INTO t VALUES (2);",
        "001_first": "CREATE TABLE t (v int);",
      });
      expect((await migrate(u.toString(), dir)).applied).toEqual(["001_first", "002_second"]);
      writeFileSync(path.join(dir, "001_first", "migration.sql"), "CREATE TABLE t (v bigint);");
      await expect(migrate(u.toString(), dir)).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await dropDatabase(admin, other);
    }
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const other = `${name}_c`;
    await ensureDatabase(admin, other);
    const u = new URL(admin);
    u.pathname = `/${other}`;
    try {
      const dir = tempMigrations({ "001_ok": "CREATE TABLE a (v int);", "002_bad": "CREATE TABLE b (v int); SELECT nope;" });
      await expect(migrate(u.toString(), dir)).rejects.toThrow(/002_bad/);
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      const names = (await client.query(`SELECT migration_name FROM _prisma_migrations`)).rows.map((r) => r.migration_name);
      const b = (await client.query(`SELECT to_regclass('b') AS t`)).rows[0].t;
      await client.end();
      expect(names).toEqual(["001_ok"]);
      expect(b).toBeNull();
    } finally {
      await dropDatabase(admin, other);
    }
  });
});
