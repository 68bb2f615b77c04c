import "server-only";
// Retention: RETENTION_DELETED_DAYS after a message was deleted, its content, its masked
// original, its edit history's text and its files go; the row stays as the tombstone
// ("message deleted", same id, seq, sender and time). Run by GET /api/cron/cleanup.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { removeStoredFiles } from "@/lib/attachments/cleanup";

const DAY_MS = 24 * 60 * 60 * 1000;

type Keys = { id: string; storageKey: string; thumbKey: string | null };

/**
 * Purges at most `batches` batches of `limit` messages (oldest deletion first, on
 * chat_message_purge_due_idx), each batch in its own transaction, files removed after it commits.
 * Idempotent: purged_at marks a message done, and a batch skips rows another run holds.
 */
export async function purgeDeletedMessages(options: { now?: number; limit?: number; batches?: number } = {}): Promise<{ purged: number }> {
  const cutoff = new Date((options.now ?? Date.now()) - env().RETENTION_DELETED_DAYS * DAY_MS);
  const limit = options.limit ?? 500;
  let purged = 0;
  for (let batch = 0; batch < (options.batches ?? 20); batch++) {
    const { ids, files } = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
        UPDATE chat_message m SET content = '', original_content = NULL, purged_at = now()
        WHERE m.id IN (SELECT id FROM chat_message WHERE deleted_at IS NOT NULL AND purged_at IS NULL AND deleted_at < ${cutoff}
          ORDER BY deleted_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING m.id`;
      const ids = rows.map((r) => r.id);
      if (ids.length === 0) return { ids, files: [] as Keys[] };
      await tx.$executeRaw`UPDATE chat_message_edit SET old_content = '' WHERE message_id = ANY(${ids}::bigint[])`;
      const files = await tx.$queryRaw<Keys[]>`
        DELETE FROM chat_attachment WHERE message_id = ANY(${ids}::bigint[])
        RETURNING id::text AS id, storage_key AS "storageKey", thumb_key AS "thumbKey"`;
      return { ids, files };
    });
    await removeStoredFiles(files);
    purged += ids.length;
    if (ids.length < limit) break;
  }
  if (purged > 0) log.info({ event: "retention.purge", purged }, "purged deleted messages' content");
  return { purged };
}

const PURGE_EVERY_MS = 60 * 60_000;

/** On a long-lived server (instrumentation.ts): the purge hourly, as Vercel Cron's call of /api/cron/cleanup does it there. */
export function startRetentionPurge(): () => void {
  const timer = setInterval(() => {
    purgeDeletedMessages().catch((error: unknown) => log.warn({ event: "retention.purge", error: String(error) }, "retention purge failed"));
  }, PURGE_EVERY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
