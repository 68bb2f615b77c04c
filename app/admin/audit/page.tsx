// /admin/audit: every moderation action, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { listAudit } from "@/lib/admin/audit";
import { adminPage } from "@/lib/admin/page";
import { pageQuery, type SearchParams } from "@/lib/admin/page-query";
import { auditQuerySchema } from "@/lib/admin/schemas";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await pageQuery(searchParams, auditQuerySchema);
  const page = await adminPage("/admin/audit", (admin) => listAudit(admin, query));
  return (
    <>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AuditTable entries={page.entries} caption="Moderation actions, newest first" />
      {page.nextBefore ? (
        <Link href={`/admin/audit?before=${page.nextBefore}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Older entries
        </Link>
      ) : null}
    </>
  );
}
