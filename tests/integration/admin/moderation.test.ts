// Soft-deleting a message: the room's last message and participants' unread counts are
// recomputed in the same transaction, the action is audited, and clients are told.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteMessage } from "@/lib/admin/moderation";
import { markRead } from "@/lib/chat/read";
import { sendMessage } from "@/lib/chat/send";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import type { RealtimeServer } from "@/realtime-server";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { delivered } from "@/tests/support/delivered";

type User = Awaited<ReturnType<typeof makeUser>>;

const send = async (from: User, roomId: number, content: string) =>
  (await delivered(sendMessage({ userId: from.id, roomId, content, clientId: crypto.randomUUID() }))).message;

/** Unread as defined: live messages from others newer than the read mark. */
async function countedUnread(roomId: number, userId: number) {
  const p = await db.chatParticipant.findUniqueOrThrow({ where: { roomId_userId: { roomId, userId } } });
  const counted = await db.message.count({
    where: { roomId, senderId: { not: userId }, deletedAt: null, id: { gt: p.lastReadMessageId ?? 0n } },
  });
  return { stored: p.unreadCount, counted };
}

describe("deleting a message", () => {
  let admin: User;
  let a: User;
  let b: User;
  let c: User;
  let roomId: number;
  let realtime: RealtimeServer;

  beforeAll(async () => {
    realtime = await startRealtime();
    admin = await makeUser({ role: "ADMIN" });
  });
  afterAll(() => stopRealtime(realtime));

  beforeEach(async () => {
    [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id, c.id])).id;
  });

  it("deleting the last message puts the previous one back as the room's last, recounts unread, audits and publishes", async () => {
    const m1 = await send(a, roomId, "first");
    const m2 = await send(b, roomId, "second");
    await delivered(markRead({ userId: b.id, roomId, upToId: m2.id }));
    const m3 = await send(a, roomId, "third, to be removed");
    expect((await countedUnread(roomId, c.id)).stored).toBe(3);
    expect((await countedUnread(roomId, b.id)).stored).toBe(1);

    const roomWatcher = await Subscriber.connect(realtime);
    const bWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe(roomChannel(roomId));
    await bWatcher.subscribe(userChannel(b.id));

    const result = await delivered(deleteMessage(admin, { message_id: m3.id, reason: "spam" }));
    expect(result).toEqual({ messageId: m3.id, roomId, alreadyDeleted: false });

    expect((await db.message.findUniqueOrThrow({ where: { id: m3.id } })).deletedAt).toBeInstanceOf(Date);
    const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
    expect(room).toMatchObject({ lastMessageContent: "second", lastMessageSenderId: b.id });
    expect(room.lastMessageTime?.toISOString()).toBe(m2.timestamp);
    expect(await countedUnread(roomId, c.id)).toEqual({ stored: 2, counted: 2 });
    expect(await countedUnread(roomId, b.id)).toEqual({ stored: 0, counted: 0 });
    expect(await countedUnread(roomId, a.id)).toEqual({ stored: 1, counted: 1 });

    const audit = await db.auditLog.findMany({ where: { targetType: "message", targetId: m3.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, action: "message.delete", details: { room_id: roomId, sender_id: a.id, reason: "spam" } });
    expect(JSON.stringify(audit[0].details)).not.toContain("third");

    const deleted = await roomWatcher.waitFor((f) => f.event === "message.deleted");
    expect(deleted).toEqual({ event: "message.deleted", channel: roomChannel(roomId), data: { id: m3.id, room_id: roomId } });
    const updated = await bWatcher.waitFor((f) => f.event === "room.updated");
    expect(updated.data).toMatchObject({ id: roomId, unread_count: 0, last_message_content: "second", last_message_sender: { id: b.id } });
    roomWatcher.close();
    bWatcher.close();
    expect(m1.id).toBeLessThan(m3.id);
  });

  it("deleting an older message keeps the room's last message and recounts only those who had not read it", async () => {
    const m1 = await send(a, roomId, "old");
    await delivered(markRead({ userId: c.id, roomId, upToId: m1.id }));
    const m2 = await send(b, roomId, "newest");
    await delivered(deleteMessage(admin, { message_id: m1.id, reason: undefined }));
    const room = await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } });
    expect(room).toMatchObject({ lastMessageContent: "newest", lastMessageSenderId: b.id });
    expect(room.lastMessageTime?.toISOString()).toBe(m2.timestamp);
    // b had not read m1: it no longer counts. c had read it: untouched (still m2 unread).
    expect(await countedUnread(roomId, b.id)).toEqual({ stored: 0, counted: 0 });
    expect(await countedUnread(roomId, c.id)).toEqual({ stored: 1, counted: 1 });
    expect(await countedUnread(roomId, a.id)).toEqual({ stored: 1, counted: 1 });
  });

  it("deleting a room's only message empties its last message", async () => {
    const only = await send(a, roomId, "alone");
    await delivered(deleteMessage(admin, { message_id: only.id, reason: undefined }));
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({
      lastMessageContent: "",
      lastMessageTime: null,
      lastMessageSenderId: null,
    });
    expect(await countedUnread(roomId, b.id)).toEqual({ stored: 0, counted: 0 });
  });

  it("is idempotent (no second audit row) and answers not_found for a message that does not exist", async () => {
    const m = await send(a, roomId, "twice");
    await delivered(deleteMessage(admin, { message_id: m.id, reason: undefined }));
    const firstDeletedAt = (await db.message.findUniqueOrThrow({ where: { id: m.id } })).deletedAt;
    expect(await delivered(deleteMessage(admin, { message_id: m.id, reason: undefined }))).toMatchObject({ alreadyDeleted: true });
    expect((await db.message.findUniqueOrThrow({ where: { id: m.id } })).deletedAt).toEqual(firstDeletedAt);
    expect(await db.auditLog.count({ where: { targetType: "message", targetId: m.id } })).toBe(1);
    await expect(delivered(deleteMessage(admin, { message_id: Number.MAX_SAFE_INTEGER, reason: undefined }))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a send after a deletion keeps counting from the recomputed state", async () => {
    const m1 = await send(a, roomId, "one");
    await delivered(deleteMessage(admin, { message_id: m1.id, reason: undefined }));
    await send(a, roomId, "two");
    expect(await countedUnread(roomId, b.id)).toEqual({ stored: 1, counted: 1 });
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "two" });
  });
});
