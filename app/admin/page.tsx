// /admin: totals, messages per day (30 days) and per hour (48 hours), most active rooms, recent moderation.
import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { AdminSection } from "@/components/admin/admin-section";
import { BarChart } from "@/components/admin/bar-chart";
import { DataTable, EmptyRow, Td, Th } from "@/components/admin/data-table";
import { formatNumber } from "@/components/admin/format";
import { Stat } from "@/components/admin/stat";
import { OpenReportsStat } from "@/components/admin/open-reports-stat";
import { listAudit } from "@/lib/admin/audit";
import { getOverview } from "@/lib/admin/overview";
import { adminPage } from "@/lib/admin/page";

export const dynamic = "force-dynamic";

const dayLabel = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
const hourLabel = (d: Date) => `${String(d.getUTCHours()).padStart(2, "0")}h`;

export default async function AdminOverviewPage() {
  const { overview, audit } = await adminPage("/admin", async (admin) => {
    const [overview, audit] = await Promise.all([getOverview(admin), listAudit(admin, { limit: 10 })]);
    return { overview, audit };
  });
  return (
    <>
      <h1 className="text-2xl font-semibold">Overview</h1>
      <AdminSection id="totals" title="Totals" hideTitle>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
          <Stat label="Users" value={formatNumber(overview.users)} />
          <Stat label="Rooms" value={formatNumber(overview.rooms)} />
          <Stat
            label="Messages"
            value={`${overview.messagesEstimated ? "≈ " : ""}${formatNumber(overview.messages)}`}
            note={overview.messagesEstimated ? "planner estimate" : undefined}
          />
          <Stat label="Messages, last 24 h" value={formatNumber(overview.messages24h)} note="by whole UTC hours" />
          <Stat label="Active users, last 24 h" value={formatNumber(overview.activeUsers24h)} note="sent at least one message" />
          <OpenReportsStat />
        </dl>
      </AdminSection>
      <AdminSection id="activity" title="Messages sent">
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            title="Per day, last 30 days (UTC)"
            bars={overview.perDay.map((p) => ({ label: dayLabel(p.at), value: p.count }))}
            labelEvery={5}
          />
          <BarChart
            title="Per hour, last 48 hours (UTC)"
            bars={overview.perHour.map((p) => ({ label: hourLabel(p.at), value: p.count }))}
            labelEvery={6}
          />
        </div>
      </AdminSection>
      <AdminSection id="top-rooms" title="Most active rooms, last 7 days">
        <DataTable
          caption="Most active rooms in the last 7 days"
          head={
            <>
              <Th>Room</Th>
              <Th>Kind</Th>
              <Th align="right">Messages</Th>
            </>
          }
        >
          {overview.topRooms.length === 0 ? <EmptyRow columns={3}>No messages in the last 7 days.</EmptyRow> : null}
          {overview.topRooms.map((room) => (
            <tr key={room.id}>
              <Td>
                <Link href={`/admin/rooms/${room.id}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  {room.name}
                </Link>
              </Td>
              <Td>{room.kind}</Td>
              <Td align="right">{formatNumber(room.count)}</Td>
            </tr>
          ))}
        </DataTable>
      </AdminSection>
      <AdminSection id="recent-moderation" title="Recent moderation">
        <AuditTable entries={audit.entries} caption="The ten most recent moderation actions" />
      </AdminSection>
    </>
  );
}
