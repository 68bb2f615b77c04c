import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as listRoute } from "@/app/api/chat/rooms/route";
import { createQueryLoggingPrismaClient, db } from "@/lib/db";
import { listRooms } from "@/lib/chat/rooms";
import { sendMessage } from "@/lib/chat/send";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("room list from denormalized fields", () => {
  let one: User;
  let many: User;
  let other: User;
  const counting = createQueryLoggingPrismaClient(inject("databaseUrl"));
  let statements = 0;
  counting.$on("query", () => {
    statements += 1;
  });

  beforeAll(async () => {
    [one, many, other] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    await makeRoom([one.id, other.id]);
    // 500 rooms in one set-based statement, with last-message data and unread counts.
    await db.$executeRaw`
      WITH rooms AS (
        INSERT INTO chat_chatroom (name, kind, last_message_content, last_message_time, last_message_sender_id, updated_at)
        SELECT 'Bulk ' || g, 'GROUP', 'preview ' || g, now() - g * interval '1 minute', ${other.id}::int, now() - g * interval '1 minute'
        FROM generate_series(1, 500) g RETURNING id, updated_at)
      INSERT INTO chat_chatparticipant (room_id, user_id, unread_count, activity_at)
      SELECT id, ${many.id}::int, id % 7, updated_at FROM rooms UNION ALL SELECT id, ${other.id}::int, 0, updated_at FROM rooms`;
  }, 60_000);
  afterAll(() => counting.$disconnect());

  it("costs the same number of SQL statements (at most 2) for 1 room and for 500 rooms", async () => {
    statements = 0;
    const small = await listRooms({ userId: one.id, limit: 500 }, counting);
    const forOne = statements;
    statements = 0;
    const large = await listRooms({ userId: many.id, limit: 500 }, counting);
    const forMany = statements;
    expect(small.rooms).toHaveLength(1);
    expect(large.rooms).toHaveLength(500);
    expect(forOne).toBeGreaterThan(0);
    expect(forMany).toBe(forOne);
    expect(forMany).toBeLessThanOrEqual(2);
  });

  it("orders by newest activity (last_message_time, then updated_at for empty rooms) and pages by cursor", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const page = await listRooms({ userId: many.id, limit: 37, cursor });
      for (const room of page.rooms) {
        const activity = Date.parse(room.last_message_time ?? room.updated_at);
        expect(activity).toBeLessThanOrEqual(previous);
        previous = activity;
        seen.push(room.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(500);
    expect(new Set(seen).size).toBe(500);
  });

  it("puts an empty room by its updated_at among rooms with messages, and moves a room to the top on a new message", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const older = await makeRoom([a.id, b.id]);
    const newer = await makeRoom([a.id, b.id]);
    let list = (await listRooms({ userId: a.id, limit: 10 })).rooms.map((r) => r.id);
    expect(list).toEqual([newer.id, older.id]);
    await delivered(sendMessage({ userId: b.id, roomId: older.id, content: "bump", clientId: crypto.randomUUID() }));
    list = (await listRooms({ userId: a.id, limit: 10 })).rooms.map((r) => r.id);
    expect(list).toEqual([older.id, newer.id]);
  });

  it("GET /api/chat/rooms returns the seed's shape, field by field", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const room = await makeRoom([a.id, b.id], "GROUP", "Contract room");
    const sent = await delivered(sendMessage({ userId: b.id, roomId: room.id, content: "x".repeat(250), clientId: crypto.randomUUID() }));
    const res = await call(listRoute, await request(a, "GET", "/api/chat/rooms?limit=5"));
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["next_cursor", "rooms"]);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.rooms).toEqual([
      {
        id: room.id,
        name: "Contract room",
        kind: "GROUP",
        job_id: null,
        last_message_content: "x".repeat(200),
        last_message_time: sent.message.timestamp,
        last_message_sender: { id: b.id, username: b.username },
        unread_count: 1,
        unread_mentions: 0,
        updated_at: sent.message.timestamp,
        owner_id: a.id,
        last_seq: 1,
        muted_until: null,
        last_read_id: 0,
      },
    ]);
  });

  it("names a direct room after the other person, for each viewer", async () => {
    const a = await makeUser();
    const b = await makeUser();
    await makeRoom([a.id, b.id], "DIRECT", "Direct");
    expect((await listRooms({ userId: a.id, limit: 5 })).rooms[0].name).toBe(b.name);
    expect((await listRooms({ userId: b.id, limit: 5 })).rooms[0].name).toBe(a.name);
  });

  it("rejects bad list parameters with 400 JSON", async () => {
    const a = await makeUser();
    for (const query of [
      "limit=0",
      "limit=-1",
      "limit=abc",
      "limit=99999999999999999",
      "cursor=%%%",
      "cursor=bm9wZQ",
      "bogus=1",
      "limit=1&limit=2",
    ]) {
      const res = await call(listRoute, await request(a, "GET", `/api/chat/rooms?${query}`));
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe("invalid_input");
    }
  });
});
