import "server-only";
// This instance's metrics, shaped for the admin metrics page (Prometheus scrapes the same
// registry through GET /api/metrics).
import type { SessionUser } from "@/lib/auth/credentials";
import { metrics } from "@/lib/metrics";
import { realtimeStats, type RealtimeStats } from "@/lib/realtime/stats";
import { assertAdmin } from "@/lib/admin/guard";

type Sample = { value: number; labels: Record<string, string | number | undefined>; metricName?: string };

export type Histogram = {
  /** Observations per bucket (not cumulative), by upper bound in seconds; Infinity last. */
  buckets: Array<{ le: number; count: number }>;
  count: number;
  sumSeconds: number;
  /** Upper bound of the bucket holding the 50th / 95th percentile, in seconds. */
  p50: number | null;
  p95: number | null;
};

export type MetricsSnapshot = {
  realtime: RealtimeStats;
  messagesSent: number;
  publishFailures: number;
  channelAuth: { allowed: number; denied: number };
  responsesByStatus: Array<{ status: string; count: number }>;
  sendLatency: Histogram;
  publishLatency: Histogram;
  httpLatency: Histogram;
  processStartedAt: Date;
};

const processStartedAt = new Date(Date.now() - process.uptime() * 1000);

async function samples(metric: { get(): Promise<{ values: Sample[] }> }): Promise<Sample[]> {
  return (await metric.get()).values;
}

const total = (values: Sample[]) => values.reduce((sum, v) => sum + v.value, 0);

/** Folds a histogram's cumulative buckets (summed over all label sets) into per-bucket counts. */
export function toHistogram(values: Sample[]): Histogram {
  const cumulative = new Map<number, number>();
  let count = 0;
  let sumSeconds = 0;
  for (const v of values) {
    if (v.metricName?.endsWith("_bucket")) {
      const le = v.labels.le === "+Inf" ? Number.POSITIVE_INFINITY : Number(v.labels.le);
      cumulative.set(le, (cumulative.get(le) ?? 0) + v.value);
    } else if (v.metricName?.endsWith("_count")) count += v.value;
    else if (v.metricName?.endsWith("_sum")) sumSeconds += v.value;
  }
  const bounds = [...cumulative.keys()].sort((a, b) => a - b);
  const buckets = bounds.map((le, i) => ({ le, count: (cumulative.get(le) ?? 0) - (i > 0 ? (cumulative.get(bounds[i - 1]) ?? 0) : 0) }));
  const quantile = (q: number) => (count === 0 ? null : (bounds.find((le) => (cumulative.get(le) ?? 0) >= q * count) ?? null));
  return { buckets, count, sumSeconds, p50: quantile(0.5), p95: quantile(0.95) };
}

export async function metricsSnapshot(admin: SessionUser): Promise<MetricsSnapshot> {
  await assertAdmin(admin);
  const [realtime, sent, failures, auth, responses, send, publish, http] = await Promise.all([
    realtimeStats(),
    samples(metrics.messagesSent),
    samples(metrics.publishFailures),
    samples(metrics.channelAuth),
    samples(metrics.httpResponses),
    samples(metrics.sendLatency),
    samples(metrics.publishLatency),
    samples(metrics.httpDuration),
  ]);
  const byStatus = new Map<string, number>();
  for (const r of responses) byStatus.set(String(r.labels.status), (byStatus.get(String(r.labels.status)) ?? 0) + r.value);
  return {
    realtime,
    messagesSent: total(sent),
    publishFailures: total(failures),
    channelAuth: {
      allowed: total(auth.filter((a) => a.labels.result === "allowed")),
      denied: total(auth.filter((a) => a.labels.result === "denied")),
    },
    responsesByStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => a.status.localeCompare(b.status)),
    sendLatency: toHistogram(send),
    publishLatency: toHistogram(publish),
    httpLatency: toHistogram(http),
    processStartedAt,
  };
}
