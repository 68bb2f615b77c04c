import bcrypt from "bcryptjs";
import { createPrismaClient } from "@/lib/db";
import type { RoomKind } from "@/lib/generated/prisma/client";
import type { JobStatus } from "@/lib/jobs/status";
import { attachDemoPhotos } from "@/prisma/seed-photos";

export const DEMO_PASSWORD = "password123";
export const DEMO_USERS = [
  { username: "admin", name: "Ada Admin", role: "ADMIN" },
  { username: "client1", name: "Alice Client", role: "USER" },
  { username: "client2", name: "Carol Client", role: "USER" },
  { username: "cleaner1", name: "Bob Cleaner", role: "USER" },
  { username: "cleaner2", name: "Dan Cleaner", role: "USER" },
] as const;

export const BIG_ROOM_NAME = "Cleaners' lounge";
export const BIG_ROOM_MESSAGES = 5000;

type Summary = { users: number; rooms: number; messages: number };

type ScriptLine = string | { content: string; photos: number[] };

const JOB_CHAT: ScriptLine[] = [
  "Hi! Thanks for taking the job. When can you start?",
  "Hello! I can come Thursday at 9am, does that work?",
  "Thursday 9am is perfect. The key is with the concierge.",
  "Great. Any rooms that need extra attention?",
  { content: "The oven and the bathroom tiles, please.", photos: [0, 1] },
  "No problem, I'll bring the steam cleaner.",
  { content: "", photos: [2] },
  "Is parking available nearby?",
  "Yes, visitor bay 4 behind the building.",
];
const SHORT_CHAT: ScriptLine[] = ["Hi there!", "Hello, how are you?", "All good, see you soon."];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type DemoJob = {
  title: string;
  client: string;
  cleaner: string;
  status: JobStatus;
  /** When the job is (or was) on, from the first seeding, rounded to the hour. */
  scheduledInDays: number;
  statusDaysAgo: number;
  area: string;
  address: string;
  chatDaysAgo: number;
  script: readonly ScriptLine[];
};

/**
 * The demo's jobs, as a marketplace would have them. The first is the room most tests open; the
 * last was completed over 14 days ago, so its room shows the read-only banner.
 */
export const DEMO_JOBS: DemoJob[] = [
  {
    title: "End-of-tenancy clean, 2-bed flat",
    client: "client1",
    cleaner: "cleaner1",
    status: "booked",
    scheduledInDays: 3,
    statusDaysAgo: 2,
    area: "Hackney, London E8",
    address: "Flat 4, 27 Mare Street, London E8 4RP",
    chatDaysAgo: 0,
    script: JOB_CHAT,
  },
  {
    title: "Oven and kitchen deep clean",
    client: "client1",
    cleaner: "cleaner2",
    status: "in_progress",
    scheduledInDays: 0,
    statusDaysAgo: 0,
    area: "Islington, London N1",
    address: "12 Cloudesley Road, London N1 0EA",
    chatDaysAgo: 0,
    script: SHORT_CHAT,
  },
  {
    title: "Weekly office clean, 6 desks",
    client: "client2",
    cleaner: "cleaner1",
    status: "booked",
    scheduledInDays: 5,
    statusDaysAgo: 1,
    area: "Shoreditch, London EC2A",
    address: "3rd floor, 88 Curtain Road, London EC2A 3AA",
    chatDaysAgo: 0,
    script: SHORT_CHAT,
  },
  {
    title: "After-party clean, 3-bed house",
    client: "client1",
    cleaner: "cleaner1",
    status: "completed",
    scheduledInDays: -21,
    statusDaysAgo: 20,
    area: "Walthamstow, London E17",
    address: "9 Orford Road, London E17 9NJ",
    chatDaysAgo: 21,
    script: SHORT_CHAT,
  },
];

