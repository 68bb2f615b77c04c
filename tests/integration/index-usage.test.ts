// Each of the seed's eight indexes is used by the query it exists for, on data large enough
// for the planner to prefer an index (set-based generated: 400 users, 2,000 rooms, 60,000 messages).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";

const admin = inject("adminDatabaseUrl");
const name = `jobchat_indexes_${process.pid}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
})();
const client = new pg.Client({ connectionString: url });

async function plan(sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await client.query(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the seed's indexes are used", () => {
  beforeAll(async () => {
    await ensureDatabase(admin, name);
    await migrate(url);
    await client.connect();
    await client.query(`
      INSERT INTO users (username, email, display_name) SELECT 'u' || g, 'u' || g || '@x.test', 'U ' || g FROM generate_series(1, 400) g;
      INSERT INTO jobs (title, client_id, cleaner_id) SELECT 'Job ' || g, 1 + g % 400, 1 + (g * 7) % 400 FROM generate_series(1, 1000) g;
      INSERT INTO chat_chatroom (name, kind, job_id, updated_at, last_message_time)
        SELECT 'Room ' || g, CASE WHEN g <= 1000 THEN 'JOB'::room_kind ELSE 'GROUP'::room_kind END, CASE WHEN g <= 1000 THEN g END,
               now() - g * interval '1 minute', now() - g * interval '1 minute'
        FROM generate_series(1, 2000) g;
      INSERT INTO chat_chatparticipant (room_id, user_id, last_seen)
        SELECT r, 1 + (r * k) % 400, now() - (r * k) * interval '1 second' FROM generate_series(1, 2000) r, generate_series(1, 3) k
        ON CONFLICT DO NOTHING;
      INSERT INTO chat_message (room_id, sender_id, content, timestamp, is_read, client_id)
        SELECT 1 + g % 50, 1 + g % 400, 'm' || g, now() - g * interval '1 second', g % 3 = 0, gen_random_uuid()
        FROM generate_series(1, 60000) g;
      ANALYZE;`);
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await dropDatabase(admin, name);
  });

  const cases: Array<[string, string, unknown[]]> = [
    ["chat_room_time_idx", "SELECT id FROM chat_message WHERE room_id = $1 ORDER BY timestamp DESC LIMIT 50", [7]],
    ["chat_room_id_idx", "SELECT id FROM chat_message WHERE room_id BETWEEN $1::int AND $1::int AND id < $2 ORDER BY room_id, id DESC LIMIT 51", [7, 50000]],
    ["chat_unread_idx", "SELECT count(*) FROM chat_message WHERE room_id = $1 AND is_read = false AND sender_id <> $2", [7, 3]],
    ["chat_sender_time_idx", "SELECT id FROM chat_message WHERE sender_id = $1 ORDER BY timestamp DESC LIMIT 50", [9]],
    ["chat_part_room_user_idx", "SELECT id FROM chat_chatparticipant WHERE room_id = $1 AND user_id = $2", [7, 8]],
    ["chat_part_user_seen_idx", "SELECT room_id FROM chat_chatparticipant WHERE user_id = $1 ORDER BY last_seen DESC LIMIT 20", [5]],
    ["chat_room_updated_idx", "SELECT id FROM chat_chatroom ORDER BY updated_at DESC LIMIT 20", []],
    ["chat_room_job_idx", "SELECT id FROM chat_chatroom WHERE job_id = $1", [5]],
  ];
  for (const [index, sql, params] of cases) {
    it(`${index}: ${sql}`, async () => {
      const text = await plan(sql, params);
      if (process.env.PRINT_PLANS) console.log(`-- ${index}\n${text}`);
      expect(text, text).toMatch(new RegExp(`(?:using|on) ${index}\\b`));
      expect(text, text).not.toMatch(/Seq Scan/);
    });
  }
});
