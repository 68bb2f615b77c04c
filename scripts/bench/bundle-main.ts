// npm run bench:bundle [-- --no-lighthouse] [-- --list]: the room page's JavaScript and its
// Lighthouse score (scripts/bench/bundle.ts), merged into bench/results/latest.json as `bundle`
// (targets re-evaluated); `npm run bench -- --report` then regenerates docs/BENCHMARKS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { measureRoomPage } from "./bundle";
import { type BenchResult, evaluateTargets } from "./result";

const LATEST = "bench/results/latest.json";

async function main(argv: string[]): Promise<void> {
  const { result, scripts } = await measureRoomPage({ lighthouse: !argv.includes("--no-lighthouse"), log: console.log });
  if (argv.includes("--list")) {
    for (const s of [...scripts].sort((a, b) => b.gzip_bytes - a.gzip_bytes))
      console.log(`${(s.gzip_bytes / 1024).toFixed(1).padStart(7)} KB  ${s.url}`);
  }
  const merged: BenchResult = { ...(JSON.parse(readFileSync(LATEST, "utf8")) as BenchResult), bundle: result };
  merged.targets = evaluateTargets(merged);
  writeFileSync(LATEST, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`wrote ${LATEST}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
