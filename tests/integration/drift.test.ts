// Drift: a freshly migrated database (the global setup's) must match prisma/schema.prisma.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readPrismaSchema } from "@/tests/support/prisma-schema";

const expected = readPrismaSchema();
const client = new pg.Client({ connectionString: inject("databaseUrl") });

type ColumnRow = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string };

describe("migrations match schema.prisma", () => {
  let columns: ColumnRow[] = [];
  let indexes: string[] = [];
  beforeAll(async () => {
    await client.connect();
    columns = (
      await client.query<ColumnRow>(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = ANY($1)`,
        [expected.tables],
      )
    ).rows;
    indexes = (
      await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)`, [
        expected.tables,
      ])
    ).rows.map((r) => r.indexname);
  });
  afterAll(() => client.end());

  it("has every model's table", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...expected.tables].sort());
  });

  it("has exactly the schema's columns, with their types and nullability", () => {
    const actual = columns
      .map((c) => ({
        table: c.table_name,
        column: c.column_name,
        type: c.data_type === "USER-DEFINED" ? `enum:${c.udt_name}` : c.data_type,
        nullable: c.is_nullable === "YES",
      }))
      .sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
    const wanted = [...expected.columns].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
    expect(actual).toEqual(wanted);
  });

  it("has exactly the schema's indexes, by name (the seed's eight among them)", () => {
    expect([...indexes].sort()).toEqual([...expected.indexes].sort());
    for (const seedIndex of [
      "chat_room_time_idx",
      "chat_room_id_idx",
      "chat_unread_idx",
      "chat_sender_time_idx",
      "chat_part_room_user_idx",
      "chat_part_user_seen_idx",
      "chat_room_updated_idx",
      "chat_room_job_idx",
    ]) {
      expect(indexes).toContain(seedIndex);
    }
  });

  it("stores no typing state anywhere", () => {
    expect(columns.map((c) => c.column_name)).not.toContain("is_typing");
  });
});
