import { describe, expect, it } from "vitest";
import { formatDepth, pageLatencyChart } from "@/scripts/bench/chart";

describe("page latency chart", () => {
  const svg = pageLatencyChart(
    "title & more",
    [0, 10_000, 1_000_000],
    [
      { label: "cursor", color: "#000", values: [0.5, 0.6, 0.7] },
      { label: "OFFSET", color: "#f00", values: [0.5, 40, 3000] },
    ],
  );

  it("draws one line per series with a point per depth", () => {
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(6);
    expect(svg).toContain("title &amp; more");
  });

  it("puts a gridline on every decade between the smallest and largest value (log scale)", () => {
    for (const label of ["0.1 ms", "1 ms", "10 ms", "100 ms", "1 s", "10 s"]) expect(svg).toContain(`>${label}<`);
    const ys = [...svg.matchAll(/<line x1="96" x2="550" y1="([\d.]+)" y2="[\d.]+" stroke="#dddddd"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(6);
    const gaps = ys.slice(1).map((y, i) => ys[i] - y);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 0);
  });

  it("labels depths compactly", () => {
    expect([0, 10_000, 100_000, 1_000_000].map(formatDepth)).toEqual(["0", "10k", "100k", "1M"]);
  });
});
