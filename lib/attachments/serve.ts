import "server-only";
// Serving a photo or file: only to the room's participants (and admins, for moderation), and
// to its uploader before it is sent; everyone else gets the same 404 as for an id that does not
// exist. Never as HTML or SVG: only the types the server itself produced or verified are stored.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { DOWNLOAD_URL_TTL_SECONDS } from "@/lib/attachments/limits";
import { contentDisposition, withExtension } from "@/lib/attachments/names";
import { storage } from "@/lib/storage";

export type Variant = "display" | "thumb";

const SERVE_HEADERS = { "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };
/** A file (PDF), should a browser render it anyway, runs nothing and loads nothing. Photos go
 * without: they are WebP the server itself encoded, and the browser's own viewer for an image
 * opened in a tab needs inline styles and scripts. */
const FILE_HEADERS = { ...SERVE_HEADERS, "Content-Security-Policy": "default-src 'none'; sandbox" };

async function visibleAttachment(user: SessionUser, id: string) {
  const row = await db.attachment.findUnique({
    where: { id },
    select: {
      status: true,
      kind: true,
      name: true,
      contentType: true,
      roomId: true,
      uploaderId: true,
      storageKey: true,
      thumbKey: true,
      message: { select: { deletedAt: true } },
    },
  });
  if (row?.status !== "ready") return null;
  if (!row.message) return row.uploaderId === user.id ? row : null;
  if (row.message.deletedAt) return null;
  if (user.role === "ADMIN") return row;
  const member = await db.chatParticipant.findUnique({ where: { roomId_userId: { roomId: row.roomId, userId: user.id } }, select: { id: true } });
  return member ? row : null;
}

export async function serveAttachment(user: SessionUser, id: string, variant: Variant): Promise<Response> {
  const row = await visibleAttachment(user, id);
  const key = row && (variant === "thumb" ? row.thumbKey : row.storageKey);
  if (!row || !key) throw notFound("Attachment not found");
  const image = row.kind === "image";
  const name = image ? withExtension(row.name, "webp") : row.name;
  const disposition = contentDisposition(image ? "inline" : "attachment", name);
  const headers = image ? SERVE_HEADERS : FILE_HEADERS;
  const store = storage();
  const presigned = await store.presignDownload(key, { contentType: row.contentType, disposition, expiresInSeconds: DOWNLOAD_URL_TTL_SECONDS });
  if (presigned) {
    return new Response(null, { status: 302, headers: { Location: presigned, "Cache-Control": "private, no-store", ...headers } });
  }
  const read = await store.read(key, Number.MAX_SAFE_INTEGER);
  if (!read.found || "tooLarge" in read) throw notFound("Attachment not found");
  return new Response(new Uint8Array(read.bytes), {
    status: 200,
    headers: {
      "Content-Type": row.contentType,
      "Content-Length": String(read.bytes.length),
      "Content-Disposition": disposition,
      // What is stored under an id never changes.
      "Cache-Control": "private, max-age=86400, immutable",
      ...headers,
    },
  });
}
