// /admin/reports: the open reports, newest first, each with its message in context and the resolve form.
import type { Metadata } from "next";
import Link from "next/link";
import { ReportCard } from "@/components/admin/report-card";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { listOpenReports } from "@/lib/admin/reports";
import { auditQuerySchema } from "@/lib/admin/schemas";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

export default async function AdminReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await pageQuery(searchParams, auditQuerySchema);
  const { reports, nextBefore } = await adminPage("/admin/reports", (admin) => listOpenReports(admin, query));
  return (
    <>
      <h1 className="text-2xl font-semibold">Open reports</h1>
      {reports.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No open reports.</p> : null}
      {reports.map((report) => (
        <ReportCard key={report.id} report={report} />
      ))}
      {nextBefore ? (
        <Link href={`/admin/reports?before=${nextBefore}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Older reports
        </Link>
      ) : null}
    </>
  );
}
