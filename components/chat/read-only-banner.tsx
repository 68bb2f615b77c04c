"use client";
// In place of the composer once a finished job's room is read-only: says why, and since when
// (the day in the viewer's zone once hydrated; UTC in the server's render).
import { useTimeZone } from "@/hooks/use-clock";
import { longDay } from "@/lib/chat/client/format-time";
import { readOnlyReason } from "@/lib/jobs/status";
import type { WireJob } from "@/lib/wire/rest";

export function ReadOnlyBanner({ job }: { job: WireJob }) {
  const timeZone = useTimeZone();
  return (
    <p
      role="status"
      className="border-t border-slate-200 bg-slate-50 px-4 py-3 text-center text-sm text-slate-700 md:px-6 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
    >
      {readOnlyReason(job.status, longDay(job.status_changed_at, timeZone))}
    </p>
  );
}
