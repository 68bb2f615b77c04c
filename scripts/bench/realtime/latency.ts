// Latency samples in milliseconds summarised for the realtime result (nearest-rank percentiles).
import { percentile, round } from "../stats";
import type { LatencyStats } from "./types";

export function latencyStats(samples: number[]): LatencyStats {
  if (samples.length === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Array.from(Float64Array.from(samples).sort());
  const sum = sorted.reduce((total, n) => total + n, 0);
  return {
    count: sorted.length,
    mean: round(sum / sorted.length, 2),
    p50: round(percentile(sorted, 0.5), 2),
    p95: round(percentile(sorted, 0.95), 2),
    p99: round(percentile(sorted, 0.99), 2),
    max: round(sorted[sorted.length - 1], 2),
  };
}
