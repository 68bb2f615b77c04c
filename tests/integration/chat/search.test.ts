// Message search through GET /api/chat/search: only the caller's rooms, never deleted messages,
// prefix matching on words and codes, newest first with a cursor, hostile input a clear 4xx or
// nothing found, and the GIN index behind it.
import { randomUUID } from "node:crypto";
import pg from "pg";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as searchRoute } from "@/app/api/chat/search/route";
import { deleteMessage } from "@/lib/admin/moderation";
import { MATCHES, searchMessages } from "@/lib/chat/search";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendMessage } from "@/lib/chat/send";
import { db } from "@/lib/db";
import { searchPageSchema } from "@/lib/wire/rest";
import { delivered } from "@/tests/support/delivered";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

type User = Awaited<ReturnType<typeof makeUser>>;
const word = `zq${Date.now().toString(36)}`; // unique to this run: other tests share the database

const send = (userId: number, roomId: number, content: string) =>
  delivered(sendMessage({ userId, roomId, content, clientId: randomUUID() })).then((r) => r.message);

async function search(caller: User | null, query: Record<string, string>) {
  const res = await call(searchRoute, await request(caller, "GET", `/api/chat/search?${new URLSearchParams(query)}`));
  if (res.status === 200) v.parse(searchPageSchema, res.body);
  return res;
}

describe("message search", () => {
  let alice: User;
  let bob: User;
  let stranger: User;
  let direct: { id: number };
  let group: { id: number };
  let secret: { id: number };

  beforeAll(async () => {
    [alice, bob, stranger] = await Promise.all([makeUser(), makeUser(), makeUser({ name: "Stranger Danger" })]);
    direct = await makeRoom([alice.id, bob.id], "DIRECT");
    group = await makeRoom([alice.id, bob.id], "GROUP", "Cleaners");
    secret = await makeRoom([bob.id, stranger.id], "GROUP", "Secret");
    await send(bob.id, group.id, `${word} the key is under flat 4B's mat`);
    await send(alice.id, direct.id, `Is ${word}alpha done? <script>alert(1)</script>`);
    await send(bob.id, secret.id, `${word} only the stranger and bob see this`);
  });

  it("finds a word in the caller's rooms, newest first, with the room as they see it and highlights", async () => {
    const res = await search(alice, { q: word });
    expect(res.status).toBe(200);
    const results = res.body.results as v.InferOutput<typeof searchPageSchema>["results"];
    expect(results.map((r) => r.room.id)).toEqual([direct.id, group.id]);
    expect(results[0].room.name).toBe(bob.name); // a DIRECT room is named after the other person
    expect(results[1].room).toEqual({ id: group.id, name: "Cleaners", kind: "GROUP" });
    expect(results[1].sender).toEqual({ id: bob.id, username: bob.username });
    // The excerpt is plain text: markup in a message stays text, highlights are offsets.
    expect(results[0].excerpt).toContain("<script>");
    for (const r of results) {
      expect(r.highlights.length).toBeGreaterThan(0);
      for (const h of r.highlights) expect(r.excerpt.slice(h.start, h.start + h.length).toLowerCase()).toBe(word);
    }
  });

  it("never matches a stranger's room", async () => {
    const res = await search(stranger, { q: `${word} alice` });
    expect(res.body.results).toEqual([]);
    const mine = await search(alice, { q: `${word} stranger` });
    expect(mine.body.results).toEqual([]);
    const theirs = await search(stranger, { q: `${word} stranger` });
    expect(theirs.body.results.map((r: { room: { id: number } }) => r.room.id)).toEqual([secret.id]);
  });

  it("matches prefixes and codes like 4B, every word required, case-insensitive", async () => {
    expect((await search(alice, { q: `${word}alp` })).body.results).toHaveLength(1);
    expect((await search(alice, { q: `4b ${word.toUpperCase()}` })).body.results.map((r: { room: { id: number } }) => r.room.id)).toEqual([group.id]);
    expect((await search(alice, { q: `${word} 4c` })).body.results).toEqual([]);
  });

  it("stops matching a message once it is deleted", async () => {
    const unique = `${word}gone`;
    const message = await send(alice.id, group.id, `${unique} soon deleted`);
    expect((await search(bob, { q: unique })).body.results).toHaveLength(1);
    const admin = await makeUser({ role: "ADMIN" });
    await delivered(deleteMessage({ ...admin, role: "ADMIN" }, { message_id: message.id, reason: "test" }));
    expect((await search(bob, { q: unique })).body.results).toEqual([]);
  });

  it("pages newest first with a cursor, each message once", async () => {
    const room = await makeRoom([alice.id, bob.id]);
    const paging = `${word}page`;
    for (let i = 0; i < 7; i += 1) await send(alice.id, room.id, `${paging} number ${i}`);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(bob, { q: paging, limit: "3", ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.results.map((r: { id: number }) => r.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    // The recent-window path and the index path give the same pages: a window of 2 messages
    // never holds a page of 3, so every page below comes from the index.
    const viaIndex: number[] = [];
    let next: string | undefined;
    do {
      const page = await searchMessages({ userId: bob.id, q: paging, limit: 3, cursor: next }, 2);
      viaIndex.push(...page.results.map((r) => r.id));
      next = page.next_cursor ?? undefined;
    } while (next);
    expect(viaIndex).toEqual(seen);
  });

  it("answers hostile input with a clear 4xx or nothing found, never a 500, and changes nothing", async () => {
    const before = await db.message.count();
    const tenKb = "é".repeat(5 * 1024); // 5,120 characters, 10 KB: the limit is in bytes
    const oversize = await search(alice, { q: tenKb });
    expect(oversize.status).toBe(400);
    expect(oversize.body.error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("bytes") });
    expect((await search(alice, { q: "é".repeat(101) })).status).toBe(400); // 101 characters, 202 bytes
    expect((await search(alice, { q: "   " })).status).toBe(400);
    expect((await search(alice, { q: word, cursor: "not-a-cursor" })).status).toBe(400);
    expect((await search(alice, { q: word, extra: "1" })).status).toBe(400);
    expect((await search(null, { q: word })).status).toBe(401);
    for (const q of ["!!!", "&|!():*", "'", `${word}' | '`, "a & !b", "foo:* <-> bar", "'; DROP TABLE chat_message; --", "\\", "(((", "\u0000"]) {
      const res = await search(alice, { q });
      expect(res.status, q).toBe(200);
    }
    // tsquery operators are only separators: this is "every word", not "either".
    expect((await search(alice, { q: `${word} | nomatchatall` })).body.results).toEqual([]);
    expect(await db.message.count()).toBe(before);
  });
});

describe("message search index", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it("is a GIN expression index the search query can use", async () => {
    // The search's own predicate (the expression and `deleted_at IS NULL` must be the index's). The
    // whole query's plan depends on how many rooms the user has, which other tests change: with few,
    // a walk of the user's rooms wins, as it should; the benchmark measures that query at scale.
    const sql = Prisma.sql`SELECT m.id FROM chat_message m WHERE ${MATCHES("'cleaning':* & '4b':*", Prisma.sql`m.content`)} AND m.deleted_at IS NULL`;
    await client.query("BEGIN");
    try {
      // Small test tables would be sequentially scanned: ask whether the index CAN serve the predicate.
      await client.query("SET LOCAL enable_seqscan = off");
      const { rows } = await client.query(`EXPLAIN ${sql.text}`, sql.values);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Bitmap Index Scan on chat_message_search_idx/);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
