// Replies and pages around a message, through the REST routes: what is stored, what every page
// and the room's live event quote, the same-room rule, strangers, deleted and edited originals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as v from "valibot";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { editMessage, deleteOwnMessage } from "@/lib/chat/edit";
import { REPLY_EXCERPT_BYTES } from "@/lib/chat/reply-excerpt";
import { EVENT_DATA_BUDGET_BYTES, jsonBytes } from "@/lib/realtime/event-size";
import { roomChannel } from "@/lib/realtime/channels";
import { wireMessagePageSchema, wireMessageSchema } from "@/lib/wire/rest";
import type { RealtimeServer } from "@/realtime-server";
import { call, request } from "@/tests/support/http";
import { makeMessages, makeRoom, makeUser } from "@/tests/support/factories";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { delivered } from "@/tests/support/delivered";
import { dbFingerprint } from "@/tests/support/db-fingerprint";
import { GET, POST } from "@/app/api/chat/rooms/[roomId]/messages/route";

type User = Awaited<ReturnType<typeof makeUser>>;

const path = (roomId: number) => `/api/chat/rooms/${roomId}/messages`;
const post = async (as: User, roomId: number, json: unknown) =>
  call(POST, await request(as, "POST", path(roomId), { json }), { roomId: String(roomId) });
const get = async (as: User, roomId: number, query: string) =>
  call(GET, await request(as, "GET", `${path(roomId)}?${query}`), { roomId: String(roomId) });
const send = async (from: User, roomId: number, content: string) =>
  (await delivered(sendMessage({ userId: from.id, roomId, content, clientId: crypto.randomUUID() }))).message;
