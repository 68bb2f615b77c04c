// Photos and files for attachment tests, made on the spot (no copyrighted material), and the
// upload flow through the real routes: create → PUT the bytes → complete.
import sharp from "sharp";
import { POST as createRoute } from "@/app/api/chat/rooms/[roomId]/uploads/route";
import { PUT as contentRoute } from "@/app/api/chat/uploads/[uploadId]/content/route";
import { POST as completeRoute } from "@/app/api/chat/uploads/[uploadId]/complete/route";
import { BASE, call, request, type Caller } from "@/tests/support/http";
import { db } from "@/lib/db";
import { storage } from "@/lib/storage";
import { signUploadToken } from "@/lib/attachments/upload-token";

/** A JPEG photo carrying EXIF with a GPS position (as a phone writes it) and a camera make. */
export async function photoWithGps(width = 2400, height = 1800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7" } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "GPS Fixture" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2644/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3942/100" },
    })
    .toBuffer();
}

export const png = (width = 32, height = 32) =>
  sharp({ create: { width, height, channels: 4, background: "#e33a" } })
    .png()
    .toBuffer();

/** A tiny but valid PDF. */
export const pdf = () =>
  Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** EXIF's GPS IFD pointer tag (0x8825), in either byte order. */
export const hasGpsTag = (exif: Buffer | undefined) =>
  Boolean(exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))));

// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary paths of the JSON answer
export type Started = { status: number; body: any };

export async function startUpload(as: Caller, roomId: number, json: unknown): Promise<Started> {
  const path = `/api/chat/rooms/${roomId}/uploads`;
  return call(createRoute, await request(as, "POST", path, { json }), { roomId: String(roomId) });
}

/** PUTs the bytes where the upload said: the app's own route (local disk) or the presigned S3 URL. */
export async function putBytes(upload: { id: string; upload_url: string; headers: Record<string, string> }, bytes: Buffer): Promise<number> {
  const url = new URL(upload.upload_url, BASE);
  if (url.origin === BASE) {
    const { NextRequest } = await import("next/server");
    const req = new NextRequest(url, { method: "PUT", headers: upload.headers, body: new Uint8Array(bytes) });
    return (await contentRoute(req, { params: Promise.resolve({ uploadId: upload.id }) })).status;
  }
  const res = await fetch(url, { method: "PUT", headers: upload.headers, body: new Uint8Array(bytes) });
  await res.arrayBuffer();
  return res.status;
}

export async function completeUpload(as: Caller, id: string) {
  return call(completeRoute, await request(as, "POST", `/api/chat/uploads/${id}/complete`), { uploadId: id });
}

/** The whole flow; returns the completion's answer. */
export async function uploadFile(as: Caller, roomId: number, bytes: Buffer, name: string, contentType: string) {
  const started = await startUpload(as, roomId, { name, size: bytes.length, content_type: contentType });
  if (started.status !== 201) throw new Error(`start upload: ${started.status} ${JSON.stringify(started.body)}`);
  const put = await putBytes(started.body.upload, bytes);
  if (put >= 300) throw new Error(`PUT: ${put}`);
  return { id: started.body.upload.id as string, ...(await completeUpload(as, started.body.upload.id)) };
}

/**
 * For the authorization and fuzz tables: a pending upload of `uploaderId` with its bytes stored
 * (a PDF) and its local PUT token, and a photo (display and thumbnail stored) on `messageId`
 * (null: completed, not sent yet).
 */
export async function attachmentFixture(input: { roomId: number; uploaderId: number; messageId: number | null }) {
  const uploadId = crypto.randomUUID();
  const attachmentId = crypto.randomUUID();
  const folder = (id: string) => `rooms/${input.roomId}/${id}`;
  await storage().put(`${folder(uploadId)}/original`, pdf(), "application/octet-stream");
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#09c" } })
    .webp()
    .toBuffer();
  await storage().put(`${folder(attachmentId)}/display.webp`, webp, "image/webp");
  await storage().put(`${folder(attachmentId)}/thumb.webp`, webp, "image/webp");
  const base = { roomId: input.roomId, uploaderId: input.uploaderId };
  await db.attachment.createMany({
    data: [
      { ...base, id: uploadId, name: "pending.pdf", contentType: "application/pdf", size: pdf().length, storageKey: `${folder(uploadId)}/original` },
      {
        ...base,
        id: attachmentId,
        messageId: input.messageId,
        status: "ready",
        kind: "image",
        name: "photo.jpg",
        contentType: "image/webp",
        size: webp.length,
        width: 8,
        height: 8,
        storageKey: `${folder(attachmentId)}/display.webp`,
        thumbKey: `${folder(attachmentId)}/thumb.webp`,
      },
    ],
  });
  return { uploadId, uploadToken: signUploadToken(uploadId, new Date(Date.now() + 10 * 60_000)), attachmentId };
}