export async function seedDemoData(url: string): Promise<Summary> {
  const db = createPrismaClient(url);
  try {
    const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const users: Record<string, number> = {};
    for (const u of DEMO_USERS) {
      const row = await db.user.upsert({
        where: { username: u.username },
        update: {},
        create: {
          username: u.username,
          email: `${u.username}@example.com`,
          name: u.name,
          role: u.role,
          passwordHash: hash,
          emailVerifiedAt: new Date(),
        },
      });
      users[u.username] = row.id;
    }

    // Found by title and client, so a second run changes nothing (times are set once, relative to the first).
    const job = async (j: DemoJob) => {
      const existing = await db.job.findFirst({ where: { title: j.title, clientId: users[j.client] } });
      const now = Date.now();
      const row =
        existing ??
        (await db.job.create({
          data: {
            title: j.title,
            clientId: users[j.client],
            cleanerId: users[j.cleaner],
            status: j.status,
            statusChangedAt: new Date(now - j.statusDaysAgo * DAY),
            scheduledAt: new Date(Math.floor((now + j.scheduledInDays * DAY) / HOUR) * HOUR),
            area: j.area,
            address: j.address,
          },
        }));
      return { id: row.id, title: row.title };
    };
    const jobs = [];
    for (const j of DEMO_JOBS) jobs.push({ ...(await job(j)), members: [j.client, j.cleaner], ageDays: j.chatDaysAgo, script: j.script });
    const room = async (key: { jobId?: number; directKey?: string; name: string }, kind: RoomKind, members: string[]) => {
      const where = key.jobId ? { jobId: key.jobId } : key.directKey ? { directKey: key.directKey } : { name: key.name, kind };
      const existing = await db.chatRoom.findFirst({ where });
      if (existing) return existing.id;
      const created = await db.chatRoom.create({
        data: {
          name: key.name,
          kind,
          jobId: key.jobId ?? null,
          directKey: key.directKey ?? null,
          // A group is owned by its creator, listed first.
          ownerId: kind === "GROUP" ? users[members[0]] : null,
          participants: { create: members.map((m) => ({ userId: users[m] })) },
        },
      });
      return created.id;
    };
    const directKey = (a: string, b: string) => [users[a], users[b]].sort((x, y) => x - y).join(":");

    const rooms = [];
    // A job room is named after its job.
    for (const j of jobs) rooms.push({ id: await room({ jobId: j.id, name: j.title }, "JOB", j.members), script: j.script, ageDays: j.ageDays });
    rooms.push(
      {
        id: await room({ directKey: directKey("client1", "client2"), name: "Direct" }, "DIRECT", ["client1", "client2"]),
        script: SHORT_CHAT,
        ageDays: 0,
      },
      { id: await room({ name: "Weekend team" }, "GROUP", ["client1", "cleaner1", "cleaner2"]), script: SHORT_CHAT, ageDays: 0 },
    );
    const big = await room({ name: BIG_ROOM_NAME }, "GROUP", ["client1", "cleaner1", "cleaner2", "client2"]);

    for (const r of rooms) {
      if ((await db.message.count({ where: { roomId: r.id } })) > 0) continue;
      const participants = await db.chatParticipant.findMany({ where: { roomId: r.id }, orderBy: { id: "asc" } });
      const start = Date.now() - r.ageDays * DAY - r.script.length * 7 * 60_000 - 3_600_000;
      // One at a time, in order (ids follow time): a few lines carry demo photos.
      for (const [i, line] of r.script.entries()) {
        const { content, photos } = typeof line === "string" ? { content: line, photos: [] } : line;
        const senderId = participants[i % participants.length].userId;
        const message = await db.message.create({
          data: { roomId: r.id, senderId, content, clientId: crypto.randomUUID(), timestamp: new Date(start + i * 7 * 60_000) },
        });
        if (photos.length) await attachDemoPhotos(db, { roomId: r.id, uploaderId: senderId, messageId: message.id, scenes: photos });
      }
    }
    // 5,000 messages over six weeks, in one set-based statement.
    if ((await db.message.count({ where: { roomId: big } })) === 0) {
      await db.$executeRaw`
        INSERT INTO chat_message (room_id, sender_id, content, timestamp, client_id)
        SELECT ${big}, p.user_id, 'Lounge message #' || g || ': ' || (ARRAY['Anyone free Saturday?','Van is back at the depot.','New supplies arrived.','Great job on the Jones flat!','Running 10 min late.'])[1 + g % 5],
               now() - interval '42 days' + (g * interval '42 days' / ${BIG_ROOM_MESSAGES}) - interval '1 hour',
               gen_random_uuid()
        FROM generate_series(1, ${BIG_ROOM_MESSAGES}) g
        JOIN LATERAL (SELECT user_id FROM chat_chatparticipant WHERE room_id = ${big} ORDER BY id OFFSET g % 4 LIMIT 1) p ON true`;
      // Members have read most of the history: a few unread each, as in a lived-in room.
      await db.$executeRaw`
        UPDATE chat_chatparticipant p SET last_read_message_id = (
          SELECT id FROM chat_message WHERE room_id = ${big} ORDER BY id DESC OFFSET 4 + (p.id % 4) * 3 LIMIT 1)
        WHERE p.room_id = ${big}`;
    }
    await refreshDenormalizedFields(db);
    const [u, ro, m] = await Promise.all([db.user.count(), db.chatRoom.count(), db.message.count()]);
    return { users: u, rooms: ro, messages: m };
  } finally {
    await db.$disconnect();
  }
}

/** Recomputes every room's last-message fields, and every participant's room activity and unread count, from the messages. */
async function refreshDenormalizedFields(db: ReturnType<typeof createPrismaClient>) {
  await db.$executeRaw`
    UPDATE chat_chatroom r SET
      last_message_content = left(m.content, 200), last_message_time = m.timestamp,
      last_message_sender_id = m.sender_id, updated_at = m.timestamp
    FROM (SELECT DISTINCT ON (room_id) room_id, content, timestamp, sender_id
          FROM chat_message WHERE deleted_at IS NULL ORDER BY room_id, id DESC) m
    WHERE r.id = m.room_id AND r.last_message_time IS DISTINCT FROM m.timestamp`;
  await db.$executeRaw`
    UPDATE chat_chatparticipant p SET activity_at = COALESCE(r.last_message_time, r.updated_at)
    FROM chat_chatroom r WHERE r.id = p.room_id AND p.activity_at IS DISTINCT FROM COALESCE(r.last_message_time, r.updated_at)`;
  await db.$executeRaw`
    UPDATE chat_chatparticipant p SET unread_count = c.n
    FROM (SELECT p2.id, count(m.id)::int AS n FROM chat_chatparticipant p2
          LEFT JOIN chat_message m ON m.room_id = p2.room_id AND m.sender_id <> p2.user_id
               AND m.deleted_at IS NULL AND m.id > COALESCE(p2.last_read_message_id, 0)
          GROUP BY p2.id) c
    WHERE p.id = c.id AND p.unread_count <> c.n`;
}
