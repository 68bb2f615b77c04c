// npm run bench [-- --smoke] [--concurrency N] [--rebuild] [--report]

export type BenchArgs = {
  smoke: boolean;
  /** Concurrent senders in the send benchmark. */
  concurrency?: number;
  /** Rebuild the dataset even when a matching one exists. */
  rebuild: boolean;
  /** Only regenerate docs/BENCHMARKS.md and the chart from bench/results/latest.json. */
  reportOnly: boolean;
};

export const USAGE = "usage: npm run bench -- [--smoke] [--concurrency N] [--rebuild] [--report]";

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { smoke: false, rebuild: false, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--smoke") args.smoke = true;
    else if (flag === "--rebuild") args.rebuild = true;
    else if (flag === "--report") args.reportOnly = true;
    else if (flag === "--concurrency") {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n < 1 || n > 1000) throw new Error(`--concurrency needs an integer 1..1000\n${USAGE}`);
      args.concurrency = n;
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  if (args.smoke && args.reportOnly) throw new Error(`--report regenerates the full-size report only\n${USAGE}`);
  return args;
}
