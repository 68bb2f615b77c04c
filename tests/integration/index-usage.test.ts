// Each of the seed's eight indexes is used by the app query it exists for. The app's own lib
// functions run against a database large enough for the planner to prefer an index
// (set-based generated: 400 users, 2,000 rooms, 60,000 messages) through a Prisma client that
// reports every statement; the test EXPLAINs those statements with their parameters, so a
// change to an app query is what fails here.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/credentials";
import { dropDatabase, ensureDatabase } from "@/scripts/db/embedded-postgres";
import { migrate } from "@/scripts/db/migrate-runner";

const adminUrl = inject("adminDatabaseUrl");
const name = `jobchat_indexes_${process.pid}`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
const client = new pg.Client({ connectionString: url });
const ADMIN: SessionUser = { id: 1, username: "u1", name: "U 1", role: "ADMIN" };

type Statement = { query: string; params: string };
const statements: Statement[] = [];

// The app modules, imported after the logging client is in place (see beforeAll).
const app = {} as {
  messages: typeof import("@/lib/chat/messages");
  rooms: typeof import("@/lib/chat/rooms");
  read: typeof import("@/lib/chat/read");
  membership: typeof import("@/lib/chat/membership");
  adminRooms: typeof import("@/lib/admin/rooms");
  overview: typeof import("@/lib/admin/overview");
  adminSearch: typeof import("@/lib/admin/message-search");
  digest: typeof import("@/lib/notify/digest");
  reports: typeof import("@/lib/admin/reports");
  userDetail: typeof import("@/lib/admin/user-detail");
  suspensions: typeof import("@/lib/moderation/suspensions");
  people: typeof import("@/lib/users/search");
};
const globalForDb = globalThis as { prisma?: unknown };
let previousClient: unknown;
let disconnect = async () => {};

