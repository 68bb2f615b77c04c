// A sender editing and deleting their own message, through the REST routes: what changes in the
// database, what the room and its members' lists hear, and every refusal changing nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { markRead } from "@/lib/chat/read";
import { sendMessage } from "@/lib/chat/send";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/limits";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import type { RealtimeServer } from "@/realtime-server";
import { call, request } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { delivered } from "@/tests/support/delivered";
import { dbFingerprint } from "@/tests/support/db-fingerprint";
import { getAdminRoom } from "@/lib/admin/rooms";
import { wireRoomDetail } from "@/lib/wire/admin";
import { PATCH, DELETE } from "@/app/api/chat/rooms/[roomId]/messages/[messageId]/route";

type User = Awaited<ReturnType<typeof makeUser>>;

const send = async (from: User, roomId: number, content: string) =>
  (await delivered(sendMessage({ userId: from.id, roomId, content, clientId: crypto.randomUUID() }))).message;

const params = (roomId: number, messageId: number) => ({ roomId: String(roomId), messageId: String(messageId) });
const path = (roomId: number, messageId: number) => `/api/chat/rooms/${roomId}/messages/${messageId}`;
const edit = async (as: User, roomId: number, messageId: number, json: unknown) =>
  call(PATCH, await request(as, "PATCH", path(roomId, messageId), { json }), params(roomId, messageId));
const remove = async (as: User, roomId: number, messageId: number) =>
  call(DELETE, await request(as, "DELETE", path(roomId, messageId)), params(roomId, messageId));

