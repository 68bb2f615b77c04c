import bcrypt from "bcryptjs";
import { createPrismaClient } from "@/lib/db";
import type { RoomKind } from "@/lib/generated/prisma/client";

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

    const job = async (title: string, client: string, cleaner: string | null) => {
      const existing = await db.job.findFirst({ where: { title, clientId: users[client] } });
      const row =
        existing ??
        (await db.job.create({
          data: { title, clientId: users[client], cleanerId: cleaner ? users[cleaner] : null, status: cleaner ? "assigned" : "open" },
        }));
      return row.id;
    };
    const job1 = await job("Deep clean, 2-bed flat", "client1", "cleaner1");
    const job2 = await job("End of tenancy clean", "client1", "cleaner2");
    const job3 = await job("Office weekly clean", "client2", "cleaner1");

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

    const rooms = [
      { id: await room({ jobId: job1, name: `Job #${job1} Chat` }, "JOB", ["client1", "cleaner1"]), script: JOB_CHAT },
      { id: await room({ jobId: job2, name: `Job #${job2} Chat` }, "JOB", ["client1", "cleaner2"]), script: SHORT_CHAT },
      { id: await room({ jobId: job3, name: `Job #${job3} Chat` }, "JOB", ["client2", "cleaner1"]), script: SHORT_CHAT },
      { id: await room({ directKey: directKey("client1", "client2"), name: "Direct" }, "DIRECT", ["client1", "client2"]), script: SHORT_CHAT },
      { id: await room({ name: "Weekend team" }, "GROUP", ["client1", "cleaner1", "cleaner2"]), script: SHORT_CHAT },
    ];
    const big = await room({ name: BIG_ROOM_NAME }, "GROUP", ["client1", "cleaner1", "cleaner2", "client2"]);

    for (const r of rooms) {
      if ((await db.message.count({ where: { roomId: r.id } })) > 0) continue;
      const participants = await db.chatParticipant.findMany({ where: { roomId: r.id }, orderBy: { id: "asc" } });
      const start = Date.now() - r.script.length * 7 * 60_000 - 3_600_000;
      await db.message.createMany({
        data: r.script.map((content, i) => ({
          roomId: r.id,
          senderId: participants[i % participants.length].userId,
          content,
          clientId: crypto.randomUUID(),
          timestamp: new Date(start + i * 7 * 60_000),
        })),
      });
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

const JOB_CHAT = [
  "Hi! Thanks for taking the job. When can you start?",
  "Hello! I can come Thursday at 9am, does that work?",
  "Thursday 9am is perfect. The key is with the concierge.",
  "Great. Any rooms that need extra attention?",
  "The oven and the bathroom tiles, please.",
  "No problem, I'll bring the steam cleaner.",
  "Is parking available nearby?",
  "Yes, visitor bay 4 behind the building.",
];
const SHORT_CHAT = ["Hi there!", "Hello, how are you?", "All good, see you soon."];
