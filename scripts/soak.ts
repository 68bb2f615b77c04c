// npm run soak: the long fault soak (recovery and consistency under faults): 20 clients at 5 messages/s each
// for 120 s, the realtime server killed twice, PostgreSQL stopped for 10 s. The same test file
// as in `npm test` (tests/soak), sized by SOAK_* variables; any SOAK_* already set wins, so
// `SOAK_SECONDS=300 npm run soak` runs longer.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const LONG = { SOAK_CLIENTS: "20", SOAK_RATE: "5", SOAK_SECONDS: "120", SOAK_REALTIME_DOWN_SECONDS: "3", SOAK_DB_DOWN_SECONDS: "10" };

// vitest's bin, found through its package.json (its "exports" do not list the bin itself).
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "tests/soak", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...LONG, ...process.env },
});
process.exit(result.status ?? 1);
