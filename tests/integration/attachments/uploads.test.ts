// Photos and files through the real doors with the local-disk driver: start an upload, PUT the
// bytes to the app's own signed URL, complete (type sniffed, image re-encoded), send them with a
// message (REST and the server action), and serve them to the room only.
import { asCaller } from "@/tests/support/next-scope";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { roomChannel, userChannel } from "@/lib/realtime/channels";
import type { RealtimeServer } from "@/realtime-server";
import { GET as pageRoute, POST as sendRoute } from "@/app/api/chat/rooms/[roomId]/messages/route";
import { GET as serveRoute } from "@/app/api/chat/attachments/[attachmentId]/route";
import { GET as thumbRoute } from "@/app/api/chat/attachments/[attachmentId]/thumb/route";
import { DISPLAY_MAX_PX, MAX_UPLOAD_BYTES, THUMB_MAX_PX } from "@/lib/attachments/limits";
import { call, request, type Caller } from "@/tests/support/http";
import { makeRoom, makeUser } from "@/tests/support/factories";
import { startRealtime, stopRealtime, Subscriber } from "@/tests/integration/admin/support/realtime";
import { completeUpload, hasGpsTag, pdf, photoWithGps, putBytes, startUpload, uploadFile } from "@/tests/support/attachments";
import { sendMessageAction } from "@/app/(chat)/actions";
import { DELETE as discardRoute } from "@/app/api/chat/uploads/[uploadId]/route";

type User = Awaited<ReturnType<typeof makeUser>>;
const uploadsDir = () => process.env.UPLOADS_DIR ?? "";
const filesOf = (roomId: number) => {
  const dir = path.join(uploadsDir(), "rooms", String(roomId));
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.includes("/"))
    : [];
};

const send = async (as: Caller, roomId: number, json: unknown) =>
  call(sendRoute, await request(as, "POST", `/api/chat/rooms/${roomId}/messages`, { json }), { roomId: String(roomId) });