describe("editing and deleting my own message", () => {
  let a: User;
  let b: User;
  let c: User;
  let roomId: number;
  let realtime: RealtimeServer;

  beforeAll(async () => {
    realtime = await startRealtime();
  });
  afterAll(() => stopRealtime(realtime));

  beforeEach(async () => {
    [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id, c.id])).id;
  });

  it("an edit replaces the text, keeps the old one for admins, marks it edited and tells the room and the lists", async () => {
    const m = await send(a, roomId, "see you at 9");
    const roomWatcher = await Subscriber.connect(realtime);
    const bWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe(roomChannel(roomId));
    await bWatcher.subscribe(userChannel(b.id));

    const res = await edit(a, roomId, m.id, { content: "  see you at 10  " });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.id, content: "see you at 10", deleted: false, edited_at: expect.any(String) });

    const row = await db.message.findUniqueOrThrow({ where: { id: m.id }, include: { edits: true } });
    expect(row.content).toBe("see you at 10");
    expect(row.edits.map((e) => e.oldContent)).toEqual(["see you at 9"]);
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "see you at 10" });

    const updated = await roomWatcher.waitFor((f) => f.event === "message.updated");
    expect(updated.data).toMatchObject({ id: m.id, content: "see you at 10", edited_at: res.body.edited_at });
    const list = await bWatcher.waitFor((f) => f.event === "room.updated");
    expect(list.data).toMatchObject({ id: roomId, last_message_content: "see you at 10", unread_count: 1 });
    // Newer than any view read before the edit (a mark-read's in flight), which browsers then ignore.
    expect((list.data as { updated_at: string }).updated_at > m.timestamp).toBe(true);
    roomWatcher.close();
    bWatcher.close();

    // Admins see the history on the room detail.
    const admin = await makeUser({ role: "ADMIN" });
    const detail = wireRoomDetail(await getAdminRoom({ ...admin, role: "ADMIN" }, roomId));
    expect(detail.messages.find((x) => x.id === m.id)).toMatchObject({
      content: "see you at 10",
      edited_at: res.body.edited_at,
      edits: [{ content: "see you at 9", edited_at: expect.any(String) }],
    });
  });

  it("an edit too large for one event goes out as a preview marked truncated", async () => {
    const m = await send(a, roomId, "short");
    const roomWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe(roomChannel(roomId));
    // 3 bytes each in UTF-8: 12 KB, over the 10 KB event budget.
    const long = "€".repeat(MAX_MESSAGE_LENGTH);
    expect((await edit(a, roomId, m.id, { content: long })).status).toBe(200);
    const updated = await roomWatcher.waitFor((f) => f.event === "message.updated");
    expect(updated.data).toMatchObject({ id: m.id, truncated: true });
    expect(long.startsWith((updated.data as { content: string }).content)).toBe(true);
    roomWatcher.close();
  });

  it("editing an older message leaves the room's last message alone", async () => {
    const old = await send(a, roomId, "old");
    await send(b, roomId, "newest");
    expect((await edit(a, roomId, old.id, { content: "old, fixed" })).status).toBe(200);
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "newest", lastMessageSenderId: b.id });
  });

  it("deleting my latest message puts the previous one back in the lists and drops it from unread counts", async () => {
    const m1 = await send(b, roomId, "first");
    await delivered(markRead({ userId: c.id, roomId, upToId: m1.id }));
    const m2 = await send(a, roomId, "oops");
    const roomWatcher = await Subscriber.connect(realtime);
    const cWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe(roomChannel(roomId));
    await cWatcher.subscribe(userChannel(c.id));

    const res = await remove(a, roomId, m2.id);
    expect(res.status).toBe(204);
    const row = await db.message.findUniqueOrThrow({ where: { id: m2.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "first", lastMessageSenderId: b.id });
    const unread = async (u: User) =>
      (await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId: u.id } } })).unreadCount;
    // b had m2 unread (m1 is theirs), c had read m1 and had m2 unread.
    expect({ b: await unread(b), c: await unread(c) }).toEqual({ b: 0, c: 0 });

    expect((await roomWatcher.waitFor((f) => f.event === "message.deleted")).data).toEqual({ id: m2.id, room_id: roomId });
    expect((await cWatcher.waitFor((f) => f.event === "room.updated")).data).toMatchObject({
      id: roomId,
      unread_count: 0,
      last_message_content: "first",
    });
    // Deleting again is a no-op (a retry).
    expect(await remove(a, roomId, m2.id)).toMatchObject({ status: 204 });
    roomWatcher.close();
    cWatcher.close();
  });

  describe("refusals change nothing", () => {
    const refused = async (res: Promise<{ status: number; body: { error: { code: string } } }>, status: number, code: string) => {
      const before = await dbFingerprint();
      const answer = await res;
      expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status, code });
      expect(await dbFingerprint()).toEqual(before);
    };

    it("someone else's message: 403; a message in another room or a room I am not in: 404", async () => {
      const theirs = await send(b, roomId, "b's");
      const elsewhere = (await makeRoom([a.id, b.id])).id;
      const inOther = await send(a, elsewhere, "a's, elsewhere");
      const strangerRoom = (await makeRoom([b.id, c.id])).id;
      const strangers = await send(b, strangerRoom, "private");
      await refused(edit(a, roomId, theirs.id, { content: "hijack" }), 403, "forbidden");
      await refused(remove(a, roomId, theirs.id), 403, "forbidden");
      await refused(edit(a, roomId, inOther.id, { content: "moved" }), 404, "not_found");
      await refused(remove(a, roomId, inOther.id), 404, "not_found");
      await refused(edit(a, strangerRoom, strangers.id, { content: "x" }), 404, "not_found");
      await refused(remove(a, roomId, 9_007_199_254_740_991), 404, "not_found");
    });

    it("after the 15-minute window, or once deleted: 409; invalid content: 400 or 413", async () => {
      const late = await send(a, roomId, "sent long ago");
      await db.message.update({ where: { id: late.id }, data: { timestamp: new Date(Date.now() - 15 * 60 * 1000 - 1000) } });
      await refused(edit(a, roomId, late.id, { content: "too late" }), 409, "conflict");
      // Deleting has no window.
      expect((await remove(a, roomId, late.id)).status).toBe(204);
      await refused(edit(a, roomId, late.id, { content: "revive" }), 409, "conflict");

      const m = await send(a, roomId, "fine");
      await refused(edit(a, roomId, m.id, { content: "   " }), 400, "invalid_input");
      await refused(edit(a, roomId, m.id, { content: "x".repeat(MAX_MESSAGE_LENGTH + 1) }), 400, "invalid_input");
      await refused(edit(a, roomId, m.id, { content: "ok", client_id: crypto.randomUUID() }), 400, "invalid_input");
      await refused(edit(a, roomId, m.id, { content: "😀".repeat(20_000) }), 413, "payload_too_large");
      const bad = await call(PATCH, await request(a, "PATCH", path(roomId, m.id), { json: { content: "x" } }), {
        roomId: String(roomId),
        messageId: "1e3",
      });
      expect(bad.status).toBe(400);
    });
  });
});
