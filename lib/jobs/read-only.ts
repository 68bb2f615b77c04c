import "server-only";
// A completed or cancelled job's room stops taking messages READ_ONLY_AFTER_DAYS after the status
// changed (lib/jobs/status.ts): sends, edits and deletes are refused, reads go on.
import { AppError } from "@/lib/errors";
import { isJobRoomReadOnly, type JobStatus, readOnlyReason } from "@/lib/jobs/status";
import type { Tx } from "@/lib/realtime/outbox-store";

/**
 * Throws conflict (409) when `userId` is in the room and it is a read-only job room. Anyone else
 * gets through to the writer's own membership check, which answers 404 as for any stranger, so
 * the refusal never tells an outsider the room exists.
 */
export async function assertRoomWritable(tx: Pick<Tx, "$queryRaw">, userId: number, roomId: number): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ status: JobStatus; changedAt: Date }>>`
    SELECT j.status::text AS status, j.status_changed_at AS "changedAt"
    FROM chat_chatparticipant p
    JOIN chat_chatroom r ON r.id = p.room_id
    JOIN jobs j ON j.id = r.job_id
    WHERE p.room_id = ${roomId} AND p.user_id = ${userId}`;
  const job = rows[0];
  if (job && isJobRoomReadOnly(job.status, job.changedAt)) {
    throw new AppError("conflict", readOnlyReason(job.status, job.changedAt.toISOString().slice(0, 10)));
  }
}