const fetchAttachment = async (as: Caller, url: string) => {
  const id = url.split("/")[4];
  const route = url.endsWith("/thumb") ? thumbRoute : serveRoute;
  const res = await route(await request(as, "GET", url), { params: Promise.resolve({ attachmentId: id }) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
};

describe("photos and files: upload, send, serve (local disk)", () => {
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
    [a, b, stranger] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    roomId = (await makeRoom([a.id, b.id])).id;
  });

  it("a phone photo is served re-encoded without its EXIF GPS, to the room only, and goes out in message.created", async () => {
    const photo = await photoWithGps();
    expect(hasGpsTag((await sharp(photo).metadata()).exif)).toBe(true);

    const done = await uploadFile(a, roomId, photo, "IMG_0001.jpg", "image/jpeg");
    expect(done.status).toBe(200);
    const attachment = done.body.attachment;
    expect(attachment).toMatchObject({
      id: done.id,
      kind: "image",
      name: "IMG_0001.jpg",
      content_type: "image/webp",
      width: DISPLAY_MAX_PX,
      height: 1200,
      url: `/api/chat/attachments/${done.id}`,
      thumb_url: `/api/chat/attachments/${done.id}/thumb`,
    });
    // The original bytes are gone: only what the server made is kept.
    expect(filesOf(roomId).sort()).toEqual([`${done.id}/display.webp`, `${done.id}/thumb.webp`]);

    const roomWatcher = await Subscriber.connect(realtime);
    const bWatcher = await Subscriber.connect(realtime);
    await roomWatcher.subscribe(roomChannel(roomId));
    await bWatcher.subscribe(userChannel(b.id));
    const sent = await send(a, roomId, { content: "", client_id: crypto.randomUUID(), attachment_ids: [done.id] });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ content: "", attachments: [attachment] });
    const created = await roomWatcher.waitFor((f) => f.event === "message.created");
    expect(created.data).toMatchObject({ id: sent.body.id, attachments: [attachment] });
    const activity = await bWatcher.waitFor((f) => f.event === "room.activity");
    expect(activity.data).toMatchObject({ message_id: sent.body.id, preview: "Photo" });
    roomWatcher.close();
    bWatcher.close();
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "Photo" });

    const page = await call(pageRoute, await request(b, "GET", `/api/chat/rooms/${roomId}/messages`), { roomId: String(roomId) });
    expect(page.body.messages.at(-1)).toMatchObject({ id: sent.body.id, attachments: [attachment] });

    const served = await fetchAttachment(b, attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-disposition")).toMatch(/^inline; filename="IMG_0001\.webp"/);
    const meta = await sharp(served.bytes).metadata();
    expect(meta).toMatchObject({ format: "webp", width: DISPLAY_MAX_PX, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(served.bytes.length).toBe(attachment.size);

    const thumb = await fetchAttachment(b, attachment.thumb_url);
    expect(thumb.status).toBe(200);
    const thumbMeta = await sharp(thumb.bytes).metadata();
    expect(Math.max(thumbMeta.width ?? 0, thumbMeta.height ?? 0)).toBe(THUMB_MAX_PX);
    expect(thumbMeta.exif).toBeUndefined();

    // A stranger learns nothing, not even that it exists; an admin may look (moderation).
    expect((await fetchAttachment(stranger, attachment.url)).status).toBe(404);
    expect((await fetchAttachment(stranger, attachment.thumb_url)).status).toBe(404);
    expect((await fetchAttachment(null, attachment.url)).status).toBe(401);
    const admin = await makeUser({ role: "ADMIN" });
    expect((await fetchAttachment(admin, attachment.thumb_url)).status).toBe(200);
  });

  it("a PDF is kept as is, served as a download, and previewed by name; several files are counted", async () => {
    const doc = await uploadFile(a, roomId, pdf(), "invoice.pdf", "application/pdf");
    expect(doc.body.attachment).toMatchObject({ kind: "file", content_type: "application/pdf", size: pdf().length, width: null, thumb_url: null });
    const sent = await send(a, roomId, { content: "  ", client_id: crypto.randomUUID(), attachment_ids: [doc.id] });
    expect(sent.status).toBe(201);
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "File: invoice.pdf" });
    const served = await fetchAttachment(b, doc.body.attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment; filename="invoice\.pdf"/);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(served.bytes.equals(pdf())).toBe(true);

    const photos = [await uploadFile(a, roomId, await photoWithGps(40, 30), "a.jpg", "image/jpeg"), await uploadFile(a, roomId, pdf(), "b.pdf", "")];
    await send(a, roomId, { content: "", client_id: crypto.randomUUID(), attachment_ids: photos.map((p) => p.id) });
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "2 files" });
    const two = [
      await uploadFile(b, roomId, await photoWithGps(40, 30), "c.jpg", "image/jpeg"),
      await uploadFile(b, roomId, await photoWithGps(30, 40), "d.jpg", "image/jpeg"),
    ];
    await send(b, roomId, { content: "", client_id: crypto.randomUUID(), attachment_ids: two.map((p) => p.id) });
    expect(await db.chatRoom.findUniqueOrThrow({ where: { id: roomId } })).toMatchObject({ lastMessageContent: "2 photos" });
  });

  it("a retried send with the same client_id returns the original and links its attachments once", async () => {
    const up = await uploadFile(a, roomId, await photoWithGps(80, 60), "x.jpg", "image/jpeg");
    const body = { content: "caption", client_id: crypto.randomUUID(), attachment_ids: [up.id] };
    const first = await send(a, roomId, body);
    const retry = await send(a, roomId, body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await db.message.count({ where: { roomId } })).toBe(1);
    expect(await db.attachment.findMany({ where: { roomId }, select: { messageId: true } })).toEqual([{ messageId: BigInt(first.body.id) }]);
  });

  it("the server action sends attachments like the route", async () => {
    const up = await uploadFile(a, roomId, pdf(), "plan.pdf", "application/pdf");
    const { value: result } = await asCaller(a, () =>
      sendMessageAction({ room_id: roomId, content: "", client_id: crypto.randomUUID(), attachment_ids: [up.id] }),
    );
    expect(result).toMatchObject({ ok: true, data: { content: "", attachments: [{ id: up.id, kind: "file", name: "plan.pdf" }] } });
  });

  it("refuses attachments that are not the sender's finished, unsent uploads in this room, changing nothing", async () => {
    const mine = await uploadFile(a, roomId, pdf(), "mine.pdf", "application/pdf");
    const sent = await send(a, roomId, { content: "", client_id: crypto.randomUUID(), attachment_ids: [mine.id] });
    expect(sent.status).toBe(201);
    const before = await db.message.count();

    // Someone else's (already sent) upload, by a room member: refused, and not moved.
    const stolen = await send(b, roomId, { content: "mine now", client_id: crypto.randomUUID(), attachment_ids: [mine.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.message).toMatch(/attachment_ids/);
    // My own upload, already on a message: once only.
    expect((await send(a, roomId, { content: "again", client_id: crypto.randomUUID(), attachment_ids: [mine.id] })).status).toBe(400);
    // An upload still pending (bytes never completed), and one from another room.
    const pending = await startUpload(a, roomId, { name: "p.pdf", size: 100, content_type: "application/pdf" });
    expect((await send(a, roomId, { content: "x", client_id: crypto.randomUUID(), attachment_ids: [pending.body.upload.id] })).status).toBe(400);
    const other = (await makeRoom([a.id])).id;
    const elsewhere = await uploadFile(a, other, pdf(), "o.pdf", "application/pdf");
    expect((await send(a, roomId, { content: "x", client_id: crypto.randomUUID(), attachment_ids: [elsewhere.id] })).status).toBe(400);
    // Too many, twice the same, not a uuid, and nothing at all.
    const eleven = Array.from({ length: 11 }, () => crypto.randomUUID());
    expect((await send(a, roomId, { content: "x", client_id: crypto.randomUUID(), attachment_ids: eleven })).status).toBe(400);
    expect((await send(a, roomId, { content: "x", client_id: crypto.randomUUID(), attachment_ids: [elsewhere.id, elsewhere.id] })).status).toBe(400);
    expect((await send(a, roomId, { content: "x", client_id: crypto.randomUUID(), attachment_ids: ["../etc"] })).status).toBe(400);
    expect((await send(a, roomId, { content: " ", client_id: crypto.randomUUID(), attachment_ids: [] })).status).toBe(400);

    expect(await db.message.count()).toBe(before);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: mine.id } })).messageId).toBe(BigInt(sent.body.id));
    expect((await db.attachment.findUniqueOrThrow({ where: { id: elsewhere.id } })).messageId).toBeNull();
  });

  describe("bad files: a clear 4xx and nothing stored", () => {
    const expectNothingStored = async (uploader: User) => {
      expect(await db.attachment.count({ where: { uploaderId: uploader.id } })).toBe(0);
      expect(filesOf(roomId)).toEqual([]);
    };
    const refusedAtCompletion = async (bytes: Buffer, name: string, type: string) => {
      const started = await startUpload(a, roomId, { name, size: Math.max(bytes.length, 1), content_type: type });
      expect(started.status).toBe(201);
      expect(await putBytes(started.body.upload, bytes)).toBe(204);
      const done = await completeUpload(a, started.body.upload.id);
      await expectNothingStored(a);
      return done;
    };

    it("a type outside the list, claimed or sniffed (a renamed executable, an HTML page, an SVG)", async () => {
      const claimed = await startUpload(a, roomId, { name: "page.html", size: 10, content_type: "text/html" });
      expect(claimed.status).toBe(415);
      expect(claimed.body.error).toEqual({ code: "unsupported_type", message: expect.stringMatching(/JPEG, PNG, WebP, GIF, HEIC.*PDF/) });

      const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(512)]);
      const renamed = await refusedAtCompletion(exe, "holiday.jpg", "image/jpeg");
      expect(renamed.status).toBe(415);
      expect(renamed.body.error.code).toBe("unsupported_type");
      const html = await refusedAtCompletion(Buffer.from("<!doctype html><script>alert(1)</script>"), "photo.png", "image/png");
      expect(html.status).toBe(415);
      const svg = await refusedAtCompletion(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "x.png",
        "image/png",
      );
      expect(svg.status).toBe(415);
    });

    it("an oversized file, claimed or actually sent", async () => {
      const claimed = await startUpload(a, roomId, { name: "big.pdf", size: MAX_UPLOAD_BYTES + 1, content_type: "application/pdf" });
      expect(claimed.status).toBe(413);
      expect(claimed.body.error.message).toMatch(/10 MB/);
      const started = await startUpload(a, roomId, { name: "big.pdf", size: 1000, content_type: "application/pdf" });
      expect(await putBytes(started.body.upload, Buffer.alloc(MAX_UPLOAD_BYTES + 1))).toBe(413);
      expect(filesOf(roomId)).toEqual([]);
    });

    it("a zero-byte file, claimed or actually sent", async () => {
      const claimed = await startUpload(a, roomId, { name: "empty.pdf", size: 0, content_type: "application/pdf" });
      expect(claimed.status).toBe(400);
      expect(claimed.body.error.message).toMatch(/empty/);
      const sent = await refusedAtCompletion(Buffer.alloc(0), "empty.pdf", "application/pdf");
      expect(sent.status).toBe(400);
      expect(sent.body.error.message).toMatch(/empty/);
    });

    it("a decompression bomb (an image declaring 900 megapixels) is refused before decoding", async () => {
      const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
        .png()
        .toBuffer();
      const bomb = withPngSize(small, 30_000, 30_000);
      expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 30_000, height: 30_000 });
      const done = await refusedAtCompletion(bomb, "bomb.png", "image/png");
      expect(done.status).toBe(422);
      expect(done.body.error.message).toMatch(/megapixels/);
    });

    it("a corrupted JPEG", async () => {
      const photo = await photoWithGps(800, 600);
      const done = await refusedAtCompletion(photo.subarray(0, Math.floor(photo.length / 2)), "broken.jpg", "image/jpeg");
      expect(done.status).toBe(422);
      expect(done.body.error.message).toMatch(/could not be read/);
    });

    it("too many files waiting in one room", async () => {
      for (let i = 0; i < 10; i++) {
        expect((await startUpload(a, roomId, { name: `${i}.pdf`, size: 10, content_type: "application/pdf" })).status).toBe(201);
      }
      const eleventh = await startUpload(a, roomId, { name: "10.pdf", size: 10, content_type: "application/pdf" });
      expect(eleventh.status).toBe(409);
      expect(eleventh.body.error.message).toMatch(/At most 10/);
      expect(await db.attachment.count({ where: { uploaderId: a.id } })).toBe(10);
    });

    it("an upload taken back from the composer frees its place and its bytes; nobody else may take it back, nor a sent one", async () => {
      const discard = async (as: Caller, id: string) =>
        (await discardRoute(await request(as, "DELETE", `/api/chat/uploads/${id}`), { params: Promise.resolve({ uploadId: id }) })).status;
      const done = await uploadFile(a, roomId, pdf(), "draft.pdf", "application/pdf");
      expect(filesOf(roomId)).toEqual([`${done.id}/original`]);
      expect(await discard(b, done.id)).toBe(404);
      expect(await discard(stranger, done.id)).toBe(404);
      expect(await discard(a, done.id)).toBe(204);
      expect(await discard(a, done.id)).toBe(404);
      await expectNothingStored(a);
      const sent = await uploadFile(a, roomId, pdf(), "sent.pdf", "application/pdf");
      expect((await send(a, roomId, { content: "", client_id: crypto.randomUUID(), attachment_ids: [sent.id] })).status).toBe(201);
      expect(await discard(a, sent.id)).toBe(404);
      expect(await db.attachment.count({ where: { id: sent.id } })).toBe(1);
    });

    it("an upload link reused after it expired, or after the upload completed; someone else's upload", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(Date.now() - 6 * 60_000);
        const old = await startUpload(a, roomId, { name: "late.pdf", size: pdf().length, content_type: "application/pdf" });
        vi.useRealTimers();
        expect(await putBytes(old.body.upload, pdf())).toBe(403);
        expect(filesOf(roomId)).toEqual([]);
      } finally {
        vi.useRealTimers();
      }
      const started = await startUpload(a, roomId, { name: "ok.pdf", size: pdf().length, content_type: "application/pdf" });
      const upload = started.body.upload;
      // Another member cannot complete it, nor can a stranger or a forged token.
      expect(await putBytes({ ...upload, upload_url: upload.upload_url.replace(/token=[^&]+/, "token=1.AAAA") }, pdf())).toBe(403);
      expect(await putBytes(upload, pdf())).toBe(204);
      expect((await completeUpload(b, upload.id)).status).toBe(404);
      expect((await completeUpload(stranger, upload.id)).status).toBe(404);
      expect((await completeUpload(a, upload.id)).status).toBe(200);
      // The link is spent once the upload is complete.
      expect(await putBytes(upload, Buffer.from("%PDF-1.4 replaced"))).toBe(409);
    });
  });
});

/** A PNG whose header declares another size (CRC fixed up), pixels unchanged. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
