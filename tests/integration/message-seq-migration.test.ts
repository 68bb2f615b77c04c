// The seq migration on a database that already holds messages: each room's messages are numbered
// 1, 2, 3… in id order and the room's last_seq is its newest; afterwards an insert that leaves seq
// out (the seed, bulk loads) continues the room's numbering, several rows in one statement too.
import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/scripts/db/migrate-runner";

const SEQ_MIGRATION = "20261202010000_message_seq";
const admin = inject("adminDatabaseUrl");
const name = `jobchat_seq_migration_${process.pid}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
})();

/** The project's migrations up to, not including, the seq migration. */
function migrationsBeforeSeq(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobchat-seq-"));
  for (const m of readMigrations()) {
    if (m.name >= SEQ_MIGRATION) break;
    cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  }
  return dir;
}

describe("migration 20261202010000_message_seq", () => {
  const client = new pg.Client({ connectionString: url });
  let rooms: number[] = [];
  beforeAll(async () => {
    await ensureDatabase(admin, name);
    await migrate(url, migrationsBeforeSeq());
    await client.connect();
    const user = (
      await client.query<{ id: number }>("INSERT INTO users (username, email, display_name) VALUES ('s', 's@x.example', 'S') RETURNING id")
    ).rows[0].id;
    rooms = (
      await client.query<{ id: number }>("INSERT INTO chat_chatroom (name, kind) VALUES ('a', 'GROUP'), ('b', 'GROUP'), ('c', 'GROUP') RETURNING id")
    ).rows.map((r) => r.id);
    // Interleaved across rooms a and b, in this id order; room c has none.
    for (const room of [rooms[0], rooms[1], rooms[0], rooms[0], rooms[1]]) {
      await client.query("INSERT INTO chat_message (room_id, sender_id, content, client_id) VALUES ($1, $2, 'old', gen_random_uuid())", [room, user]);
    }
    await migrate(url);
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(admin, name);
  });

  const seqs = async (room: number) =>
    (await client.query<{ seq: number }>("SELECT seq FROM chat_message WHERE room_id = $1 ORDER BY id", [room])).rows.map((r) => r.seq);
  const lastSeq = async (room: number) =>
    (await client.query<{ last_seq: number }>("SELECT last_seq FROM chat_chatroom WHERE id = $1", [room])).rows[0].last_seq;

  it("numbers existing messages per room in id order and sets each room's last_seq", async () => {
    expect(await seqs(rooms[0])).toEqual([1, 2, 3]);
    expect(await seqs(rooms[1])).toEqual([1, 2]);
    expect([await lastSeq(rooms[0]), await lastSeq(rooms[1]), await lastSeq(rooms[2])]).toEqual([3, 2, 0]);
  });

  it("continues the numbering for inserts without a seq, one row or many per statement", async () => {
    const sender = (await client.query<{ id: number }>("SELECT id FROM users LIMIT 1")).rows[0].id;
    await client.query("INSERT INTO chat_message (room_id, sender_id, content, client_id) VALUES ($1, $2, 'new', gen_random_uuid())", [
      rooms[0],
      sender,
    ]);
    await client.query(
      "INSERT INTO chat_message (room_id, sender_id, content, client_id) SELECT r, $3, 'bulk', gen_random_uuid() FROM unnest(ARRAY[$1, $2, $1, $2]::int[]) r",
      [rooms[1], rooms[2], sender],
    );
    expect(await seqs(rooms[0])).toEqual([1, 2, 3, 4]);
    expect(await seqs(rooms[1])).toEqual([1, 2, 3, 4]);
    expect(await seqs(rooms[2])).toEqual([1, 2]);
    expect([await lastSeq(rooms[0]), await lastSeq(rooms[1]), await lastSeq(rooms[2])]).toEqual([4, 4, 2]);
  });

  it("refuses a second message with a room's seq", async () => {
    const sender = (await client.query<{ id: number }>("SELECT id FROM users LIMIT 1")).rows[0].id;
    await expect(
      client.query("INSERT INTO chat_message (room_id, sender_id, content, client_id, seq) VALUES ($1, $2, 'dup', gen_random_uuid(), 1)", [
        rooms[0],
        sender,
      ]),
    ).rejects.toThrow(/chat_message_room_seq_key/);
  });
});
