import "server-only";
// Step 3 of an upload: the server reads what was stored, decides what it is from the bytes
// (never the name or the browser's claim), re-encodes images, and keeps only what it made. Any
// refusal deletes the bytes and the upload, so a refused file leaves nothing behind.
import { fileTypeFromBuffer } from "file-type";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { FILE_TYPES, IMAGE_TYPES, MAX_UPLOAD_BYTES } from "@/lib/attachments/limits";
import { UNSUPPORTED_MESSAGE } from "@/lib/attachments/create";
import { reencodeImage } from "@/lib/attachments/images";
import { storage } from "@/lib/storage";
import { toWireAttachment } from "@/lib/wire/serialize";
import type { WireAttachment } from "@/lib/wire/rest";

const isImage = (mime: string) => (IMAGE_TYPES as readonly string[]).includes(mime);
const isFile = (mime: string) => (FILE_TYPES as readonly string[]).includes(mime);
const folderOf = (key: string) => key.slice(0, key.lastIndexOf("/"));

export async function completeUpload(input: { userId: number; uploadId: string }): Promise<WireAttachment> {
  const row = await db.attachment.findUnique({ where: { id: input.uploadId } });
  // Someone else's upload is not there for this caller.
  if (!row || row.uploaderId !== input.userId) throw notFound("Upload not found");
  if (row.status === "ready") return toWireAttachment(row);

  const store = storage();
  const refuse = async (error: AppError, keys: string[] = [row.storageKey]) => {
    await store.remove(keys);
    await db.attachment.deleteMany({ where: { id: row.id, status: "pending" } });
    log.info({ event: "upload.refused", upload_id: row.id, code: error.code, reason: error.message }, "upload refused");
    return error;
  };

  const read = await store.read(row.storageKey, MAX_UPLOAD_BYTES);
  if (!read.found) throw new AppError("conflict", "The file has not been uploaded yet: PUT it to upload_url first.");
  if ("tooLarge" in read) throw await refuse(new AppError("payload_too_large", `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
  if (read.bytes.length === 0) throw await refuse(new AppError("invalid_input", "The file is empty."));

  const sniffed = (await fileTypeFromBuffer(read.bytes))?.mime;
  let update: {
    kind: "image" | "file";
    contentType: string;
    size: number;
    width: number | null;
    height: number | null;
    storageKey: string;
    thumbKey: string | null;
  };
  if (sniffed && isImage(sniffed)) {
    let image: Awaited<ReturnType<typeof reencodeImage>>;
    try {
      image = await reencodeImage(read.bytes, sniffed);
    } catch (error) {
      throw error instanceof AppError ? await refuse(error) : error;
    }
    const folder = folderOf(row.storageKey);
    const displayKey = `${folder}/display.webp`;
    const thumbKey = `${folder}/thumb.webp`;
    await store.put(displayKey, image.display, "image/webp");
    await store.put(thumbKey, image.thumb, "image/webp");
    await store.remove([row.storageKey]);
    update = {
      kind: "image",
      contentType: "image/webp",
      size: image.display.length,
      width: image.width,
      height: image.height,
      storageKey: displayKey,
      thumbKey,
    };
  } else if (sniffed && isFile(sniffed)) {
    update = { kind: "file", contentType: sniffed, size: read.bytes.length, width: null, height: null, storageKey: row.storageKey, thumbKey: null };
  } else {
    throw await refuse(new AppError("unsupported_type", UNSUPPORTED_MESSAGE));
  }

  // Two completes of one upload race harmlessly (same keys, same bytes): the first write wins.
  await db.attachment.updateMany({ where: { id: row.id, status: "pending" }, data: { ...update, status: "ready" } });
  const done = await db.attachment.findUnique({ where: { id: row.id } });
  if (done?.status !== "ready") throw notFound("Upload not found");
  return toWireAttachment(done);
}
