import "server-only";
// Step 1 of an upload: record the browser's claims and hand back where to PUT the bytes.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertParticipant } from "@/lib/chat/rooms";
import { FILE_TYPES, IMAGE_TYPES, MAX_PENDING_UPLOADS_PER_ROOM, MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS } from "@/lib/attachments/limits";
import { sanitizeName } from "@/lib/attachments/names";
import { signUploadToken } from "@/lib/attachments/upload-token";
import type { CreateUploadBody } from "@/lib/attachments/schemas";
import { storage } from "@/lib/storage";
import type { WireUpload } from "@/lib/wire/rest";

export const UNSUPPORTED_MESSAGE = "Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be sent.";
const ACCEPTED_CLAIMS = new Set<string>([...IMAGE_TYPES, ...FILE_TYPES]);
/** Browsers leave the type empty (or generic) for files they do not know, HEIC on some systems. */
const UNKNOWN_CLAIM = "application/octet-stream";

export const originalKey = (roomId: number, id: string) => `rooms/${roomId}/${id}/original`;

export async function createUpload(input: { userId: number; roomId: number } & CreateUploadBody): Promise<WireUpload> {
  await assertParticipant(input.userId, input.roomId);
  if (input.size > MAX_UPLOAD_BYTES) throw new AppError("payload_too_large", `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  const claimed = input.content_type.trim().toLowerCase() || UNKNOWN_CLAIM;
  if (claimed !== UNKNOWN_CLAIM && !ACCEPTED_CLAIMS.has(claimed)) throw new AppError("unsupported_type", UNSUPPORTED_MESSAGE);

  const waiting = await db.attachment.count({ where: { uploaderId: input.userId, roomId: input.roomId, messageId: null } });
  if (waiting >= MAX_PENDING_UPLOADS_PER_ROOM) {
    throw new AppError("conflict", `At most ${MAX_PENDING_UPLOADS_PER_ROOM} files can wait to be sent in a room: send or remove some first.`);
  }
  const id = crypto.randomUUID();
  const key = originalKey(input.roomId, id);
  await db.attachment.create({
    data: {
      id,
      roomId: input.roomId,
      uploaderId: input.userId,
      name: sanitizeName(input.name),
      contentType: claimed,
      size: input.size,
      storageKey: key,
    },
  });
  const expiresAt = new Date(Date.now() + UPLOAD_URL_TTL_SECONDS * 1000);
  const presigned = await storage().presignUpload(key, { contentType: claimed, size: input.size, expiresInSeconds: UPLOAD_URL_TTL_SECONDS });
  const upload_url = presigned?.url ?? `/api/chat/uploads/${id}/content?${new URLSearchParams({ token: signUploadToken(id, expiresAt) }).toString()}`;
  return {
    upload: { id, upload_url, method: "PUT", headers: presigned?.headers ?? { "Content-Type": claimed }, expires_at: expiresAt.toISOString() },
  };
}
