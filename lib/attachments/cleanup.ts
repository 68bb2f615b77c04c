import "server-only";
// Deleting attachments' bytes: a moderated or deleted message's files, and uploads no message
// took within a day (GET /api/cron/cleanup, and hourly on a long-lived server).
import { db } from "@/lib/db";
import type { Tx } from "@/lib/realtime/outbox-store";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { UNATTACHED_UPLOAD_TTL_MS } from "@/lib/attachments/limits";
import { storage } from "@/lib/storage";

type Keys = { id: string; storageKey: string; thumbKey: string | null };

const keysOf = (rows: Keys[]) => rows.flatMap((r) => [r.storageKey, ...(r.thumbKey ? [r.thumbKey] : [])]);
/** A pending upload's key is its original; a completed image's original was deleted then, and deleting it again is harmless. */
const withOriginals = (rows: Keys[]) => [...keysOf(rows), ...rows.map((r) => `${r.storageKey.slice(0, r.storageKey.lastIndexOf("/"))}/original`)];

/**
 * Removes a message's attachments from storage after its rows were deleted in the transaction
 * that deleted the message (`rows`, as that transaction read them). A storage failure is logged:
 * the files are then unreachable (no row points at them), and the message stays deleted.
 */
export async function removeStoredFiles(rows: Keys[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await storage().remove([...new Set(withOriginals(rows))]);
  } catch (error) {
    log.error(
      { event: "attachments.remove_failed", attachment_ids: rows.map((r) => r.id), error: String(error) },
      "could not delete attachment files",
    );
  }
}

export type DetachedFiles = Keys[];

/**
 * In the transaction deleting a message (after its row lock): deletes its attachment rows and
 * returns their keys, for removeStoredFiles after commit. Raw SQL: Prisma's deleteMany cannot
 * return the rows it deleted.
 */
export async function detachMessageFiles(tx: Tx, messageId: number): Promise<DetachedFiles> {
  return tx.$queryRaw<Keys[]>`
    DELETE FROM chat_attachment WHERE message_id = ${messageId}
    RETURNING id::text AS id, storage_key AS "storageKey", thumb_key AS "thumbKey"`;
}

/**
 * Uploads no message carries, created more than a day ago: rows first (so a send can no longer
 * take one), then their bytes; at most `limit` per call. Raw SQL: Prisma's deleteMany cannot
 * return the rows it deleted. The scan walks chat_attachment_message_idx (message_id IS NULL, created_at).
 */
export async function cleanupUnattachedUploads(options: { now?: number; limit?: number } = {}): Promise<{ deleted: number }> {
  const cutoff = new Date((options.now ?? Date.now()) - UNATTACHED_UPLOAD_TTL_MS);
  const rows = await db.$queryRaw<Keys[]>`
    DELETE FROM chat_attachment WHERE id IN (
      SELECT id FROM chat_attachment WHERE message_id IS NULL AND created_at < ${cutoff}
      ORDER BY created_at LIMIT ${options.limit ?? 500} FOR UPDATE SKIP LOCKED)
    AND message_id IS NULL
    RETURNING id::text AS id, storage_key AS "storageKey", thumb_key AS "thumbKey"`;
  if (rows.length === 0) return { deleted: 0 };
  await removeStoredFiles(rows);
  log.info({ event: "attachments.cleanup", deleted: rows.length }, "deleted uploads never sent");
  return { deleted: rows.length };
}

const CLEANUP_EVERY_MS = 60 * 60_000;

/** On a long-lived server (instrumentation.ts): the cleanup hourly, as Vercel Cron does it there. */
export function startUploadCleanup(): () => void {
  const timer = setInterval(() => {
    cleanupUnattachedUploads().catch((error: unknown) => log.warn({ event: "attachments.cleanup", error: String(error) }, "upload cleanup failed"));
  }, CLEANUP_EVERY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** The uploader takes back an upload not sent yet (removed from the composer): row, then bytes. 404 for anything else. */
export async function discardUpload(input: { userId: number; uploadId: string }): Promise<void> {
  const rows = await db.$queryRaw<Keys[]>`
    DELETE FROM chat_attachment WHERE id = ${input.uploadId}::uuid AND uploader_id = ${input.userId} AND message_id IS NULL
    RETURNING id::text AS id, storage_key AS "storageKey", thumb_key AS "thumbKey"`;
  if (rows.length === 0) throw notFound("Upload not found");
  await removeStoredFiles(rows);
}
