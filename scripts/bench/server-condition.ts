// lib/realtime/* begins with `import "server-only"`, which throws unless modules resolve with
// the react-server condition, as Next.js resolves server code. `npm run bench` is plain tsx, so
// the benchmark relaunches itself once with that condition.
import { spawnSync } from "node:child_process";

const FLAG = "--conditions=react-server";

function active(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return flags.some((f) => f === FLAG || f === "-C=react-server") || flags.join(" ").includes("--conditions react-server");
}

/** The relaunched run's exit code, or null when this process already has the condition. */
export function relaunchWithServerCondition(): number | null {
  if (active()) return null;
  const child = spawnSync(process.execPath, [...process.execArgv, FLAG, ...process.argv.slice(1)], { stdio: "inherit" });
  if (child.error) throw child.error;
  return child.status ?? 1;
}
