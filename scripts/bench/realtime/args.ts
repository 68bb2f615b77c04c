// npm run bench:realtime -- [--clients 1000] [--smoke] [--messages 2000] [--concurrency 4] [--rate N|0] [--inline]
import type { RealtimeBenchOptions } from "./types";

export const USAGE = "usage: npm run bench:realtime -- [--clients N] [--smoke] [--messages N] [--concurrency N] [--rate N|0] [--inline]";

export function parseRealtimeArgs(argv: readonly string[]): RealtimeBenchOptions {
  const options: RealtimeBenchOptions = {};
  let smoke = false;
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--smoke") smoke = true;
    else if (flag === "--clients") options.clients = number(flag, argv[++i]);
    else if (flag === "--messages") options.messages = number(flag, argv[++i]);
    else if (flag === "--concurrency") options.concurrency = number(flag, argv[++i]);
    else if (flag === "--rate") {
      const value = argv[++i];
      options.rate = value === "0" ? 0 : number(flag, value);
    } else if (flag === "--inline") options.inline = true;
    else throw new Error(`Unknown flag ${flag}\n${USAGE}`);
  }
  if (smoke) {
    options.clients = 50;
    options.messages ??= 200;
  }
  if (options.clients !== undefined && options.clients < 2) throw new Error(`--clients needs at least 2\n${USAGE}`);
  return options;
}
