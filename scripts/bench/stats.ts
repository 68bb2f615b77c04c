// Latency samples and their summaries.

export type Timing = { n: number; p50_ms: number; p95_ms: number; p99_ms: number; mean_ms: number };

export type SamplePlan = {
  warmup: number;
  iterations: number;
  /** Stop early once this much time is spent (slow variants), after at least `minIterations`. */
  budgetMs?: number;
  minIterations?: number;
};

/** Nearest-rank percentile of ascending `sorted` (q in 0..1). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    p99_ms: round(percentile(sorted, 0.99)),
    mean_ms: round(mean),
  };
}

/** Runs `fn` sequentially and returns the measured durations in milliseconds. */
export async function sample(fn: () => Promise<unknown>, plan: SamplePlan, onIteration?: () => void): Promise<number[]> {
  for (let i = 0; i < plan.warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < plan.iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    onIteration?.();
    const overBudget = plan.budgetMs !== undefined && performance.now() - started > plan.budgetMs;
    if (overBudget && samples.length >= (plan.minIterations ?? 1)) break;
  }
  return samples;
}

/** a / b rounded, or null when either side is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined, digits = 1): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, digits);
}
