// Attachments leaving storage: a moderated or deleted message takes its files with it, and
// uploads no message took are deleted after a day by GET /api/cron/cleanup.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { GET as cleanupRoute } from "@/app/api/cron/cleanup/route";
import { DELETE as moderateRoute } from "@/app/api/admin/messages/[messageId]/route";
import { DELETE as deleteOwnRoute } from "@/app/api/chat/rooms/[roomId]/messages/[messageId]/route";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as serveRoute } from "@/app/api/chat/attachments/[attachmentId]/route";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { pdf, photoWithGps, startUpload, uploadFile } from "@/tests/support/attachments";

type User = Awaited<ReturnType<typeof makeUser>>;
const stored = (key: string) => existsSync(path.join(process.env.UPLOADS_DIR ?? "", key));
const keysOf = async (id: string) => {
  const row = await db.attachment.findUniqueOrThrow({ where: { id } });
  return [row.storageKey, ...(row.thumbKey ? [row.thumbKey] : [])];
};
const sendWith = async (as: Caller, roomId: number, ids: string[]) =>
  (
    await call(
      sendRoute,
      await request(as, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "", client_id: crypto.randomUUID(), attachment_ids: ids } }),
      { roomId: String(roomId) },
    )
  ).body;
const serve = async (as: Caller, id: string) =>
  (await serveRoute(await request(as, "GET", `/api/chat/attachments/${id}`), { params: Promise.resolve({ attachmentId: id }) })).status;

describe("attachments leave storage with their message, or after a day unsent", () => {
  let a: User;
  let b: User;
  let roomId: number;
  const savedSecret = process.env.CRON_SECRET;

  beforeEach(async () => {
    [a, b] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
    process.env.CRON_SECRET = "cleanup-test-secret-0123456789";
    resetEnvCache();
  });
  afterEach(() => {
    if (savedSecret === undefined) delete process.env.CRON_SECRET;
    else process.env.CRON_SECRET = savedSecret;
    resetEnvCache();
  });

  it("an admin's moderation deletes the message's files from storage, named in the audit log", async () => {
    const photo = await uploadFile(a, roomId, await photoWithGps(300, 200), "p.jpg", "image/jpeg");
    const doc = await uploadFile(a, roomId, pdf(), "d.pdf", "application/pdf");
    const keys = [...(await keysOf(photo.id)), ...(await keysOf(doc.id))];
    expect(keys).toHaveLength(3);
    expect(keys.every(stored)).toBe(true);
    const message = await sendWith(a, roomId, [photo.id, doc.id]);

    const admin = await makeUser({ role: "ADMIN" });
    const res = await call(moderateRoute, await request(admin, "DELETE", `/api/admin/messages/${message.id}`), { messageId: String(message.id) });
    expect(res.status).toBe(200);
    expect(keys.some(stored)).toBe(false);
    expect(await db.attachment.count({ where: { id: { in: [photo.id, doc.id] } } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "message.delete", targetId: BigInt(message.id) } });
    expect((audit.details as { attachment_ids: string[] }).attachment_ids.sort()).toEqual([photo.id, doc.id].sort());
    expect(await serve(b, photo.id)).toBe(404);
    expect(await serve(admin, photo.id)).toBe(404);
  });

  it("a sender deleting their message deletes its files too", async () => {
    const photo = await uploadFile(a, roomId, await photoWithGps(300, 200), "p.jpg", "image/jpeg");
    const keys = await keysOf(photo.id);
    const message = await sendWith(a, roomId, [photo.id]);
    const params = { roomId: String(roomId), messageId: String(message.id) };
    const res = await call(deleteOwnRoute, await request(a, "DELETE", `/api/chat/rooms/${roomId}/messages/${message.id}`), params);
    expect(res.status).toBe(204);
    expect(keys.some(stored)).toBe(false);
    expect(await serve(b, photo.id)).toBe(404);
  });

  it("when the newest message goes, a photo-only message before it is previewed as the photo again", async () => {
    const photo = await uploadFile(a, roomId, await photoWithGps(30, 20), "p.jpg", "image/jpeg");
    await sendWith(a, roomId, [photo.id]);
    const latest = (
      await call(
        sendRoute,
        await request(b, "POST", `/api/chat/rooms/${roomId}/messages`, { json: { content: "nice", client_id: crypto.randomUUID() } }),
        { roomId: String(roomId) },
      )
    ).body;
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "nice" });
    const params = { roomId: String(roomId), messageId: String(latest.id) };
    expect((await call(deleteOwnRoute, await request(b, "DELETE", `/api/chat/rooms/${roomId}/messages/${latest.id}`), params)).status).toBe(204);
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "Photo", lastMessageSenderId: a.id });
  });

  it("the cron cleanup deletes a day-old upload never sent, and keeps a fresh one and a sent one", async () => {
    const old = await uploadFile(a, roomId, pdf(), "old.pdf", "application/pdf");
    const oldPending = await startUpload(a, roomId, { name: "never.pdf", size: 10, content_type: "application/pdf" });
    const fresh = await uploadFile(a, roomId, pdf(), "fresh.pdf", "application/pdf");
    const sent = await uploadFile(a, roomId, pdf(), "sent.pdf", "application/pdf");
    await sendWith(a, roomId, [sent.id]);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60_000 - 60_000);
    await db.attachment.updateMany({ where: { id: { in: [old.id, oldPending.body.upload.id, sent.id] } }, data: { createdAt: dayAgo } });
    const oldKeys = await keysOf(old.id);

    const unauthorized = await call(cleanupRoute, await request(null, "GET", "/api/cron/cleanup"));
    expect(unauthorized.status).toBe(401);
    expect(await db.attachment.count({ where: { id: old.id } })).toBe(1);

    const res = await call(
      cleanupRoute,
      await request(null, "GET", "/api/cron/cleanup", { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.deleted).toBeGreaterThanOrEqual(2);
    const left = await db.attachment.findMany({ where: { roomId }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([fresh.id, sent.id].sort());
    expect(oldKeys.some(stored)).toBe(false);
    expect((await keysOf(fresh.id)).every(stored)).toBe(true);
    expect((await keysOf(sent.id)).every(stored)).toBe(true);
  });
});