const utf8 = (s: string) => new TextEncoder().encode(s).length;
const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("replies", () => {
  let a: User;
  let b: User;
  let stranger: User;
  let roomId: number;
  let realtime: RealtimeServer;

  beforeAll(async () => {
    realtime = await startRealtime();
  });
  afterAll(() => stopRealtime(realtime));

  beforeEach(async () => {
    [a, b, stranger] = await Promise.all([makeUser(), makeUser({ name: "Bea ביאטריס" }), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
  });

  it("a reply stores reply_to_id and quotes the original's sender and one line, in the answer, the live event and pages", async () => {
    const original = await send(b, roomId, "first line\nsecond   line");
    const watcher = await Subscriber.connect(realtime);
    await watcher.subscribe(roomChannel(roomId));

    const res = await post(a, roomId, { content: "agreed", client_id: crypto.randomUUID(), reply_to_id: original.id });
    expect(res.status).toBe(201);
    const quote = {
      id: original.id,
      sender: { id: b.id, username: b.username, name: "Bea ביאטריס" },
      excerpt: "first line second line",
      deleted: false,
    };
    expect(v.parse(wireMessageSchema, res.body).reply_to).toEqual(quote);
    expect((await db.message.findUniqueOrThrow({ where: { id: res.body.id } })).replyToId).toBe(BigInt(original.id));

    const created = await watcher.waitFor((f) => f.event === "message.created" && (f.data as { id: number }).id === res.body.id);
    expect((created.data as { reply_to: unknown }).reply_to).toEqual(quote);
    watcher.close();

    const page = v.parse(wireMessagePageSchema, (await get(b, roomId, "limit=10")).body);
    expect(page.messages.find((m) => m.id === res.body.id)?.reply_to).toEqual(quote);
    expect(page.messages.find((m) => m.id === original.id)?.reply_to).toBeNull();
  });

  it("a retried reply answers the original with its quote", async () => {
    const original = await send(b, roomId, "question?");
    const body = { content: "answer", client_id: crypto.randomUUID(), reply_to_id: original.id };
    expect((await post(a, roomId, body)).status).toBe(201);
    const retry = await post(a, roomId, body);
    expect(retry.status).toBe(200);
    expect(retry.body.reply_to).toMatchObject({ id: original.id, excerpt: "question?" });
  });

  it("refuses a reply to a message of another room (400) and to one that does not exist, storing nothing", async () => {
    const elsewhere = (await makeRoom([a.id, stranger.id])).id;
    const other = await send(stranger, elsewhere, "private to the other room");
    const before = await dbFingerprint();
    for (const replyTo of [other.id, other.id + 1_000_000]) {
      const res = await post(a, roomId, { content: "hi", client_id: crypto.randomUUID(), reply_to_id: replyTo });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
    expect(await dbFingerprint()).toEqual(before);
  });

  it("a stranger gets the same 404 whether or not the message they name is in the room", async () => {
    const original = await send(a, roomId, "members only");
    const bodies = [];
    for (const replyTo of [original.id, original.id + 1_000_000, undefined]) {
      const res = await post(stranger, roomId, { content: "hi", client_id: crypto.randomUUID(), reply_to_id: replyTo });
      expect(res.status).toBe(404);
      bodies.push(res.body);
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toEqual(bodies[2]);
  });

  it("a deleted original shows as deleted, never its old text; an edited one shows the new text", async () => {
    const edited = await send(b, roomId, "meet at 9");
    const deleted = await send(b, roomId, "my secret address");
    const r1 = await post(a, roomId, { content: "ok", client_id: crypto.randomUUID(), reply_to_id: edited.id });
    const r2 = await post(a, roomId, { content: "noted", client_id: crypto.randomUUID(), reply_to_id: deleted.id });
    await delivered(editMessage({ userId: b.id, roomId, messageId: edited.id, content: "meet at 10" }));
    await delivered(deleteOwnMessage({ userId: b.id, roomId, messageId: deleted.id }));

    const res = await get(a, roomId, "limit=10");
    expect(JSON.stringify(res.body)).not.toContain("secret address");
    const byId = new Map(v.parse(wireMessagePageSchema, res.body).messages.map((m) => [m.id, m]));
    expect(byId.get(r1.body.id)?.reply_to).toMatchObject({ id: edited.id, excerpt: "meet at 10", deleted: false });
    expect(byId.get(r2.body.id)?.reply_to).toMatchObject({ id: deleted.id, excerpt: "", deleted: true });
    // A reply to a message already deleted is refused by nothing: it still quotes it as deleted.
    const r3 = await post(a, roomId, { content: "late", client_id: crypto.randomUUID(), reply_to_id: deleted.id });
    expect(r3.status).toBe(201);
    expect(r3.body.reply_to).toMatchObject({ deleted: true, excerpt: "" });
  });

  it("quotes a 4,000-character CJK and emoji original in at most 200 bytes, whole graphemes, one line, and the event fits its budget", async () => {
    const long = "漢字👩‍👩‍👧\nעברית ".repeat(500).slice(0, 4000);
    const original = await send(b, roomId, long);
    const watcher = await Subscriber.connect(realtime);
    await watcher.subscribe(roomChannel(roomId));
    const res = await post(a, roomId, { content: "🎉中文".repeat(1000), client_id: crypto.randomUUID(), reply_to_id: original.id });
    expect(res.status).toBe(201);
    const excerpt: string = res.body.reply_to.excerpt;
    expect(excerpt.endsWith("…")).toBe(true);
    expect(utf8(excerpt.slice(0, -1))).toBeLessThanOrEqual(REPLY_EXCERPT_BYTES);
    expect(utf8(excerpt)).toBeGreaterThan(REPLY_EXCERPT_BYTES / 2);
    expect(excerpt).not.toContain("\n");
    expect(hasLoneSurrogate(excerpt)).toBe(false);
    // Whole family emoji only: a cut inside the ZWJ sequence would leave a lone 👩 or 👧.
    expect(excerpt.replaceAll("👩‍👩‍👧", "")).not.toMatch(/👩|👧/u);

    const created = await watcher.waitFor((f) => f.event === "message.created" && (f.data as { id: number }).id === res.body.id);
    expect(jsonBytes(created.data)).toBeLessThanOrEqual(EVENT_DATA_BUDGET_BYTES);
    expect(created.data).toMatchObject({ truncated: true, reply_to: { id: original.id, excerpt } });
    watcher.close();
  });
});

describe("a page around a message (around=)", () => {
  let a: User;
  let stranger: User;
  let roomId: number;
  let ids: number[];

  beforeAll(async () => {
    [a, stranger] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id])).id;
    ids = await makeMessages(roomId, a.id, 120);
  });

  it("centres the page on the message, with cursors that continue it both ways without a gap", async () => {
    const target = ids[59];
    const res = await get(a, roomId, `around=${target}&limit=20`);
    expect(res.status).toBe(200);
    const page = v.parse(wireMessagePageSchema, res.body);
    expect(page.messages.map((m) => m.id)).toEqual(ids.slice(49, 69));
    expect(page).toMatchObject({ count: 20, oldest_id: ids[49], newest_id: ids[68], has_more: true, has_more_older: true, has_more_newer: true });

    const older = v.parse(wireMessagePageSchema, (await get(a, roomId, `before=${page.oldest_id}&limit=20`)).body);
    const newer = v.parse(wireMessagePageSchema, (await get(a, roomId, `after=${page.newest_id}&limit=20`)).body);
    expect([...older.messages, ...page.messages, ...newer.messages].map((m) => m.id)).toEqual(ids.slice(29, 89));
  });

  it("says where the room ends: at the newest and the oldest message, and with limit=1", async () => {
    const end = v.parse(wireMessagePageSchema, (await get(a, roomId, `around=${ids[118]}&limit=10`)).body);
    expect(end.messages.map((m) => m.id)).toEqual(ids.slice(110, 120));
    expect(end).toMatchObject({ has_more_older: true, has_more_newer: false });
    const start = v.parse(wireMessagePageSchema, (await get(a, roomId, `around=${ids[0]}&limit=10`)).body);
    expect(start.messages.map((m) => m.id)).toEqual(ids.slice(0, 10));
    expect(start).toMatchObject({ has_more: false, has_more_older: false, has_more_newer: true });
    const one = v.parse(wireMessagePageSchema, (await get(a, roomId, `around=${ids[119]}&limit=1`)).body);
    expect(one).toMatchObject({ count: 1, newest_id: ids[119], has_more_older: true, has_more_newer: false });
  });

  it("answers 404 for a message of another room and for a stranger, 400 for mixed cursors", async () => {
    const otherRoom = (await makeRoom([a.id])).id;
    const [elsewhere] = await makeMessages(otherRoom, a.id, 1);
    expect((await get(a, roomId, `around=${elsewhere}`)).status).toBe(404);
    expect((await get(a, roomId, `around=${ids.at(-1)! + 1_000_000}`)).status).toBe(404);
    const strangerRes = await get(stranger, roomId, `around=${ids[5]}`);
    expect(strangerRes.status).toBe(404);
    expect((await get(stranger, roomId, `around=${elsewhere}`)).body).toEqual(strangerRes.body);
    expect((await get(a, roomId, `around=${ids[5]}&before=${ids[9]}`)).status).toBe(400);
    expect((await get(a, roomId, `around=${ids[5]}&after=${ids[1]}`)).status).toBe(400);
  });
});
