// A message's id and timestamp agree: both are taken under the room lock, so ordering a room's
// messages by id orders them by time too, however the sends race.
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;

const send = async (from: User, roomId: number, content: string) =>
  call(sendRoute, await request(from, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: crypto.randomUUID() } }), {
    roomId: String(roomId),
  });

async function assertIdOrderIsTimeOrder(roomId: number) {
  const rows = await db.message.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { id: true, timestamp: true } });
  const inversions = rows.slice(1).filter((m, i) => m.timestamp < rows[i].timestamp);
  expect(inversions.map((m) => Number(m.id))).toEqual([]);
  return rows;
}

describe("send: ids and timestamps agree", () => {
  let people: User[];
  beforeAll(async () => {
    people = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
  });

  it("a send that waited for the room lock is stamped after the lock was released", async () => {
    const roomId = (await makeRoom(people.slice(0, 2).map((p) => p.id))).id;
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM chat_chatroom WHERE id = $1 FOR UPDATE", [roomId]);
      const sent = send(people[0], roomId, "waited");
      // Wait (on the condition, not a clock) until the send is queued on our lock.
      for (;;) {
        const { rows } = await holder.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE NOT l.granted AND a.datname = current_database() AND a.query LIKE '%INSERT INTO chat_message%'`,
        );
        if (rows[0].n > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const { rows } = await holder.query<{ released: Date }>("SELECT clock_timestamp()::timestamptz(3) AS released");
      await holder.query("COMMIT");
      const res = await sent;
      expect(res.status).toBe(201);
      expect(new Date(res.body.timestamp).getTime()).toBeGreaterThanOrEqual(rows[0].released.getTime());
    } finally {
      await holder.end();
    }
  });

  it("concurrent sends to one room: ordering by id equals ordering by timestamp", async () => {
    const roomId = (await makeRoom(people.map((p) => p.id))).id;
    const results = await Promise.all(people.flatMap((p, n) => Array.from({ length: 12 }, (_, i) => send(p, roomId, `p${n} m${i}`))));
    expect(results.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
    const rows = await assertIdOrderIsTimeOrder(roomId);
    expect(rows).toHaveLength(people.length * 12);
    const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
    expect(room.lastMessageTime).toEqual(rows.at(-1)?.timestamp);
  });
});