/** Runs `call` and returns the plans of the statements it sent that read or write `table`. */
async function plansOf(table: string, call: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await call();
  const touches = new RegExp(`\\b${table}\\b(?!_)`);
  const plans: string[] = [];
  for (const s of statements.filter((s) => /^\s*(SELECT|WITH|UPDATE|INSERT|DELETE)\b/i.test(s.query) && touches.test(s.query))) {
    const { rows } = await client.query(`EXPLAIN ${s.query}`, JSON.parse(s.params));
    plans.push(`${s.query}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  if (process.env.PRINT_PLANS) console.log(plans.join("\n\n"));
  return plans;
}

function expectIndex(plans: string[], table: string, index: string) {
  const all = plans.join("\n\n");
  expect(plans.length, `no statement on ${table}`).toBeGreaterThan(0);
  expect(all, all).toMatch(new RegExp(`(?:using|on) ${index}\\b`));
  expect(all, all).not.toMatch(new RegExp(`Seq Scan on ${table}\\b(?!_)`));
}

describe("the seed's indexes are used by the app's queries", () => {
  beforeAll(async () => {
    await ensureDatabase(adminUrl, name);
    await migrate(url);
    await client.connect();
    await client.query(`
      INSERT INTO users (username, email, display_name, role)
        SELECT 'u' || g, 'u' || g || '@x.test', 'U ' || g, CASE WHEN g = 1 THEN 'ADMIN'::role ELSE 'USER'::role END FROM generate_series(1, 400) g;
      INSERT INTO jobs (title, client_id, cleaner_id) SELECT 'Job ' || g, 1 + g % 400, 1 + (g * 7) % 400 FROM generate_series(1, 1000) g;
      INSERT INTO chat_chatroom (name, kind, job_id, updated_at, last_message_time)
        SELECT 'Room ' || g, CASE WHEN g <= 1000 THEN 'JOB'::room_kind ELSE 'GROUP'::room_kind END, CASE WHEN g <= 1000 THEN g END,
               now() - g * interval '1 minute', now() - g * interval '1 minute'
        FROM generate_series(1, 2000) g;
      INSERT INTO chat_chatparticipant (room_id, user_id, last_seen, activity_at)
        SELECT r, 1 + (r * k) % 400, now() - (r * k) * interval '1 second', now() - r * interval '1 minute'
        FROM generate_series(1, 2000) r, generate_series(1, 3) k
        ON CONFLICT DO NOTHING;
      -- User 401 is in every room: the room list must not read all 2,000 to return a page.
      INSERT INTO users (username, email, display_name) VALUES ('u401', 'u401@x.test', 'U 401');
      INSERT INTO chat_chatparticipant (room_id, user_id, last_seen, activity_at)
        SELECT r, 401, now(), now() - r * interval '1 minute' FROM generate_series(1, 2000) r;
      -- As in a chat in use: everything read but the newest (2 %, about 24 a room).
      INSERT INTO chat_message (room_id, sender_id, content, timestamp, is_read, client_id)
        SELECT 1 + g % 50, 1 + g % 400, 'm' || g, now() - g * interval '1 second', g > 1200, gen_random_uuid()
        FROM generate_series(1, 60000) g;
      -- Unread everywhere a tenth of the time, already emailed; a few rows still due an email.
      UPDATE chat_chatparticipant SET unread_count = 3, email_notified_at = activity_at + interval '1 second' WHERE id % 10 = 0;
      UPDATE chat_chatparticipant SET unread_count = 2 WHERE id % 997 = 0;
      -- Reports, nearly all resolved (the queue reads the open few), and suspensions, most long over.
      INSERT INTO report (reporter_id, reported_user_id, reason, status, created_at)
        SELECT 1 + g % 400, 1 + (g + 1) % 400, 'spam', CASE WHEN g <= 40 THEN 'open' ELSE 'resolved' END, now() - g * interval '1 minute'
        FROM generate_series(1, 20000) g;
      INSERT INTO user_suspension (user_id, reason, ends_at, created_at)
        SELECT 1 + g % 400, 'r', now() - g * interval '1 hour', now() - g * interval '1 hour' - interval '1 day' FROM generate_series(1, 8000) g;
      ANALYZE;`);

    // lib/db.ts keeps its client on globalThis and reuses it when its module is evaluated. A
    // fresh module registry makes the app modules below evaluate it again and pick up a client
    // on this database that reports each statement.
    const { createQueryLoggingPrismaClient } = await import("@/lib/db");
    const logging = createQueryLoggingPrismaClient(url);
    logging.$on("query", (e) => statements.push({ query: e.query, params: e.params }));
    disconnect = () => logging.$disconnect();
    previousClient = globalForDb.prisma;
    globalForDb.prisma = logging;
    vi.resetModules();
    Object.assign(app, {
      messages: await import("@/lib/chat/messages"),
      rooms: await import("@/lib/chat/rooms"),
      read: await import("@/lib/chat/read"),
      membership: await import("@/lib/chat/membership"),
      adminRooms: await import("@/lib/admin/rooms"),
      overview: await import("@/lib/admin/overview"),
      adminSearch: await import("@/lib/admin/message-search"),
      digest: await import("@/lib/notify/digest"),
      reports: await import("@/lib/admin/reports"),
      userDetail: await import("@/lib/admin/user-detail"),
      suspensions: await import("@/lib/moderation/suspensions"),
      people: await import("@/lib/users/search"),
    });
  }, 120_000);
  afterAll(async () => {
    globalForDb.prisma = previousClient;
    await disconnect();
    await client.end();
    await dropDatabase(adminUrl, name);
  });

  // Room 7 has 1,200 messages and participants 8, 15 and 22; user 6 is the client of job 5.
  it("chat_room_id_idx: a page of older messages (getMessagePage)", async () => {
    const plans = await plansOf("chat_message", () => app.messages.getMessagePage(8, { roomId: 7, before: 50_000, limit: 50 }));
    expectIndex(plans, "chat_message", "chat_room_id_idx");
  });

  it("chat_room_id_idx: the page around a message, both walks from it (getMessagesAround)", async () => {
    const [target] = await client
      .query<{ id: string }>("SELECT id FROM chat_message WHERE room_id = 7 ORDER BY id LIMIT 1 OFFSET 600")
      .then((r) => r.rows);
    const plans = await plansOf("chat_message", () => app.messages.getMessagesAround(8, { roomId: 7, around: Number(target.id), limit: 50 }));
    const walks = plans.filter((p) => /ORDER BY room_id/.test(p));
    expect(walks, plans.join("\n\n")).toHaveLength(2);
    for (const walk of walks) expect(walk, walk).toMatch(/(?:using|on) chat_room_id_idx\b/);
    expectIndex(plans, "chat_message", "chat_room_id_idx");
  });

  it("chat_part_room_user_idx: the membership check (assertParticipant)", async () => {
    const plans = await plansOf("chat_chatparticipant", () => app.rooms.assertParticipant(8, 7));
    expectIndex(plans, "chat_chatparticipant", "chat_part_room_user_idx");
  });

  it("chat_part_user_activity_idx: the room list's first page reads a page of rows, not all 2,000 (listRooms)", async () => {
    statements.length = 0;
    const { rooms } = await app.rooms.listRooms({ userId: 401, limit: 50 });
    expect(rooms.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const list = statements.find((s) => /\bchat_chatparticipant\b/.test(s.query) && /LIMIT/i.test(s.query));
    expect(list, "no room list statement").toBeDefined();
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${list!.query}`, JSON.parse(list!.params));
    type Node = {
      "Node Type": string;
      "Index Name"?: string;
      "Relation Name"?: string;
      "Actual Rows": number;
      "Sort Key"?: string[];
      Plans?: Node[];
    };
    const nodes: Node[] = [];
    const walk = (node: Node) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child);
    };
    walk((rows[0]["QUERY PLAN"] as Array<{ Plan: Node }>)[0].Plan);
    const scan = nodes.find((n) => n["Relation Name"] === "chat_chatparticipant" && n["Index Name"] === "chat_part_user_activity_idx");
    expect(scan, JSON.stringify(rows[0], null, 1)).toBeDefined();
    expect(scan!["Actual Rows"]).toBeLessThanOrEqual(51);
    expect(nodes.filter((n) => n["Node Type"] === "Sort" && n["Sort Key"]?.some((k) => k.includes("activity_at")))).toEqual([]);
  });

  // Opening a room marks it read up to its newest message. (With a read mark far back in the
  // room, the planner walks chat_room_id_idx instead: also an index, and also fine.)
  it("chat_unread_idx: marking a room read up to its newest message (markRead)", async () => {
    const { rows } = await client.query<{ newest: string }>("SELECT max(id) AS newest FROM chat_message WHERE room_id = 7");
    const plans = await plansOf("chat_message", () => app.read.markRead({ userId: 8, roomId: 7, upToId: Number(rows[0].newest) }));
    const update = plans.filter((p) => /^\s*UPDATE\s+"?chat_message\b/i.test(p));
    expect(update).toHaveLength(1);
    expectIndex(update, "chat_message", "chat_unread_idx");
    expect(plans.join("\n"), plans.join("\n")).not.toMatch(/Seq Scan on chat_message\b(?!_)/);
  });

  it("chat_sender_time_idx: the dashboard's active users (getOverview)", async () => {
    const plans = await plansOf("chat_message", () => app.overview.getOverview(ADMIN));
    expectIndex(plans, "chat_message", "chat_sender_time_idx");
  });

  it("chat_room_updated_idx: the admin room list (listAdminRooms)", async () => {
    const plans = await plansOf("chat_chatroom", () => app.adminRooms.listAdminRooms(ADMIN));
    expectIndex(plans, "chat_chatroom", "chat_room_updated_idx");
  });

  it("chat_room_job_idx: a job's room (getOrCreateJobRoom)", async () => {
    const plans = await plansOf("chat_chatroom", () => app.membership.getOrCreateJobRoom(6, 5));
    expectIndex(plans, "chat_chatroom", "chat_room_job_idx");
  });

  // Reachability: the rooms I share with each candidate (my rows, then theirs in each room) and
  // the jobs between us, from either side, all by index.
  it("people search: shared rooms and jobs on indexes (searchUsers)", async () => {
    const rooms = await plansOf("chat_chatparticipant", () => app.people.searchUsers(8, "u1"));
    expectIndex(rooms, "chat_chatparticipant", "chat_part_(?:user_seen|room_user)_idx");
    const jobs = await plansOf("jobs", () => app.people.searchUsers(8, "u1"));
    expectIndex(jobs, "jobs", "jobs_(?:client|cleaner)_idx");
  });

  it("chat_part_email_due_idx: the unread email digest claims the due rows (sendDueDigests)", async () => {
    const plans = await plansOf("chat_chatparticipant", () => app.digest.sendDueDigests());
    const claim = plans.filter((p) => /FOR UPDATE OF p SKIP LOCKED/.test(p));
    expect(claim).toHaveLength(1);
    expectIndex(claim, "chat_chatparticipant", "chat_part_email_due_idx");
  });

  // The seed's "activity tracking" index: the room list now walks chat_part_user_activity_idx
  // (and the planner takes it for other by-user reads too), so this one is written here as well.
  it("chat_part_user_seen_idx: a user's rooms by when they were last seen", async () => {
    const { rows } = await client.query(
      "EXPLAIN SELECT room_id FROM chat_chatparticipant WHERE user_id = $1 ORDER BY last_seen DESC LIMIT 20",
      [401],
    );
    expectIndex([rows.map((r) => r["QUERY PLAN"]).join("\n")], "chat_chatparticipant", "chat_part_user_seen_idx");
  });

  it("chat_room_time_idx: the admin message search within a room (searchAdminMessages)", async () => {
    const plans = await plansOf("chat_message", () => app.adminSearch.searchAdminMessages(ADMIN, { room_id: 7 }));
    expectIndex(plans, "chat_message", "chat_room_time_idx");
  });

  it("chat_sender_time_idx: the admin message search by a person (searchAdminMessages)", async () => {
    const plans = await plansOf("chat_message", () => app.adminSearch.searchAdminMessages(ADMIN, { user: "u9", from: "2020-01-01" }));
    expectIndex(plans, "chat_message", "chat_sender_time_idx");
  });

  it("chat_sender_time_idx: a person's messages per day, last 30 days (getAdminUserDetail)", async () => {
    const plans = await plansOf("chat_message", () => app.userDetail.getAdminUserDetail(ADMIN, 9));
    expectIndex(plans, "chat_message", "chat_sender_time_idx");
  });

  it("report_open_idx: the reports queue, open ones newest first (listOpenReports)", async () => {
    const plans = await plansOf("report", () => app.reports.listOpenReports(ADMIN));
    expectIndex(plans.slice(0, 1), "report", "report_open_idx");
  });

  it("report_reported_idx and report_reporter_idx: a person's reports (getAdminUserDetail)", async () => {
    const plans = await plansOf("report", () => app.userDetail.getAdminUserDetail(ADMIN, 9));
    expectIndex(
      plans.filter((p) => /"reported_user_id" = /.test(p)),
      "report",
      "report_reported_idx",
    );
    expectIndex(
      plans.filter((p) => /"reporter_id" = /.test(p)),
      "report",
      "report_reporter_idx",
    );
  });

  it("user_suspension_user_idx: the suspension in force, read with the session (activeSuspension)", async () => {
    const plans = await plansOf("user_suspension", () => app.suspensions.activeSuspension(9));
    expectIndex(plans, "user_suspension", "user_suspension_user_idx");
  });
});
