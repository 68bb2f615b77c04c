import { beforeAll, describe, expect, it } from "vitest";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

const send = async (who: User, roomId: number, json: unknown, headers: Record<string, string> = {}) =>
  call(sendRoute, await request(who, "POST", `/api/chat/rooms/${roomId}/messages`, { json, headers }), { roomId: String(roomId) });

async function truth(roomId: number) {
  const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
  const newest = await db.message.findFirst({ where: { roomId }, orderBy: { id: "desc" } });
  const participants = await db.chatParticipant.findMany({ where: { roomId } });
  const expectedUnread = await Promise.all(
    participants.map(async (p) => ({
      userId: p.userId,
      stored: p.unreadCount,
      counted: await db.message.count({
        where: { roomId, senderId: { not: p.userId }, deletedAt: null, id: { gt: p.lastReadMessageId ?? 0n } },
      }),
    })),
  );
  return { room, newest, expectedUnread };
}

describe("sending a message", () => {
  let a: User;
  let b: User;
  let c: User;
  let roomId: number;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id, c.id])).id;
  });

  it("stores the message and, in the same transaction, the room's last message and others' unread counts", async () => {
    const before = await db.chatParticipant.findMany({ where: { roomId }, orderBy: { userId: "asc" } });
    const clientId = crypto.randomUUID();
    const res = await send(a, roomId, { content: "  Hello there  ", client_id: clientId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      room_id: roomId,
      sender: { id: a.id, username: a.username },
      content: "Hello there",
      client_id: clientId,
      deleted: false,
    });
    const { room, newest, expectedUnread } = await truth(roomId);
    expect(Number(newest!.id)).toBe(res.body.id);
    expect(room.lastMessageContent).toBe("Hello there");
    expect(room.lastMessageSenderId).toBe(a.id);
    expect(room.lastMessageTime?.toISOString()).toBe(res.body.timestamp);
    expect(room.updatedAt.toISOString()).toBe(res.body.timestamp);
    const after = await db.chatParticipant.findMany({ where: { roomId }, orderBy: { userId: "asc" } });
    for (const [i, p] of after.entries()) {
      expect(p.unreadCount).toBe(before[i].unreadCount + (p.userId === a.id ? 0 : 1));
      if (p.userId === a.id) expect(p.lastSeen.getTime()).toBeGreaterThanOrEqual(before[i].lastSeen.getTime());
    }
    for (const u of expectedUnread) expect(u.stored).toBe(u.counted);
  });

  it("is idempotent on (sender, client_id): a retry answers 200 with the original and changes nothing", async () => {
    const clientId = crypto.randomUUID();
    const first = await send(b, roomId, { content: "once", client_id: clientId });
    const snapshot = await truth(roomId);
    const retry = await send(b, roomId, { content: "once", client_id: clientId });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    // The retry takes no seq: the room's counter stays at the original's.
    expect(retry.body.seq).toBe(first.body.seq);
    expect(await truth(roomId)).toEqual(snapshot);
    expect(await db.message.count({ where: { senderId: b.id, clientId } })).toBe(1);
  });

  it("stores one message when concurrent retries race", async () => {
    const clientId = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => delivered(sendMessage({ userId: c.id, roomId, content: "race", clientId }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(await db.message.count({ where: { senderId: c.id, clientId } })).toBe(1);
    const { expectedUnread } = await truth(roomId);
    for (const u of expectedUnread) expect(u.stored).toBe(u.counted);
  });

  it("keeps unread counts exact and the last message equal to the highest id under 50 concurrent sends from 5 users", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    const room = (await makeRoom(users.map((u) => u.id))).id;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        delivered(sendMessage({ userId: users[i % 5].id, roomId: room, content: `concurrent ${i}`, clientId: crypto.randomUUID() })),
      ),
    );
    const { room: stored, newest, expectedUnread } = await truth(room);
    expect(await db.message.count({ where: { roomId: room } })).toBe(50);
    // seq: 1..50 with no gap, in id (commit) order, and the room's counter at the newest.
    const numbered = await db.message.findMany({ where: { roomId: room }, orderBy: { id: "asc" }, select: { seq: true } });
    expect(numbered.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(stored.lastSeq).toBe(50);
    expect(stored.lastMessageContent).toBe(newest!.content);
    expect(stored.lastMessageSenderId).toBe(newest!.senderId);
    expect(stored.lastMessageTime?.getTime()).toBe(newest!.timestamp.getTime());
    for (const u of expectedUnread) {
      expect(u.stored).toBe(u.counted);
      expect(u.stored).toBe(40);
    }
  });

  it("refuses empty, whitespace-only, too-long and malformed bodies with 400, storing nothing", async () => {
    const count = await db.message.count({ where: { roomId } });
    const bad: unknown[] = [
      { content: "", client_id: crypto.randomUUID() },
      { content: "   \n\t ", client_id: crypto.randomUUID() },
      { content: "x".repeat(4001), client_id: crypto.randomUUID() },
      { content: "ok", client_id: "not-a-uuid" },
      { content: "ok" },
      { client_id: crypto.randomUUID() },
      { content: 42, client_id: crypto.randomUUID() },
      { content: "ok", client_id: crypto.randomUUID(), extra: 1 },
      [],
      null,
      "text",
    ];
    for (const json of bad) {
      const res = await send(a, roomId, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
    const notJson = await call(
      sendRoute,
      await request(a, "POST", `/api/chat/rooms/${roomId}/messages`, { body: "{oops", headers: { "content-type": "application/json" } }),
      { roomId: String(roomId) },
    );
    expect(notJson.status).toBe(400);
    const wrongType = await call(
      sendRoute,
      await request(a, "POST", `/api/chat/rooms/${roomId}/messages`, { body: "content=hi", headers: { "content-type": "text/plain" } }),
      { roomId: String(roomId) },
    );
    expect(wrongType.status).toBe(400);
    const huge = await send(a, roomId, { content: "x".repeat(200_000), client_id: crypto.randomUUID() });
    expect(huge.status).toBe(413);
    expect((await send(a, roomId, { content: "x".repeat(4000), client_id: crypto.randomUUID() })).status).toBe(201);
    expect(await db.message.count({ where: { roomId } })).toBe(count + 1);
  });

  it("refuses a cross-site request", async () => {
    const res = await send(a, roomId, { content: "csrf", client_id: crypto.randomUUID() }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const fetchSite = await send(a, roomId, { content: "csrf", client_id: crypto.randomUUID() }, { "sec-fetch-site": "cross-site" });
    expect(fetchSite.status).toBe(403);
    const same = await send(
      a,
      roomId,
      { content: "same", client_id: crypto.randomUUID() },
      { origin: "http://localhost:3000", host: "localhost:3000" },
    );
    expect(same.status).toBe(201);
  });
});
