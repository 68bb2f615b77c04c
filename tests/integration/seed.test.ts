import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";
import { BIG_ROOM_MESSAGES, BIG_ROOM_NAME, DEMO_JOBS, seedDemoData } from "@/prisma/seed-data";
import { READ_ONLY_AFTER_MS } from "@/lib/jobs/status";

const admin = inject("adminDatabaseUrl");
const name = `jobchat_seed_${process.pid}`;
const u = new URL(admin);
u.pathname = `/${name}`;
const url = u.toString();

/** Every seeded table's rows, as text, so two snapshots compare exactly. */
async function snapshot(): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const table of ["users", "jobs", "chat_chatroom", "chat_chatparticipant", "chat_message", "chat_attachment"]) {
      const { rows } = await client.query(`SELECT t::text AS row FROM ${table} t ORDER BY id`);
      out[table] = rows.map((r) => r.row);
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("demo seed", () => {
  beforeAll(async () => {
    await ensureDatabase(admin, name);
    await migrate(url);
  }, 120_000);
  afterAll(() => dropDatabase(admin, name));

  it("creates the demo users, rooms and the 5,000-message room with consistent denormalized fields", async () => {
    const summary = await seedDemoData(url);
    expect(summary.users).toBe(5);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const users = (await client.query(`SELECT username, email, role, password_hash FROM users ORDER BY username`)).rows;
      expect(users.map((r) => r.username)).toEqual(["admin", "cleaner1", "cleaner2", "client1", "client2"]);
      expect(users.find((r) => r.username === "admin").role).toBe("ADMIN");
      for (const r of users) {
        expect(r.email).toBe(`${r.username}@example.com`);
        expect(r.password_hash).toMatch(/^\$2[aby]\$/);
      }
      const big = (
        await client.query(
          `SELECT r.id, count(m.id)::int AS n, min(m.timestamp) AS first, max(m.timestamp) AS last
          FROM chat_chatroom r JOIN chat_message m ON m.room_id = r.id WHERE r.name = $1 GROUP BY r.id`,
          [BIG_ROOM_NAME],
        )
      ).rows[0];
      expect(big.n).toBe(BIG_ROOM_MESSAGES);
      expect(big.last.getTime() - big.first.getTime()).toBeGreaterThan(14 * 86_400_000);
      // client1 and cleaner1 share a job room that client2 is not in.
      const shared = await client.query(`SELECT r.id FROM chat_chatroom r WHERE r.kind = 'JOB'
          AND EXISTS (SELECT 1 FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id WHERE p.room_id = r.id AND u.username = 'client1')
          AND EXISTS (SELECT 1 FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id WHERE p.room_id = r.id AND u.username = 'cleaner1')
          AND NOT EXISTS (SELECT 1 FROM chat_chatparticipant p JOIN users u ON u.id = p.user_id WHERE p.room_id = r.id AND u.username = 'client2')`);
      expect(shared.rowCount).toBeGreaterThan(0);
      // Job rooms are named after real-looking jobs, with a date, an area and a status; one was
      // completed over 14 days ago, so the demo shows a read-only room.
      const jobRooms = (
        await client.query(`SELECT r.name, j.title, j.area, j.scheduled_at, j.status::text AS status, j.status_changed_at
          FROM chat_chatroom r JOIN jobs j ON j.id = r.job_id ORDER BY r.id`)
      ).rows;
      expect(jobRooms.map((r) => r.name)).toEqual(DEMO_JOBS.map((j) => j.title));
      for (const r of jobRooms) {
        expect(r.name).toBe(r.title);
        expect(r.area).toMatch(/, London /);
        expect(r.scheduled_at).toBeInstanceOf(Date);
      }
      const finished = jobRooms.filter((r) => r.status === "completed" && Date.now() - r.status_changed_at.getTime() > READ_ONLY_AFTER_MS);
      expect(finished).toHaveLength(1);
      const kinds = (await client.query(`SELECT DISTINCT kind FROM chat_chatroom ORDER BY kind`)).rows.map((r) => r.kind);
      expect(kinds).toEqual(["DIRECT", "GROUP", "JOB"]);
      // Denormalized last message equals the newest message of each room.
      const wrongLast = await client.query(`SELECT r.id FROM chat_chatroom r
          JOIN LATERAL (SELECT * FROM chat_message m WHERE m.room_id = r.id ORDER BY id DESC LIMIT 1) m ON true
          WHERE r.last_message_content <> left(m.content, 200) OR r.last_message_time <> m.timestamp OR r.last_message_sender_id <> m.sender_id`);
      expect(wrongLast.rowCount).toBe(0);
      const wrongUnread = await client.query(`SELECT p.id FROM chat_chatparticipant p
          WHERE p.unread_count <> (SELECT count(*) FROM chat_message m WHERE m.room_id = p.room_id AND m.sender_id <> p.user_id
            AND m.id > COALESCE(p.last_read_message_id, 0))`);
      expect(wrongUnread.rowCount).toBe(0);
      // A few generated photos on demo messages, stored where the app serves them from.
      const photos = (
        await client.query(`SELECT a.name, a.kind, a.width, a.storage_key, a.thumb_key, a.message_id FROM chat_attachment a WHERE a.status = 'ready'`)
      ).rows;
      expect(photos.map((p) => p.name).sort()).toEqual(["bathroom-tiles.jpg", "kitchen-after.jpg", "oven.jpg"]);
      for (const p of photos) {
        expect(p).toMatchObject({ kind: "image", width: 1200, message_id: expect.any(String) });
        const meta = await sharp(readFileSync(path.join(process.env.UPLOADS_DIR ?? "", p.thumb_key))).metadata();
        expect(meta).toMatchObject({ format: "webp", width: 400, height: 300 });
        expect(existsSync(path.join(process.env.UPLOADS_DIR ?? "", p.storage_key))).toBe(true);
      }
    } finally {
      await client.end();
    }
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await snapshot();
    await seedDemoData(url);
    expect(await snapshot()).toEqual(before);
  });
});
