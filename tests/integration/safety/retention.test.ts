// Retention through GET /api/cron/cleanup with its Bearer secret: messages deleted more than
// RETENTION_DELETED_DAYS ago lose their content, masked original, edit history text and files;
// the tombstone stays. Idempotent and batched; RETENTION_DELETED_DAYS is validated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as cleanupRoute } from "@/app/api/cron/cleanup/route";
import { GET as messagesRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { db } from "@/lib/db";
import { invalidVariables, resetEnvCache } from "@/lib/env";
import { purgeDeletedMessages } from "@/lib/safety/retention";
import { storage } from "@/lib/storage";
import { attachmentFixture } from "@/tests/support/attachments";
import { makeMessages, makeRoom, makeUser } from "@/tests/support/factories";
import { call, request } from "@/tests/support/http";

const DAY = 24 * 60 * 60 * 1000;
const SECRET = "retention-test-secret-0123456789";
const cron = async (secret?: string) =>
  call(cleanupRoute, await request(null, "GET", "/api/cron/cleanup", secret ? { headers: { authorization: `Bearer ${secret}` } } : {}));
const stored = async (key: string) => (await storage().read(key, 10_000_000)).found;

describe("purging deleted messages after the retention period", () => {
  const saved = process.env.CRON_SECRET;
  beforeAll(() => {
    process.env.CRON_SECRET = SECRET;
    resetEnvCache();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.CRON_SECRET;
    else process.env.CRON_SECRET = saved;
    delete process.env.RETENTION_DELETED_DAYS;
    resetEnvCache();
  });

  it("clears old deleted messages' content, original, edit history and files, keeps the tombstone, and leaves everything else", async () => {
    const user = await makeUser();
    const room = await makeRoom([user.id]);
    const [old, recent, live] = await makeMessages(room.id, user.id, 3, "secret ✨ 秘密 سر");
    await db.message.update({
      where: { id: old },
      data: { deletedAt: new Date(Date.now() - 31 * DAY), originalContent: "call 07946 095 800", editedAt: new Date() },
    });
    await db.message.update({ where: { id: recent }, data: { deletedAt: new Date(Date.now() - 29 * DAY) } });
    await db.messageEdit.create({ data: { messageId: old, oldContent: "first version" } });
    const files = await attachmentFixture({ roomId: room.id, uploaderId: user.id, messageId: old });
    const photo = await db.attachment.findUniqueOrThrow({ where: { id: files.attachmentId } });
    expect(await stored(photo.storageKey)).toBe(true);

    expect((await cron()).status).toBe(401);
    expect((await cron("wrong")).status).toBe(401);
    expect((await db.message.findUniqueOrThrow({ where: { id: old } })).content).not.toBe("");

    const res = await cron(SECRET);
    expect(res.status).toBe(200);
    expect(res.body.purged_messages).toBeGreaterThanOrEqual(1);
    const purged = await db.message.findUniqueOrThrow({ where: { id: old }, include: { edits: true, attachments: true } });
    expect(purged).toMatchObject({ content: "", originalContent: null, roomId: room.id, senderId: user.id });
    expect(purged.deletedAt).not.toBeNull();
    expect(purged.purgedAt).not.toBeNull();
    expect(purged.edits.map((e) => e.oldContent)).toEqual([""]);
    expect(purged.attachments).toEqual([]);
    expect(await stored(photo.storageKey)).toBe(false);
    expect(await stored(photo.thumbKey!)).toBe(false);
    // Within the period, and live messages: untouched.
    expect((await db.message.findUniqueOrThrow({ where: { id: recent } })).content).toBe("secret ✨ 秘密 سر 2");
    expect((await db.message.findUniqueOrThrow({ where: { id: live } })).content).toBe("secret ✨ 秘密 سر 3");
    // The room still reads the tombstone in its place.
    const page = await call(messagesRoute, await request(user, "GET", `/api/chat/rooms/${room.id}/messages`), { roomId: String(room.id) });
    expect(page.body.messages.map((m: { id: number; deleted: boolean }) => [m.id, m.deleted])).toEqual([
      [old, true],
      [recent, true],
      [live, false],
    ]);

    // Idempotent: a second run finds nothing of this room to do and changes nothing.
    const purgedAt = purged.purgedAt;
    await cron(SECRET);
    expect((await db.message.findUniqueOrThrow({ where: { id: old } })).purgedAt).toEqual(purgedAt);
  });

  it("works in batches until nothing is due, and follows RETENTION_DELETED_DAYS", async () => {
    const user = await makeUser();
    const room = await makeRoom([user.id]);
    const ids = await makeMessages(room.id, user.id, 25);
    await db.message.updateMany({ where: { id: { in: ids.map(BigInt) } }, data: { deletedAt: new Date(Date.now() - 3 * DAY) } });
    await purgeDeletedMessages({ limit: 10 });
    expect(await db.message.count({ where: { roomId: room.id, purgedAt: null } })).toBe(25); // 3 days < 30
    process.env.RETENTION_DELETED_DAYS = "2";
    resetEnvCache();
    // Other tests' deleted messages may be due too: oldest first, so this room's (3 days) come last.
    await db.message.updateMany({ where: { deletedAt: { not: null }, purgedAt: null, roomId: { not: room.id } }, data: { purgedAt: new Date() } });
    const first = await purgeDeletedMessages({ limit: 10, batches: 2 });
    expect(first.purged).toBe(20);
    expect(await db.message.count({ where: { roomId: room.id, purgedAt: null } })).toBe(5);
    await purgeDeletedMessages({ limit: 10 });
    expect(await db.message.count({ where: { roomId: room.id, content: { not: "" } } })).toBe(0);
  });

  it("refuses a RETENTION_DELETED_DAYS that is not a whole number of days from 1 to 3650", () => {
    for (const bad of ["0", "-1", "abc", "1.5", "3651", "٣٠"])
      expect(invalidVariables({ RETENTION_DELETED_DAYS: bad })).toEqual(["RETENTION_DELETED_DAYS"]);
    expect(invalidVariables({ RETENTION_DELETED_DAYS: "90" })).toEqual([]);
  });
});
