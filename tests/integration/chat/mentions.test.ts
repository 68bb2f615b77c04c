// @mentions through the REST routes: a mention is stored as the user's id ("<@id>"), recorded for
// members of the room only, counted in the mentioned member's unread mentions (the room list's
// "@" badge) by the send, and kept right by read, edit and delete; previews and excerpts show names.
import * as v from "valibot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listMessages, POST as postMessage } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { DELETE, PATCH } from "@/app/api/chat/rooms/[roomId]/messages/[messageId]/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { GET as roomsRoute } from "@/app/api/chat/rooms/route";
import { GET as searchRoute } from "@/app/api/chat/search/route";
import { db } from "@/lib/db";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";
import { MAX_MENTIONS_PER_MESSAGE, mentionToken } from "@/lib/chat/mention-text";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import { parseEvent } from "@/lib/wire/events";
import { roomPageSchema, searchPageSchema, wireMessagePageSchema, wireMessageSchema, wireRoomSchema } from "@/lib/wire/rest";
import type { RealtimeServer } from "@/realtime-server";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

type User = Awaited<ReturnType<typeof makeUser>>;

const at = (u: { id: number }) => mentionToken(u.id);

async function send(from: User, roomId: number, content: string, clientId: string = crypto.randomUUID()) {
  const res = await call(postMessage, await request(from, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content, client_id: clientId } }), {
    roomId: String(roomId),
  });
  if (res.status < 300) v.parse(wireMessageSchema, res.body);
  return res;
}
const edit = async (as: User, roomId: number, messageId: number, content: string) =>
  call(PATCH, await request(as, "PATCH", `/api/chat/rooms/${roomId}/messages/${messageId}`, { json: { content } }), {
    roomId: String(roomId),
    messageId: String(messageId),
  });
const remove = async (as: User, roomId: number, messageId: number) =>
  call(DELETE, await request(as, "DELETE", `/api/chat/rooms/${roomId}/messages/${messageId}`), {
    roomId: String(roomId),
    messageId: String(messageId),
  });
const read = async (as: User, roomId: number, upToId: number) =>
  call(readRoute, await request(as, "POST", `/api/chat/rooms/${roomId}/read`, { json: { up_to_id: upToId } }), { roomId: String(roomId) });

async function listedRoom(as: User, roomId: number) {
  const res = await call(roomsRoute, await request(as, "GET", "/api/chat/rooms?limit=100"));
  expect(res.status).toBe(200);
  return v.parse(roomPageSchema, res.body).rooms.find((r) => r.id === roomId);
}
async function counts(roomId: number, user: User) {
  const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: user.id } } });
  return { unread: p.unreadCount, mentions: p.unreadMentionCount };
}
/** What the count must be: mentions of the user in messages from others, after their read mark, not deleted. */
async function recount(roomId: number, user: User) {
  const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: user.id } } });
  return db.messageMention.count({
    where: {
      userId: user.id,
      message: { roomId, deletedAt: null, senderId: { not: user.id }, id: { gt: p.lastReadMessageId ?? 0n } },
    },
  });
}

