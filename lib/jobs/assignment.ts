import "server-only";
// The marketplace's way in: who a job's client and cleaner are, and its status. The job's room
// follows: created if it does not exist yet, then holding exactly the client and the cleaner.
import { recordAudit } from "@/lib/admin/audit";
import { settleParticipantActivity } from "@/lib/chat/activity";
import { membersUpdated, type RoomView, roomRemoved, roomUpdated } from "@/lib/chat/events";
import { getRoomForUser, roomForEachParticipant, roomMembers } from "@/lib/chat/rooms";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { JobStatus } from "@/lib/jobs/status";
import { type WithEvents, withEvents } from "@/lib/realtime/outbox";
import { type Tx, withOutbox } from "@/lib/realtime/outbox-store";
import type { OutgoingEvent } from "@/lib/wire/events";

export type AssignJobInput = { jobId: number; clientId: number; cleanerId: number | null; status?: JobStatus };
export type AssignJobResult = {
  jobId: number;
  clientId: number;
  cleanerId: number | null;
  status: JobStatus;
  statusChangedAt: Date;
  roomId: number;
  /** False when the call changed nothing (the same assignment again). */
  changed: boolean;
  added: number[];
  removed: number[];
};

type LockedJob = { title: string; clientId: number; cleanerId: number | null; status: JobStatus; statusChangedAt: Date };

/** The job's room, created (named after the job) if it has none; locked, as every writer locks a room first. */
async function lockJobRoom(tx: Tx, jobId: number, title: string): Promise<{ roomId: number; created: boolean }> {
  const inserted = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO chat_chatroom (name, kind, job_id) VALUES (${title}, 'JOB', ${jobId})
    ON CONFLICT (job_id) DO NOTHING RETURNING id`;
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM chat_chatroom WHERE job_id = ${jobId} FOR UPDATE`;
  return { roomId: rows[0].id, created: inserted.length > 0 };
}

/**
 * Sets the job's client and cleaner, and its status when given (a new status restarts
 * status_changed_at, the read-only clock). The job's room is created if needed and then holds
 * exactly those two: someone replaced is taken out of the room and their realtime connections
 * are cut when the change commits (the door terminates them; they reconnect and are refused the
 * room's channels), and whoever is added sees the room's whole history.
 *
 * Idempotent: the same assignment again changes nothing and produces no events. One transaction
 * for the job, the room, its members, the audit entry (actor null: the marketplace) and the
 * realtime events (outbox). Refusals: the job or a person unknown or deactivated → not_found;
 * the marketplace creates jobs, this only says who is on them.
 */
export async function assignJob(input: AssignJobInput): Promise<WithEvents<AssignJobResult>> {
  const people = [input.clientId, ...(input.cleanerId !== null ? [input.cleanerId] : [])];
  const active = await db.user.count({ where: { id: { in: people }, isActive: true } });
  if (active !== people.length) throw notFound("User not found");

  return withOutbox(async (tx) => {
    const jobs = await tx.$queryRaw<LockedJob[]>`
      SELECT title, client_id AS "clientId", cleaner_id AS "cleanerId", status::text AS status, status_changed_at AS "statusChangedAt"
      FROM jobs WHERE id = ${input.jobId} FOR UPDATE`;
    const job = jobs[0];
    if (!job) throw notFound("Job not found");
    const { roomId, created } = await lockJobRoom(tx, input.jobId, job.title);

    const current = (await tx.chatParticipant.findMany({ where: { roomId }, select: { userId: true } })).map((p) => p.userId);
    const removed = current.filter((id) => !people.includes(id));
    const added = people.filter((id) => !current.includes(id));
    // Their view of the room, read before their rows go: what their room list drops.
    const removedViews: RoomView[] = [];
    for (const userId of removed) {
      const room = await getRoomForUser(userId, roomId, tx);
      // Nothing of the job goes to someone who is off it (its address least of all).
      delete room.job;
      removedViews.push({ userId, room });
    }
    if (removed.length) await tx.chatParticipant.deleteMany({ where: { roomId, userId: { in: removed } } });
    if (added.length) {
      await tx.chatParticipant.createMany({ data: added.map((userId) => ({ roomId, userId })), skipDuplicates: true });
      await settleParticipantActivity(tx, roomId);
    }

    const statusChanged = input.status !== undefined && input.status !== job.status;
    const jobChanged = statusChanged || job.clientId !== input.clientId || job.cleanerId !== input.cleanerId;
    let { status, statusChangedAt } = job;
    if (jobChanged) {
      const updated = await tx.job.update({
        where: { id: input.jobId },
        data: {
          clientId: input.clientId,
          cleanerId: input.cleanerId,
          ...(statusChanged && input.status ? { status: input.status, statusChangedAt: new Date() } : {}),
        },
        select: { status: true, statusChangedAt: true },
      });
      ({ status, statusChangedAt } = updated);
    }

    const membersChanged = removed.length > 0 || added.length > 0;
    const result: AssignJobResult = {
      jobId: input.jobId,
      clientId: input.clientId,
      cleanerId: input.cleanerId,
      status,
      statusChangedAt,
      roomId,
      changed: created || membersChanged || jobChanged,
      added,
      removed,
    };
    if (!result.changed) return withEvents(result);

    await recordAudit(tx, {
      actorId: null,
      action: "job.assign",
      targetType: "job",
      targetId: input.jobId,
      details: { room_id: roomId, client_id: input.clientId, cleaner_id: input.cleanerId, status, added, removed },
    });
    const views = await roomForEachParticipant(roomId, tx);
    let events: OutgoingEvent[];
    if (membersChanged && !created) {
      const change = { room_id: roomId, owner_id: null, members: await roomMembers(roomId, tx) };
      events = [...membersUpdated(change, views), ...removedViews.map(roomRemoved)];
    } else {
      // A new room, or the same people with a new status: each member's list and open header.
      events = roomUpdated(views);
    }
    return withEvents(
      result,
      events,
      removed.map((userId) => ({ userId, reason: "job.reassigned" })),
    );
  });
}
