// GET /api/admin/messages: admins search every room by words, person, room and dates; deleted
// messages are found by person or room (marked), never by their words; keyset pages; only admins.
import * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/admin/messages/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { ADMIN_PAGE_SIZE } from "@/lib/admin/schemas";
import { adminSearchPageSchema } from "@/lib/wire/admin";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("admin: message search", () => {
  let admin: User;
  let a: User;
  let b: User;
  let c: User;
  let r1: number;
  let r2: number;
  const ids: Record<string, number> = {};
  const search = async (who: Caller, query: Record<string, string>) =>
    call(searchRoute, await request(who, "GET", `/api/admin/messages?${new URLSearchParams(query)}`));
  const send = async (user: User, roomId: number, content: string, at: string) => {
    const { message } = (await sendMessage({ userId: user.id, roomId, content, clientId: crypto.randomUUID() })).result;
    await db.message.update({ where: { id: BigInt(message.id) }, data: { timestamp: new Date(at) } });
    return message.id;
  };

  beforeAll(async () => {
    [admin, a, b, c] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser(), makeUser(), makeUser()]);
    r1 = (await makeRoom([a.id, b.id])).id;
    r2 = (await makeRoom([a.id, c.id])).id;
    ids.keyBox = await send(a, r1, "The keybox code is 4B, 鍵 under the mat", "2026-11-20T10:00:00Z");
    ids.thanks = await send(b, r1, "thanks!", "2026-11-21T10:00:00Z");
    ids.keyMat = await send(a, r2, "key is under the mat", "2026-11-22T10:00:00Z");
    ids.deleted = await send(a, r2, "my key is 1234", "2026-11-23T10:00:00Z");
    await db.message.update({ where: { id: BigInt(ids.deleted) }, data: { deletedAt: new Date() } });
  });

  it("finds words with prefix matching in every room, newest first, highlighted; deleted text is not searchable", async () => {
    const res = await search(admin, { q: "key" });
    expect(res.status).toBe(200);
    const page = v.parse(adminSearchPageSchema, res.body);
    const mine = page.results.filter((r) => [r1, r2].includes(r.room.id));
    expect(mine.map((r) => r.id)).toEqual([ids.keyMat, ids.keyBox]);
    const hit = mine[1];
    expect(hit.highlights[0]).toEqual({ start: hit.excerpt.indexOf("keybox"), length: 3 });
    const cjk = await search(admin, { q: "鍵", user: a.username });
    expect(cjk.body.results.map((r: { id: number }) => r.id)).toEqual([ids.keyBox]);
  });

  it("by person (deleted ones included, marked), by room, and within UTC days, both ends included", async () => {
    const byA = v.parse(adminSearchPageSchema, (await search(admin, { user: a.username })).body);
    expect(byA.results.map((r) => r.id)).toEqual([ids.deleted, ids.keyMat, ids.keyBox]);
    expect(byA.results[0].deleted_at).not.toBeNull();
    expect(byA.results[0].excerpt).toBe("my key is 1234");
    const inR1 = (await search(admin, { room_id: String(r1) })).body;
    expect(inR1.results.map((r: { id: number }) => r.id)).toEqual([ids.thanks, ids.keyBox]);
    const days = (await search(admin, { user: a.username, from: "2026-11-20", to: "2026-11-22" })).body;
    expect(days.results.map((r: { id: number }) => r.id)).toEqual([ids.keyMat, ids.keyBox]);
    const oneDay = (await search(admin, { room_id: String(r1), from: "2026-11-21", to: "2026-11-21" })).body;
    expect(oneDay.results.map((r: { id: number }) => r.id)).toEqual([ids.thanks]);
  });

  it("pages with a cursor, and says when the username names no one", async () => {
    const d = await makeUser();
    const room = (await makeRoom([d.id, a.id])).id;
    await db.$executeRaw`
      INSERT INTO chat_message (room_id, sender_id, content, client_id, timestamp)
      SELECT ${room}::int, ${d.id}::int, 'note ' || g, gen_random_uuid(), now() - make_interval(secs => g)
      FROM generate_series(1, ${ADMIN_PAGE_SIZE + 10}::int) g`;
    const first = (await search(admin, { user: d.username })).body;
    expect(first.results).toHaveLength(ADMIN_PAGE_SIZE);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = (await search(admin, { user: d.username, cursor: first.next_cursor })).body;
    expect(second.results).toHaveLength(10);
    expect(second.next_cursor).toBeNull();
    const all = [...first.results, ...second.results].map((r: { excerpt: string }) => r.excerpt);
    expect(all).toEqual(Array.from({ length: ADMIN_PAGE_SIZE + 10 }, (_, i) => `note ${i + 1}`));
    expect((await search(admin, { user: "nobody_by_this_name" })).body).toEqual({ results: [], next_cursor: null, unknown_user: true });
  });

  it("refuses nothing to search for, bad dates and cursors (400), users (404) and the signed out (401)", async () => {
    expect((await search(admin, {})).status).toBe(400);
    expect((await search(admin, { q: "!!! ???" })).status).toBe(400);
    expect((await search(admin, { q: "key", from: "2026-13-45" })).status).toBe(400);
    // Backwards, or a hundred years long; a year is fine.
    expect((await search(admin, { q: "key", from: "2026-12-01", to: "2026-11-30" })).status).toBe(400);
    expect((await search(admin, { q: "key", from: "1926-12-01", to: "2026-12-01" })).status).toBe(400);
    expect((await search(admin, { q: "key", from: "0001-01-01" })).status).toBe(400);
    expect((await search(admin, { q: "key", from: "2025-12-01", to: "2026-12-01" })).status).toBe(200);
    expect((await search(admin, { q: "key", cursor: "nope" })).status).toBe(400);
    expect((await search(admin, { q: "key", extra: "1" })).status).toBe(400);
    expect((await search(admin, { q: "key\u0000" })).status).toBe(400);
    expect((await search(a, { q: "key" })).status).toBe(404);
    expect((await search(null, { q: "key" })).status).toBe(401);
  });
});
