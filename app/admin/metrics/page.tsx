// /admin/metrics: this instance's counters and latency histograms, and the realtime server's occupancy.
import type { Metadata } from "next";
import { AdminSection } from "@/components/admin/admin-section";
import { BarChart } from "@/components/admin/bar-chart";
import { formatMs, formatNumber } from "@/components/admin/format";
import { Stat } from "@/components/admin/stat";
import { Time } from "@/components/admin/time";
import { type Histogram, metricsSnapshot } from "@/lib/admin/metrics-snapshot";
import { adminPage } from "@/lib/admin/page";

export const metadata: Metadata = { title: "Metrics" };
export const dynamic = "force-dynamic";

const bucketLabel = (le: number) => (le === Number.POSITIVE_INFINITY ? "more" : le < 1 ? `${le * 1000}ms` : `${le}s`);
const histogramBars = (h: Histogram) => h.buckets.map((b) => ({ label: bucketLabel(b.le), value: b.count }));

function LatencyChart({ title, histogram }: { title: string; histogram: Histogram }) {
  return (
    <div className="space-y-1">
      <BarChart title={title} bars={histogramBars(histogram)} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {formatNumber(histogram.count)} observations · median {formatMs(histogram.p50)} · p95 {formatMs(histogram.p95)}
      </p>
    </div>
  );
}

export default async function AdminMetricsPage() {
  const m = await adminPage("/admin/metrics", (admin) => metricsSnapshot(admin));
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Metrics</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Counters of this server instance since <Time value={m.processStartedAt} />. Prometheus scrapes the same numbers from{" "}
          <code>/api/metrics</code>.
        </p>
      </div>
      <AdminSection id="realtime" title="Realtime server">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label="HTTP API" value={m.realtime.up ? "Up" : "Down"} note={`checked ${m.realtime.checkedAt.toISOString().slice(11, 19)} UTC`} />
          <Stat label="Room channels (presence)" value={formatNumber(m.realtime.channels.presence)} />
          <Stat label="User channels (private)" value={formatNumber(m.realtime.channels.private)} />
          <Stat label="People in rooms" value={formatNumber(m.realtime.presenceMembers)} note="presence members, once per open room" />
        </dl>
      </AdminSection>
      <AdminSection id="traffic" title="Traffic">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label="Messages sent" value={formatNumber(m.messagesSent)} />
          <Stat label="Failed publishes" value={formatNumber(m.publishFailures)} />
          <Stat label="Channel auth allowed" value={formatNumber(m.channelAuth.allowed)} />
          <Stat label="Channel auth denied" value={formatNumber(m.channelAuth.denied)} />
        </dl>
        <BarChart title="Responses by status (API routes and actions)" bars={m.responsesByStatus.map((r) => ({ label: r.status, value: r.count }))} />
      </AdminSection>
      <AdminSection id="latency" title="Latency">
        <div className="grid gap-4 lg:grid-cols-3">
          <LatencyChart title="Send transaction" histogram={m.sendLatency} />
          <LatencyChart title="Realtime publish" histogram={m.publishLatency} />
          <LatencyChart title="API requests" histogram={m.httpLatency} />
        </div>
      </AdminSection>
    </>
  );
}
