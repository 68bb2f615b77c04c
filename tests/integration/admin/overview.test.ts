// The dashboard's numbers: right on known data, and cheap on a big table (no statement reads
// chat_message in bulk; the plans are checked with EXPLAIN on a generated data set).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createQueryLoggingPrismaClient, db } from "@/lib/db";
import { getOverview, type Overview } from "@/lib/admin/overview";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";
import { makeRoom, makeUser } from "@/tests/support/factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("overview numbers", () => {
  it("counts users, rooms, messages (total, 24 h, per hour, per day), active senders and top rooms", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const now = Date.now();
    // Exact totals whatever else the shared test database holds (other suites load 240k rows).
    const exact = { now, estimateFrom: Number.POSITIVE_INFINITY };
    const before = await getOverview(admin, exact);
    const [busy, quiet] = await Promise.all([makeUser(), makeUser()]);
    const room = await makeRoom([busy.id, quiet.id]);
    const at = (ms: number) => new Date(now - ms);
    const message = (senderId: number, timestamp: Date) => ({ roomId: room.id, senderId, content: "x", clientId: crypto.randomUUID(), timestamp });
    // One INSERT statement for all of them: the rollup trigger groups them by hour and room.
    await db.message.createMany({
      data: [
        ...Array.from({ length: 200 }, () => message(busy.id, at(HOUR))),
        message(quiet.id, at(30 * HOUR)),
        ...Array.from({ length: 3 }, () => message(busy.id, at(10 * DAY))),
        message(quiet.id, at(40 * DAY)),
      ],
    });
    const after = await getOverview(admin, exact);

    expect(after.users - before.users).toBe(2);
    expect(after.rooms - before.rooms).toBe(1);
    expect(after.messagesEstimated).toBe(false);
    expect(after.messages - before.messages).toBe(205);
    expect(after.messages24h - before.messages24h).toBe(200);
    expect(after.activeUsers24h - before.activeUsers24h).toBe(1);

    // The change in the bucket holding `time`.
    const delta = (pick: (o: Overview) => Overview["perHour"], step: number, time: number) => {
      const count = (o: Overview) => pick(o).find((p) => p.at.getTime() <= time && time < p.at.getTime() + step)?.count ?? 0;
      return count(after) - count(before);
    };
    const hours = (o: Overview) => o.perHour;
    const days = (o: Overview) => o.perDay;
    expect(after.perHour).toHaveLength(48);
    expect(after.perDay).toHaveLength(30);
    expect(delta(hours, HOUR, now - HOUR)).toBe(200);
    expect(delta(hours, HOUR, now - 30 * HOUR)).toBe(1);
    expect(delta(days, DAY, now - 10 * DAY)).toBe(3);
    expect(after.perDay.reduce((s, p) => s + p.count, 0) - before.perDay.reduce((s, p) => s + p.count, 0)).toBe(204);
    expect(after.perHour.at(-1)?.at.getTime()).toBe(Math.floor(now / HOUR) * HOUR);
    expect(after.perDay.at(-1)?.at.getTime()).toBe(Math.floor(now / DAY) * DAY);

    // Top rooms from the rollup equal the top rooms counted from the messages themselves (other
    // suites' rooms share this database, so ours need not be first).
    const since = new Date(Math.floor(now / HOUR) * HOUR - 7 * DAY);
    const truth = await db.$queryRaw<Array<{ id: number; count: number }>>`
      SELECT room_id AS id, count(*)::int AS count FROM chat_message WHERE timestamp >= ${since}
      GROUP BY room_id ORDER BY count DESC, room_id LIMIT 10`;
    expect(after.topRooms.map(({ id, count }) => ({ id, count }))).toEqual(truth);
    const [ours] = await db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM chat_message WHERE room_id = ${room.id} AND timestamp >= ${since}`;
    expect(ours?.count).toBe(201);
  });
});

describe("overview query plans at scale", () => {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `jobchat_overview_${process.pid}`;
  const url = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const client = new pg.Client({ connectionString: url });
  const captured = createQueryLoggingPrismaClient(url);
  const statements: Array<{ query: string; params: string }> = [];
  captured.$on("query", (e) => statements.push({ query: e.query, params: e.params }));

  beforeAll(async () => {
    await ensureDatabase(adminUrl, name);
    await migrate(url);
    await client.connect();
    await client.query(`
      INSERT INTO users (username, email, display_name, role)
        SELECT 'u' || g, 'u' || g || '@x.test', 'U ' || g, CASE WHEN g = 1 THEN 'ADMIN'::role ELSE 'USER'::role END FROM generate_series(1, 2000) g;
      INSERT INTO chat_chatroom (name, kind) SELECT 'Room ' || g, 'GROUP' FROM generate_series(1, 2000) g;
      INSERT INTO chat_message (room_id, sender_id, content, timestamp, client_id)
        SELECT 1 + g % 2000, 1 + (g * 7) % 2000, 'm' || g, now() - (g % 5000000) * interval '1 second', gen_random_uuid()
        FROM generate_series(1, 200000) g;
      ANALYZE;`);
  }, 300_000);
  afterAll(async () => {
    await client.end();
    await captured.$disconnect();
    await dropDatabase(adminUrl, name);
  });

  it("reads chat_message only through chat_sender_time_idx, and never scans it", async () => {
    const overview = await getOverview({ id: 1, username: "u1", name: "U 1", role: "ADMIN" }, { client: captured });
    expect(overview.messagesEstimated).toBe(true);
    expect(overview.messages).toBeGreaterThan(150_000);
    const plans: string[] = [];
    for (const s of statements) {
      const { rows } = await client.query(`EXPLAIN ${s.query}`, JSON.parse(s.params));
      plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    if (process.env.PRINT_PLANS) console.log(plans.join("\n\n"));
    expect(plans.length).toBeGreaterThanOrEqual(6);
    const all = plans.join("\n\n");
    expect(all, all).not.toMatch(/Seq Scan on chat_message\b(?!_)/);
    const touching = plans.filter((p) => /chat_message\b(?!_)/.test(p) || /chat_sender_time_idx/.test(p));
    expect(touching, all).toHaveLength(1);
    expect(touching[0]).toMatch(/chat_sender_time_idx/);
  });
});
