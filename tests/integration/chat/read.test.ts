import { beforeAll, describe, expect, it } from "vitest";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { GET as unreadRoute } from "@/app/api/chat/unread/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("read state", () => {
  let a: User;
  let b: User;
  let roomId: number;
  const ids: number[] = [];
  const read = async (who: User, json: unknown) =>
    call(readRoute, await request(who, "POST", `/api/chat/rooms/${roomId}/read`, { json }), { roomId: String(roomId) });

  beforeAll(async () => {
    [a, b] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
    for (let i = 0; i < 6; i++) {
      const { message } = await delivered(sendMessage({ userId: b.id, roomId, content: `m${i}`, clientId: crypto.randomUUID() }));
      ids.push(message.id);
    }
    await delivered(sendMessage({ userId: a.id, roomId, content: "mine", clientId: crypto.randomUUID() }));
  });

  it("sets unread_count to the newer messages from others, last_read_message_id, and is_read", async () => {
    const res = await read(a, { up_to_id: ids[3] });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(roomId);
    expect(res.body.unread_count).toBe(2);
    expect(res.body.last_read_id).toBe(ids[3]);
    const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: a.id } } });
    expect(p.unreadCount).toBe(2);
    expect(Number(p.lastReadMessageId)).toBe(ids[3]);
    const flags = await db.message.findMany({ where: { roomId, senderId: b.id }, orderBy: { id: "asc" }, select: { isRead: true } });
    expect(flags.map((f) => f.isRead)).toEqual([true, true, true, true, false, false]);
  });

  it("never moves the read mark backwards", async () => {
    const res = await read(a, { up_to_id: ids[0] });
    expect(res.body.unread_count).toBe(2);
    expect(res.body.last_read_id).toBe(ids[3]);
    const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: a.id } } });
    expect(Number(p.lastReadMessageId)).toBe(ids[3]);
  });

  it("reports the total unread over all rooms for the tab title", async () => {
    const other = (await makeRoom([a.id, b.id])).id;
    await delivered(sendMessage({ userId: b.id, roomId: other, content: "elsewhere", clientId: crypto.randomUUID() }));
    const res = await call(unreadRoute, await request(a, "GET", "/api/chat/unread"));
    expect(res.body).toEqual({ total: 3 });
    await read(a, { up_to_id: ids[5] });
    expect((await call(unreadRoute, await request(a, "GET", "/api/chat/unread"))).body).toEqual({ total: 1 });
  });

  it("rejects bad input with 400", async () => {
    for (const json of [{}, { up_to_id: 0 }, { up_to_id: -1 }, { up_to_id: 1.5 }, { up_to_id: "5" }, { up_to_id: 2 ** 60 }, { up_to_id: 1, x: 1 }]) {
      const res = await read(a, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
    }
  });
});
