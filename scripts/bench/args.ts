// npm run bench [-- --smoke] [--concurrency N] [--rebuild] [--report] [--only fanout]

export type BenchArgs = {
  smoke: boolean;
  /** Concurrent senders in the send benchmark. */
  concurrency?: number;
  /** Rebuild the dataset even when a matching one exists. */
  rebuild: boolean;
  /** Only regenerate docs/BENCHMARKS.md and the chart from bench/results/latest.json. */
  reportOnly: boolean;
  /** Measure this one section and merge it into the existing results file (the others kept). */
  only?: OnlySection;
};

export const ONLY_SECTIONS = ["fanout"] as const;
export type OnlySection = (typeof ONLY_SECTIONS)[number];

export const USAGE = "usage: npm run bench -- [--smoke] [--concurrency N] [--rebuild] [--report] [--only fanout]";

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { smoke: false, rebuild: false, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--smoke") args.smoke = true;
    else if (flag === "--rebuild") args.rebuild = true;
    else if (flag === "--report") args.reportOnly = true;
    else if (flag === "--only") {
      const section = argv[++i];
      if (!ONLY_SECTIONS.includes(section as OnlySection)) throw new Error(`--only takes one of ${ONLY_SECTIONS.join(", ")}\n${USAGE}`);
      args.only = section as OnlySection;
    } else if (flag === "--concurrency") {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n < 1 || n > 1000) throw new Error(`--concurrency needs an integer 1..1000\n${USAGE}`);
      args.concurrency = n;
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  if (args.smoke && args.reportOnly) throw new Error(`--report regenerates the full-size report only\n${USAGE}`);
  return args;
}
