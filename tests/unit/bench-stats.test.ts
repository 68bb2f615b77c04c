import { describe, expect, it } from "vitest";
import { parseArgs } from "@/scripts/bench/args";
import { benchConfig, datasetProblems } from "@/scripts/bench/config";
import { percentile, ratio, summarize } from "@/scripts/bench/stats";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("summarizes unsorted samples", () => {
    expect(summarize([3, 1, 2, 4])).toEqual({ n: 4, p50_ms: 2, p95_ms: 4, p99_ms: 4, mean_ms: 2.5 });
  });

  it("gives no ratio for a missing or zero denominator", () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(undefined, 1)).toBeNull();
  });
});

describe("benchmark configuration", () => {
  it("builds both sizes without problems, the full one with a room deeper than 1,000,000", () => {
    const full = benchConfig({ smoke: false });
    const smoke = benchConfig({ smoke: true });
    expect(datasetProblems(full.dataset)).toEqual([]);
    expect(full.dataset.bigRoomMessages[0]).toBeGreaterThan(Math.max(...full.depths) + full.pageSize);
    expect(smoke.dataset.bigRoomMessages[0]).toBeGreaterThan(Math.max(...smoke.depths) + smoke.pageSize);
    expect(smoke.database).not.toBe(full.database);
    expect(smoke.output).toBe("bench/results/smoke.json");
  });

  it("rejects parameters that cannot give unique direct rooms", () => {
    const params = { ...benchConfig({ smoke: true }).dataset, users: 10, rooms: 600 };
    expect(datasetProblems(params)).toContain("too few users for unique direct pairs");
  });

  it("parses the command line", () => {
    expect(parseArgs(["--smoke", "--concurrency", "8"])).toEqual({ smoke: true, concurrency: 8, rebuild: false, reportOnly: false });
    expect(() => parseArgs(["--concurrency", "0"])).toThrow(/concurrency/);
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown argument/);
  });
});
