// The overview's open report count, linking to the queue.
import Link from "next/link";
import { formatNumber } from "@/components/admin/format";
import { adminPage } from "@/lib/admin/page";
import { openReportCount } from "@/lib/admin/reports";

export async function OpenReportsStat() {
  const count = await adminPage("/admin#open-reports", openReportCount);
  return (
    <div className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <dt className="text-sm text-slate-500 dark:text-slate-400">Open reports</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatNumber(count)}</dd>
      <dd className="mt-1 text-xs">
        <Link href="/admin/reports" className="text-sky-700 hover:underline dark:text-sky-400">
          Reports queue
        </Link>
      </dd>
    </div>
  );
}
