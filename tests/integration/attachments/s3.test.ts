// The S3 driver against a real S3-protocol server (s3rver, started here): the browser's presigned
// PUT, the server's verification and re-encoding in the bucket, and serving through a short-lived
// presigned GET that only the room's participants are sent to.
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as serveRoute } from "@/app/api/chat/attachments/[attachmentId]/route";
import { DELETE as moderateRoute } from "@/app/api/admin/messages/[messageId]/route";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { completeUpload, hasGpsTag, photoWithGps, putBytes, startUpload, uploadFile } from "@/tests/support/attachments";
import { type S3Fixture, startS3 } from "@/tests/support/s3rver";

type User = Awaited<ReturnType<typeof makeUser>>;
const serve = async (as: Caller, id: string, variant = "") =>
  serveRoute(await request(as, "GET", `/api/chat/attachments/${id}${variant}`), { params: Promise.resolve({ attachmentId: id }) });

describe("photos and files on S3-compatible storage (s3rver)", () => {
  let s3: S3Fixture;
  let a: User;
  let b: User;
  let roomId: number;

  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3.stop());
  beforeEach(async () => {
    [a, b] = await Promise.all([makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
  });

  it("uploads straight to the bucket, keeps only the re-encoded image, and serves it by presigned GET to the room only", async () => {
    const photo = await photoWithGps(2000, 1500);
    expect(hasGpsTag((await sharp(photo).metadata()).exif)).toBe(true);
    const started = await startUpload(a, roomId, { name: "home.jpg", size: photo.length, content_type: "image/jpeg" });
    expect(started.status).toBe(201);
    const upload = started.body.upload;
    expect(upload.upload_url.startsWith(`${s3.endpoint}/jobchat-test/`)).toBe(true);
    expect(upload.upload_url).toContain("X-Amz-Signature=");
    expect(upload).toMatchObject({ method: "PUT", headers: { "Content-Type": "image/jpeg" } });
    // The URL signs the claimed type and size (AWS S3 refuses other ones; s3rver does not check).
    expect(new URL(upload.upload_url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    expect(await putBytes(upload, photo)).toBe(200);

    const done = await completeUpload(a, upload.id);
    expect(done.status).toBe(200);
    expect(done.body.attachment).toMatchObject({ kind: "image", width: 1600, height: 1200, content_type: "image/webp" });
    const folder = `rooms/${roomId}/${upload.id}`;
    expect(await s3.keys()).toEqual(expect.arrayContaining([`${folder}/display.webp`, `${folder}/thumb.webp`]));
    expect(await s3.keys()).not.toContain(`${folder}/original`);

    const sent = await call(
      sendRoute,
      await request(a, "POST", `/api/chat/rooms/${roomId}/messages`, {
        json: { content: "the house", client_id: crypto.randomUUID(), attachment_ids: [upload.id] },
      }),
      { roomId: String(roomId) },
    );
    expect(sent.status).toBe(201);

    const res = await serve(b, upload.id);
    expect(res.status).toBe(302);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const location = res.headers.get("location") ?? "";
    expect(location.startsWith(`${s3.endpoint}/jobchat-test/${folder}/display.webp?`)).toBe(true);
    const object = await fetch(location);
    expect(object.status).toBe(200);
    expect(object.headers.get("content-type")).toBe("image/webp");
    expect(object.headers.get("content-disposition")).toMatch(/^inline; filename="home\.webp"/);
    const meta = await sharp(Buffer.from(await object.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1600, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect((await serve(b, upload.id, "/thumb")).status).toBe(302);

    const stranger = await makeUser();
    const refused = await serve(stranger, upload.id);
    expect(refused.status).toBe(404);
    expect(refused.headers.get("location")).toBeNull();

    // Moderation deletes the objects from the bucket.
    const admin = await makeUser({ role: "ADMIN" });
    const moderated = await call(moderateRoute, await request(admin, "DELETE", `/api/admin/messages/${sent.body.id}`), {
      messageId: String(sent.body.id),
    });
    expect(moderated.status).toBe(200);
    expect((await s3.keys()).filter((k) => k.startsWith(folder))).toEqual([]);
  });

  it("a presigned PUT used after it expired is refused by the store, and completing then stores nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let upload: { id: string; upload_url: string; headers: Record<string, string> };
    try {
      vi.setSystemTime(Date.now() - 6 * 60_000);
      upload = (await startUpload(a, roomId, { name: "late.jpg", size: 1000, content_type: "image/jpeg" })).body.upload;
    } finally {
      vi.useRealTimers();
    }
    const before = await s3.keys();
    expect(await putBytes(upload, Buffer.alloc(1000))).toBe(403);
    expect(await s3.keys()).toEqual(before);
    const done = await completeUpload(a, upload.id);
    expect(done.status).toBe(409);
    expect(done.body.error.message).toMatch(/not been uploaded/);
  });

  it("a renamed executable is refused and deleted from the bucket", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(2048)]);
    const done = await uploadFile(a, roomId, exe, "cat.jpg", "image/jpeg");
    expect(done.status).toBe(415);
    expect((await s3.keys()).filter((k) => k.includes(done.id))).toEqual([]);
    expect(await db.attachment.count({ where: { id: done.id } })).toBe(0);
  });
});
