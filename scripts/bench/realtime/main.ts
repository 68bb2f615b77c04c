// npm run bench:realtime: the realtime delivery benchmark alone (flags in ./args.ts). Starts the
// embedded server on a free port unless PUSHER_HOST (and PUSHER_PORT, PUSHER_APP_ID, PUSHER_KEY,
// PUSHER_SECRET, PUSHER_USE_TLS) point at another one. Exits 1 when any delivery was lost.
import path from "node:path";
import { parseRealtimeArgs } from "./args";
import { DEFAULT_OUTPUT, formatRealtimeTable, writeRealtimeResult } from "./output";
import { runRealtimeBench } from "./run";
import { targetFromEnv } from "./server";

async function main(): Promise<void> {
  const options = parseRealtimeArgs(process.argv.slice(2));
  const result = await runRealtimeBench({ ...options, target: targetFromEnv(process.env), log: (line) => console.error(line) });
  console.log(formatRealtimeTable(result));
  writeRealtimeResult(result);
  console.log(`wrote ${path.relative(process.cwd(), DEFAULT_OUTPUT)}`);
  if (result.publish.lost > 0 || result.typing.lost > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
