// The health answer when production is configured with development defaults: which variables
// and why, never their values. Imports nothing that reads env(), which refuses in that state.
import type { ConfigProblem } from "@/lib/env-production";

export type MisconfiguredHealth = {
  ok: false;
  config: "invalid";
  config_problems: ConfigProblem[];
  database: "unknown";
  realtime: "unknown";
  checked_at: string;
};

export function misconfiguredHealth(problems: readonly ConfigProblem[]): MisconfiguredHealth {
  return {
    ok: false,
    config: "invalid",
    config_problems: problems.map(({ variable, reason }) => ({ variable, reason })),
    database: "unknown",
    realtime: "unknown",
    checked_at: new Date().toISOString(),
  };
}
