"use client";
// A job room's job: status badge, local date and time, area, and the link to the job's page.
// Times are rendered in UTC on the server and in the browser's zone once hydrated (use-clock).
import Link from "next/link";
import { useNow, useTimeZone } from "@/hooks/use-clock";
import { fullDate, jobTime } from "@/lib/chat/client/format-time";
import { JOB_STATUS_LABELS, type JobStatus } from "@/lib/jobs/status";
import type { WireJob } from "@/lib/wire/rest";

const STATUS_TONES: Record<JobStatus, string> = {
  open: "bg-slate-100 text-slate-700 dark:bg-slate-700/60 dark:text-slate-200",
  booked: "bg-indigo-100 text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200",
  in_progress: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200",
  cancelled: "bg-rose-100 text-rose-800 dark:bg-rose-500/15 dark:text-rose-200",
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <span
      data-job-status={status}
      className={`inline-flex shrink-0 items-center rounded-md px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ${STATUS_TONES[status]}`}
    >
      {JOB_STATUS_LABELS[status]}
    </span>
  );
}

/** "Thu 4 Dec, 09:00 · Hackney, London E8", whichever of the two the job has. */
export function JobWhenWhere({ job, className = "" }: { job: WireJob; className?: string }) {
  const now = useNow();
  const timeZone = useTimeZone();
  if (!job.scheduled_at && !job.area) return null;
  return (
    <span className={`truncate ${className}`}>
      {job.scheduled_at ? (
        <time dateTime={job.scheduled_at} title={fullDate(job.scheduled_at, timeZone)}>
          {jobTime(job.scheduled_at, now, timeZone)}
        </time>
      ) : null}
      {job.scheduled_at && job.area ? " · " : null}
      {job.area}
    </span>
  );
}

/** The room header's line about the job, with the link to its page (the marketplace's, or ours). */
export function JobHeaderLine({ job }: { job: WireJob }) {
  return (
    <span className="flex min-w-0 items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      <JobStatusBadge status={job.status} />
      <JobWhenWhere job={job} />
      <Link href={`/jobs/${job.id}`} prefetch={false} className="shrink-0 font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        View job
      </Link>
    </span>
  );
}
