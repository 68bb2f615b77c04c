// Lighthouse's mobile preset (its default) on one signed-in page, through its CLI: the same
// command docs/BENCHMARKS.md gives for running it by hand. The median of a few runs, as one run
// on a shared machine swings by tens of points.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const metric = z.object({ numericValue: z.number() });
const reportSchema = z.object({
  categories: z.object({ performance: z.object({ score: z.number() }) }),
  audits: z.object({
    "first-contentful-paint": metric,
    "largest-contentful-paint": metric,
    "speed-index": metric,
    "total-blocking-time": metric,
    "cumulative-layout-shift": metric,
  }),
});

/** The score and the metrics it is computed from (simulated slow 4G and a 4x slower CPU). */
export type LighthouseScore = { performance: number; tbtMs: number; fcpMs: number; lcpMs: number; speedIndexMs: number; cls: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runLighthouse(url: string, cookie: string, runs = 3): Promise<{ performance: number; tbtMs: number; runs: LighthouseScore[] }> {
  const all: LighthouseScore[] = [];
  for (let i = 0; i < runs; i++) all.push(await runOnce(url, cookie));
  return { performance: median(all.map((r) => r.performance)), tbtMs: median(all.map((r) => r.tbtMs)), runs: all };
}

async function runOnce(url: string, cookie: string): Promise<LighthouseScore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  const output = path.join(dir, "report.json");
  const bin = path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");
  try {
    await promisify(execFile)(
      process.execPath,
      [
        bin,
        url,
        "--quiet",
        "--only-categories=performance",
        "--output=json",
        `--output-path=${output}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = reportSchema.parse(JSON.parse(readFileSync(output, "utf8")));
    const ms = (name: keyof typeof report.audits) => Math.round(report.audits[name].numericValue);
    return {
      performance: Math.round(report.categories.performance.score * 100),
      tbtMs: ms("total-blocking-time"),
      fcpMs: ms("first-contentful-paint"),
      lcpMs: ms("largest-contentful-paint"),
      speedIndexMs: ms("speed-index"),
      cls: Math.round(report.audits["cumulative-layout-shift"].numericValue * 1000) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
