import "server-only";
// One job as a person may see it on its page (/jobs/{id}): its client and cleaner, and admins.
// Everyone else is told it does not exist. The address follows the room's rule for the client
// and cleaner (booked or later); admins always see it.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { ADDRESS_VISIBLE_STATUSES } from "@/lib/jobs/status";
import { toWireJob } from "@/lib/wire/serialize";
import type { WireJob } from "@/lib/wire/rest";

export type JobPage = {
  job: WireJob;
  client: { id: number; name: string };
  cleaner: { id: number; name: string } | null;
  /** The job's room, for its members; null for an admin looking on, or before it exists. */
  roomId: number | null;
};

export async function getJobForViewer(viewer: Pick<SessionUser, "id" | "role">, jobId: number): Promise<JobPage> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    include: {
      client: { select: { id: true, name: true } },
      cleaner: { select: { id: true, name: true } },
      room: { select: { id: true, participants: { where: { userId: viewer.id }, select: { id: true } } } },
    },
  });
  const party = job !== null && (job.clientId === viewer.id || job.cleanerId === viewer.id);
  if (!job || (!party && viewer.role !== "ADMIN")) throw notFound("Job not found");
  const showAddress = viewer.role === "ADMIN" || ADDRESS_VISIBLE_STATUSES.includes(job.status);
  return {
    job: toWireJob({
      id: job.id,
      title: job.title,
      scheduled_at: job.scheduledAt?.toISOString() ?? null,
      area: job.area,
      status: job.status,
      status_changed_at: job.statusChangedAt.toISOString(),
      address: showAddress ? job.address : null,
    }),
    client: job.client,
    cleaner: job.cleaner,
    roomId: job.room && job.room.participants.length > 0 ? job.room.id : null,
  };
}

/** The marketplace's page of the job when JOB_URL_TEMPLATE is set, else null (this app's page). */
export function marketplaceJobUrl(jobId: number): string | null {
  const template = env().JOB_URL_TEMPLATE;
  return template ? template.replaceAll("{id}", String(jobId)) : null;
}
