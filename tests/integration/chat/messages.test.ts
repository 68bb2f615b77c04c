import { beforeAll, describe, expect, it } from "vitest";
import { GET as pageRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { messagePageSql } from "@/lib/chat/messages";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;
const TOTAL = 5000;

async function bulkMessages(roomId: number, senders: number[], count: number) {
  await db.$executeRaw`
    INSERT INTO chat_message (room_id, sender_id, content, timestamp, client_id)
    SELECT ${roomId}::int, (${senders}::int[])[1 + g % ${senders.length}::int], 'message ' || g,
           now() - (${count}::int - g) * interval '1 second', gen_random_uuid()
    FROM generate_series(1, ${count}::int) g`;
}

describe("message pages (cursor pagination)", () => {
  let a: User;
  let b: User;
  let roomId: number;
  const page = async (query: string, who: User = a, room = roomId) =>
    call(pageRoute, await request(who, "GET", `/api/chat/rooms/${room}/messages${query}`), { roomId: String(room) });

  beforeAll(async () => {
    [a, b] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
    await bulkMessages(roomId, [a.id, b.id], TOTAL);
  }, 60_000);

  it("answers the newest 50 by default, ascending, with the seed's metadata and message shape", async () => {
    const res = await page("");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["count", "has_more", "messages", "newest_id", "oldest_id"]);
    const { messages } = res.body;
    expect(messages).toHaveLength(50);
    expect(res.body.count).toBe(50);
    expect(res.body.has_more).toBe(true);
    expect(res.body.oldest_id).toBe(messages[0].id);
    expect(res.body.newest_id).toBe(messages[49].id);
    expect(messages[49].content).toBe(`message ${TOTAL}`);
    for (let i = 1; i < messages.length; i++) expect(messages[i].id).toBeGreaterThan(messages[i - 1].id);
    // Gapless per room: the newest 50 of TOTAL are seq TOTAL-49..TOTAL.
    expect(messages.map((x: { seq: number }) => x.seq)).toEqual(Array.from({ length: 50 }, (_, i) => TOTAL - 49 + i));
    const m = messages[0];
    expect(Object.keys(m).sort()).toEqual([
      "attachments",
      "client_id",
      "content",
      "deleted",
      "edited_at",
      "id",
      "is_read",
      "mentions",
      "reply_to",
      "room_id",
      "sender",
      "seq",
      "timestamp",
    ]);
    expect(m.reply_to).toBeNull();
    expect(m.mentions).toEqual([]);
    expect(m.attachments).toEqual([]);
    expect(typeof m.id).toBe("number");
    expect(m.room_id).toBe(roomId);
    expect([a.id, b.id]).toContain(m.sender.id);
    expect(m.sender.username).toBe(m.sender.id === a.id ? a.username : b.username);
    expect(m.client_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.is_read).toBe(false);
    expect(m.edited_at).toBeNull();
    expect(m.deleted).toBe(false);
    expect(new Date(m.timestamp).toISOString()).toBe(m.timestamp);
  });

  it("walks back with `before` and forth with `after`, visiting every message exactly once", async () => {
    const back: number[] = [];
    let res = await page("?limit=100");
    for (;;) {
      back.unshift(...res.body.messages.map((m: { id: number }) => m.id));
      if (!res.body.has_more) break;
      res = await page(`?before=${res.body.oldest_id}&limit=100`);
    }
    expect(back).toHaveLength(TOTAL);
    expect(new Set(back).size).toBe(TOTAL);

    const forth: number[] = [back[0]];
    res = await page(`?after=${back[0]}&limit=77`);
    for (;;) {
      forth.push(...res.body.messages.map((m: { id: number }) => m.id));
      if (!res.body.has_more) break;
      res = await page(`?after=${res.body.newest_id}&limit=77`);
    }
    expect(forth).toEqual(back);
  });

  it("clamps limit to 100 and reports has_more in the direction of travel", async () => {
    expect((await page("?limit=1000")).body.count).toBe(100);
    const newest = (await page("?limit=1")).body.newest_id;
    const after = await page(`?after=${newest - 3}`);
    expect(after.body.count).toBe(3);
    expect(after.body.has_more).toBe(false);
    const empty = await page(`?after=${newest}`);
    expect(empty.body).toEqual({ messages: [], has_more: false, count: 0, oldest_id: null, newest_id: null });
  });

  it("answers bad parameters with 400 JSON errors", async () => {
    for (const query of [
      "?before=abc",
      "?before=1.5",
      "?before=-4",
      "?before=0",
      "?after=0",
      "?limit=0",
      "?limit=-1",
      "?before=99999999999999999999",
      "?after=9007199254740993",
      "?before=5&after=3",
      "?before=",
      "?foo=1",
      "?before=1&before=2",
    ]) {
      const res = await page(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe("invalid_input");
      expect(typeof res.body.error.message).toBe("string");
    }
    const badRoom = await call(pageRoute, await request(a, "GET", "/api/chat/rooms/x1/messages"), { roomId: "x1" });
    expect(badRoom.status).toBe(400);
  });

  it("uses chat_room_id_idx with no Seq Scan and no Sort, on more than 100,000 messages", async () => {
    const big = (await makeRoom([a.id, b.id])).id;
    const others = await Promise.all(Array.from({ length: 20 }, () => makeRoom([a.id, b.id])));
    // 120,000 messages in the big room interleaved with as many across 20 other rooms, as in a
    // real table where no single room owns every row.
    await db.$executeRaw`
      INSERT INTO chat_message (room_id, sender_id, content, timestamp, client_id)
      SELECT CASE WHEN g % 2 = 0 THEN ${big}::int ELSE (${others.map((r) => r.id)}::int[])[1 + (g / 2) % 20] END,
             ${a.id}::int, 'm' || g, now() - (240000 - g) * interval '1 second', gen_random_uuid()
      FROM generate_series(1, 240000) g`;
    await db.$executeRawUnsafe("ANALYZE chat_message");
    const { _max } = await db.message.aggregate({ where: { roomId: big }, _max: { id: true } });
    const newest = Number(_max.id);
    for (const request of [
      { roomId: big, limit: 50 },
      { roomId: big, before: newest - 60_000, limit: 50 },
      { roomId: big, after: newest - 110_000, limit: 100 },
    ]) {
      const sql = messagePageSql(request);
      const rows = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN ${sql.text}`, ...sql.values);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan, plan).toMatch(/Index Scan(?: Backward)? using chat_room_id_idx on chat_message/);
      expect(plan, plan).not.toMatch(/Seq Scan/);
      expect(plan, plan).not.toMatch(/\bSort\b/);
    }
  }, 120_000);
});