describe("@mentions", () => {
  let a: User;
  let b: User;
  let c: User;
  let stranger: User;
  let roomId: number;
  let realtime: RealtimeServer;

  beforeAll(async () => {
    realtime = await startRealtime();
  });
  afterAll(() => stopRealtime(realtime));

  beforeEach(async () => {
    // One after another, so a.id < b.id < c.id: mentions are listed by id.
    a = await makeUser();
    b = await makeUser({ name: "Bea 山田 😀 שלום" });
    c = await makeUser();
    stranger = await makeUser();
    roomId = (await makeRoom([a.id, b.id, c.id])).id;
  });

  it("stores the id, records members only, counts it for the mentioned member, and previews names", async () => {
    const bList = await Subscriber.connect(realtime);
    await bList.subscribe(userChannel(b.id));
    const content = `hi ${at(b)}, ask ${at(stranger)} and me ${at(a)}`;
    const res = await send(a, roomId, content);
    expect(res.status).toBe(201);
    expect(res.body.content).toBe(content);
    expect(res.body.mentions).toEqual([
      { id: a.id, username: a.username, name: a.name },
      { id: b.id, username: b.username, name: "Bea 山田 😀 שלום" },
    ]);

    const rows = await db.messageMention.findMany({ where: { messageId: BigInt(res.body.id) }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId)).toEqual([a.id, b.id]);
    expect(await counts(roomId, b)).toEqual({ unread: 1, mentions: 1 });
    expect(await counts(roomId, c)).toEqual({ unread: 1, mentions: 0 });
    // A self-mention is recorded (it renders as a name) but never counted.
    expect(await counts(roomId, a)).toEqual({ unread: 0, mentions: 0 });

    const preview = `hi @Bea 山田 😀 שלום, ask ${at(stranger)} and me @${a.name}`;
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastMessageContent).toBe(preview);
    expect(await listedRoom(b, roomId)).toMatchObject({ last_message_content: preview, unread_count: 1, unread_mentions: 1 });
    expect(await listedRoom(c, roomId)).toMatchObject({ unread_count: 1, unread_mentions: 0 });

    const frame = await bList.waitFor((f) => f.event === "room.activity");
    expect(parseEvent("room.activity", frame.data)).toMatchObject({ preview, mentions: [a.id, b.id] });
    bList.close();

    const page = await call(listMessages, await request(c, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(
      v
        .parse(wireMessagePageSchema, page.body)
        .messages.at(-1)
        ?.mentions?.map((m) => m.id),
    ).toEqual([a.id, b.id]);
  });

  it("a retried send answers the same mentions and counts nothing twice", async () => {
    const clientId = crypto.randomUUID();
    const first = await send(a, roomId, `ping ${at(b)}`, clientId);
    const again = await send(a, roomId, `ping ${at(b)}`, clientId);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.mentions).toEqual(first.body.mentions);
    expect(await counts(roomId, b)).toEqual({ unread: 1, mentions: 1 });
  });

  it("a message of only a mention previews as the name; a rename shows the new name, the token unchanged", async () => {
    const res = await send(a, roomId, at(b));
    expect(res.status).toBe(201);
    expect(await listedRoom(c, roomId)).toMatchObject({ last_message_content: "@Bea 山田 😀 שלום" });
    await db.user.update({ where: { id: b.id }, data: { name: "Beatrix" } });
    const page = await call(listMessages, await request(c, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(page.body.messages.at(-1)).toMatchObject({ content: at(b), mentions: [{ id: b.id, name: "Beatrix" }] });
  });

  it("the content limit counts the tokens as stored; a mention past the per-message limit stays text", async () => {
    const tail = ` ${at(b)}`;
    const fits = `${"界".repeat(MAX_MESSAGE_LENGTH - tail.length)}${tail}`;
    expect((await send(a, roomId, fits)).status).toBe(201);
    expect((await send(a, roomId, `界${fits}`)).status).toBe(400);

    const others = await Promise.all(Array.from({ length: MAX_MENTIONS_PER_MESSAGE }, () => makeUser()));
    await db.chatParticipant.createMany({ data: others.map((u) => ({ roomId, userId: u.id })) });
    const many = await send(a, roomId, `${others.map(at).join(" ")} ${at(b)}`);
    expect(many.status).toBe(201);
    expect(many.body.mentions).toHaveLength(MAX_MENTIONS_PER_MESSAGE);
    expect(many.body.mentions.some((m: { id: number }) => m.id === b.id)).toBe(false);
    expect(await counts(roomId, b)).toEqual({ unread: 2, mentions: 1 });
  });

  it("reading clears the count; a read that stops before the mention keeps it", async () => {
    const before = (await send(c, roomId, "first")).body.id;
    const mention = (await send(a, roomId, `look ${at(b)}`)).body.id;
    expect(await counts(roomId, b)).toEqual({ unread: 2, mentions: 1 });
    const partial = await read(b, roomId, before);
    expect(v.parse(wireRoomSchema, partial.body)).toMatchObject({ unread_count: 1, unread_mentions: 1 });
    const full = await read(b, roomId, mention);
    expect(full.body).toMatchObject({ unread_count: 0, unread_mentions: 0 });
    expect(await counts(roomId, b)).toEqual({ unread: 0, mentions: 0 });
  });

  it("counts stay exact under concurrent sends and reads", async () => {
    const senders = [a, c];
    const sends = senders.flatMap((from, s) =>
      Array.from({ length: 9 }, (_, i) => send(from, roomId, i % 2 === s % 2 ? `yo ${at(b)} ${i}` : `plain ${i}`)),
    );
    const reads = (async () => {
      for (let i = 0; i < 4; i++) {
        const newest = await db.message.findFirst({ where: { roomId }, orderBy: { id: "desc" } });
        if (newest) await read(b, roomId, Number(newest.id));
      }
    })();
    const results = await Promise.all(sends);
    await reads;
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect((await counts(roomId, b)).mentions).toBe(await recount(roomId, b));
    const total = await db.messageMention.count({ where: { userId: b.id, message: { roomId } } });
    expect(total).toBe(9);
    const last = await db.message.findFirstOrThrow({ where: { roomId }, orderBy: { id: "desc" } });
    await read(b, roomId, Number(last.id));
    expect(await counts(roomId, b)).toEqual({ unread: 0, mentions: 0 });
  });

  it("an edit that adds or removes a mention moves the unread count of those who have not read it, and tells their list", async () => {
    const m = (await send(a, roomId, "hello")).body.id;
    await send(c, roomId, "newer, so the edit is not the preview");
    await read(c, roomId, m);
    const bList = await Subscriber.connect(realtime);
    const cList = await Subscriber.connect(realtime);
    const roomWatcher = await Subscriber.connect(realtime);
    await bList.subscribe(userChannel(b.id));
    await cList.subscribe(userChannel(c.id));
    await roomWatcher.subscribe(roomChannel(roomId));

    const added = await edit(a, roomId, m, `hello ${at(b)} ${at(c)}`);
    expect(added.status).toBe(200);
    expect(added.body.mentions.map((x: { id: number }) => x.id)).toEqual([b.id, c.id].sort((x, y) => x - y));
    expect(await counts(roomId, b)).toEqual({ unread: 2, mentions: 1 });
    // C had read it: mentioned now, but not unread.
    expect(await counts(roomId, c)).toEqual({ unread: 0, mentions: 0 });
    const update = await bList.waitFor((f) => f.event === "room.updated");
    expect(update.data).toMatchObject({ id: roomId, unread_mentions: 1 });
    const edited = await roomWatcher.waitFor((f) => f.event === "message.updated");
    expect(parseEvent("message.updated", edited.data)?.mentions?.map((x) => x.id)).toContain(b.id);

    const removed = await edit(a, roomId, m, "hello everyone");
    expect(removed.body.mentions).toEqual([]);
    expect(await counts(roomId, b)).toEqual({ unread: 2, mentions: 0 });
    expect(await db.messageMention.count({ where: { messageId: BigInt(m) } })).toBe(0);
    await bList.waitFor((f) => f.event === "room.updated" && (f.data as { unread_mentions: number }).unread_mentions === 0);
    // C's count did not move and the preview did not change: C's list heard nothing.
    expect(cList.frames.filter((f) => f.event === "room.updated")).toEqual([]);
    for (const s of [bList, cList, roomWatcher]) s.close();
  });

  it("deleting an unread mentioning message drops the count; an edited last message previews names", async () => {
    const m = (await send(a, roomId, `hey ${at(b)}`)).body.id;
    const edited = await edit(a, roomId, m, `hey ${at(b)} and ${at(c)}`);
    expect(edited.status).toBe(200);
    expect(await listedRoom(b, roomId)).toMatchObject({
      last_message_content: `hey @Bea 山田 😀 שלום and @${c.name}`,
      unread_mentions: 1,
    });
    expect((await remove(a, roomId, m)).status).toBe(204);
    expect(await counts(roomId, b)).toEqual({ unread: 0, mentions: 0 });
    expect(await counts(roomId, c)).toEqual({ unread: 0, mentions: 0 });
    // The preview falls back to the previous live message, with its mentions as names.
    await send(c, roomId, `older ${at(a)}`);
    const last = (await send(a, roomId, "to delete")).body.id;
    await remove(a, roomId, last);
    expect(await listedRoom(b, roomId)).toMatchObject({ last_message_content: `older @${a.name}` });
  });

  it("the preview recomputed in SQL after a delete names mentions as the send did, even a name that looks like a token", async () => {
    await db.user.update({ where: { id: b.id }, data: { name: `${at(c)} 😀` } });
    await send(a, roomId, `${at(b)} ${at(c)} ${at(stranger)} end`);
    const sent = (await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastMessageContent;
    expect(sent).toBe(`@${at(c)} 😀 @${c.name} ${at(stranger)} end`);
    const newer = (await send(a, roomId, "newer")).body.id;
    expect((await remove(a, roomId, newer)).status).toBe(204);
    expect((await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).lastMessageContent).toBe(sent);
  });

  it("search ignores the tokens' digits and shows names in excerpts", async () => {
    const word = `zebra${Date.now().toString(36)}`;
    await send(a, roomId, `${word} for ${at(b)}`);
    const search = async (q: string) => {
      const res = await call(searchRoute, await request(c, "GET", `/api/chat/search?${new URLSearchParams({ q })}`));
      expect(res.status).toBe(200);
      return v.parse(searchPageSchema, res.body).results;
    };
    const hits = await search(word);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.excerpt).toBe(`${word} for @Bea 山田 😀 שלום`);
    expect(await search(`${word} ${b.id}`)).toEqual([]);
  });

  it("strangers cannot mention into a room they are not in", async () => {
    const res = await send(stranger, roomId, `hi ${at(b)}`);
    expect(res.status).toBe(404);
    expect(await counts(roomId, b)).toEqual({ unread: 0, mentions: 0 });
  });
});
