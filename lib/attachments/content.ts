import "server-only";
// The local-disk driver's upload door (PUT /api/chat/uploads/{id}/content?token=): what a
// presigned PUT is for S3. The token, not a session, is the permission, as with a presigned URL.
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { readBytesLimited } from "@/lib/http/parse";
import { MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";
import { checkUploadToken } from "@/lib/attachments/upload-token";
import { storage } from "@/lib/storage";

export async function receiveUploadContent(input: { uploadId: string; token: string; request: Request }): Promise<void> {
  const store = storage();
  // With S3 the browser PUTs to the bucket; this door does not exist.
  if (store.driver !== "local") throw notFound("Not found");
  const check = checkUploadToken(input.uploadId, input.token);
  if (check === "invalid") throw new AppError("forbidden", "This upload link is not valid.");
  if (check === "expired") throw new AppError("forbidden", "This upload link has expired: start the upload again.");
  const row = await db.attachment.findUnique({ where: { id: input.uploadId }, select: { status: true, storageKey: true, messageId: true } });
  if (!row) throw notFound("Upload not found");
  if (row.status !== "pending") throw new AppError("conflict", "This file was already uploaded.");
  const declared = Number(input.request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new AppError("payload_too_large", `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  const bytes = await readBytesLimited(input.request, MAX_UPLOAD_BYTES);
  await store.put(row.storageKey, bytes, "application/octet-stream");
}
