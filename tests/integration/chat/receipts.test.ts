import { beforeAll, describe, expect, it } from "vitest";
import { GET as settingsGet, PATCH as settingsPatch } from "@/app/api/chat/me/settings/route";
import { POST as readRoute } from "@/app/api/chat/rooms/[roomId]/read/route";
import { GET as receiptsRoute } from "@/app/api/chat/rooms/[roomId]/receipts/route";
import { db } from "@/lib/db";
import { sendMessage } from "@/lib/chat/send";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

describe("read receipts", () => {
  let a: User;
  let b: User;
  let c: User;
  let stranger: User;
  let roomId: number;
  let mine: number;

  const read = async (who: User, upTo: number) =>
    call(readRoute, await request(who, "POST", `/api/chat/rooms/${roomId}/read`, { json: { up_to_id: upTo } }), { roomId: String(roomId) });
  const receipts = async (who: User, id = roomId) =>
    call(receiptsRoute, await request(who, "GET", `/api/chat/rooms/${id}/receipts`), { roomId: String(id) });
  const setReceipts = async (who: User, json: unknown) => call(settingsPatch, await request(who, "PATCH", "/api/chat/me/settings", { json }));
  /** The read.updated events stored for the room's channel since `after` (outbox row id). */
  const roomReads = async (after: bigint) => {
    const rows = await db.realtimeOutbox.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" } });
    return rows
      .map((r) => r.event as { event: string; payload: Record<string, unknown> })
      .filter((e) => e.event === "read.updated" && e.payload.room_id === roomId);
  };
  const lastOutboxId = async () => (await db.realtimeOutbox.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

  beforeAll(async () => {
    [a, b, c, stranger] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id, c.id])).id;
    mine = (await delivered(sendMessage({ userId: a.id, roomId, content: "did you see this?", clientId: crypto.randomUUID() }))).message.id;
  });

  it("lists the other members' read marks with the time, never the caller's own", async () => {
    expect((await receipts(a)).body).toEqual({ receipts: [] });
    expect((await read(b, mine)).status).toBe(200);
    const res = await receipts(a);
    expect(res.status).toBe(200);
    expect(res.body.receipts).toEqual([{ user_id: b.id, up_to_id: mine, read_at: expect.any(String) }]);
    expect(Date.parse(res.body.receipts[0].read_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await receipts(b)).body).toEqual({ receipts: [] });
  });

  it("publishes read.updated with the time to the room for a reader who sends receipts", async () => {
    const before = await lastOutboxId();
    const next = (await delivered(sendMessage({ userId: a.id, roomId, content: "and this", clientId: crypto.randomUUID() }))).message.id;
    await read(b, next);
    expect((await roomReads(before)).map((e) => e.payload)).toEqual([
      { room_id: roomId, user_id: b.id, up_to_id: next, read_at: expect.any(String) },
    ]);
  });

  it("turned off: the reader's reads reach nobody and their mark is hidden, and they see no one's", async () => {
    expect((await call(settingsGet, await request(c, "GET", "/api/chat/me/settings"))).body).toMatchObject({ read_receipts: true });
    const off = await setReceipts(c, { read_receipts: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ read_receipts: false });
    expect((await call(settingsGet, await request(c, "GET", "/api/chat/me/settings"))).body).toMatchObject({ read_receipts: false });

    const before = await lastOutboxId();
    const res = await read(c, mine);
    expect(res.status).toBe(200);
    expect(res.body.unread_count).toBe(1);
    expect(await roomReads(before)).toEqual([]);
    // The mark itself still moves (unread counts), but others are not told.
    const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: c.id } } });
    expect(Number(p.lastReadMessageId)).toBe(mine);
    expect((await receipts(a)).body.receipts.map((r: { user_id: number }) => r.user_id)).toEqual([b.id]);
    expect((await receipts(c)).body).toEqual({ receipts: [] });

    expect((await setReceipts(c, { read_receipts: true })).body).toMatchObject({ read_receipts: true });
    expect((await receipts(a)).body.receipts.map((r: { user_id: number }) => r.user_id).sort()).toEqual([b.id, c.id].sort());
    // `a` has read nothing yet: only b's mark.
    expect((await receipts(c)).body.receipts.map((r: { user_id: number }) => r.user_id)).toEqual([b.id]);
  });

  it("answers a stranger 404 and bad settings 400, changing nothing", async () => {
    expect((await receipts(stranger)).status).toBe(404);
    for (const json of [{}, { read_receipts: "no" }, { read_receipts: 0 }, { read_receipts: null }, { read_receipts: true, x: 1 }, []]) {
      const res = await setReceipts(a, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe("invalid_input");
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).readReceipts).toBe(true);
  });
});
