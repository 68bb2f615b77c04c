// /jobs/{id}: the job a room is about, read-only, for its client and cleaner and for admins (404
// for anyone else). With JOB_URL_TEMPLATE set the marketplace owns job pages: after the same
// check, this sends the browser there.
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/app/(chat)/cached-reads";
import { parseRoomId } from "@/app/(chat)/rooms/[roomId]/room-id";
import { JobStatusBadge, JobWhenWhere } from "@/components/chat/job-summary";
import { buttonClasses } from "@/components/ui/button";
import { AppError } from "@/lib/errors";
import { getJobForViewer, type JobPage, marketplaceJobUrl } from "@/lib/jobs/view";

export default async function JobDetailsPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const jobId = parseRoomId((await params).jobId);
  if (jobId === null) notFound();
  let page: JobPage;
  try {
    page = await getJobForViewer(user, jobId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const external = marketplaceJobUrl(jobId);
  if (external) redirect(external);
  const { job, client, cleaner, roomId } = page;
  return (
    <section aria-labelledby="job-title" className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto p-6">
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="job-title" className="text-xl font-semibold">
          {job.title}
        </h1>
        <JobStatusBadge status={job.status} />
      </div>
      <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">When and where</dt>
        <dd>
          <JobWhenWhere job={job} />
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Address</dt>
        <dd>{job.address ?? "Shared with the client and cleaner once the job is booked"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Client</dt>
        <dd>{client.name}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Cleaner</dt>
        <dd>{cleaner?.name ?? "Not assigned yet"}</dd>
      </dl>
      {roomId !== null ? (
        <Link href={`/rooms/${roomId}`} className={buttonClasses("secondary", "md", "self-start")}>
          Back to the conversation
        </Link>
      ) : null}
    </section>
  );
}
