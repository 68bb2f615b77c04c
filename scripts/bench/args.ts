// npm run bench [-- --smoke] [--concurrency N] [--rebuild] [--report] [--only section,...]

export type BenchArgs = {
  smoke: boolean;
  /** Concurrent senders in the send benchmark. */
  concurrency?: number;
  /** Rebuild the dataset even when a matching one exists. */
  rebuild: boolean;
  /** Only regenerate docs/BENCHMARKS.md and the chart from bench/results/latest.json. */
  reportOnly: boolean;
  /** Measure only these sections, merged into the existing results file (the others kept as they were). */
  only?: string[];
};

export const USAGE = "usage: npm run bench -- [--smoke] [--concurrency N] [--rebuild] [--report] [--only section,...]";

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
    } else if (flag === "--only") {
      const names = (argv[++i] ?? "").split(",").filter(Boolean);
      if (names.length === 0) throw new Error(`--only needs section names, e.g. outbox,send\n${USAGE}`);
      args.only = names;
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  if (args.smoke && args.reportOnly) throw new Error(`--report regenerates the full-size report only\n${USAGE}`);
  return args;
}
