// The soak's size and fault schedule. `vitest run` (npm test) uses the defaults, which finish in
// a couple of minutes on two cores; `npm run soak` sets the long run through the same variables.
import { z } from "zod";

const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

const schema = z.object({
  SOAK_CLIENTS: z.coerce.number().int().min(4).default(20),
  /** Messages per second each client sends. */
  SOAK_RATE: positive(2),
  /** How long the clients send. */
  SOAK_SECONDS: positive(40),
  /** How long the realtime server stays down at each of its two kills (plus its start-up time). */
  SOAK_REALTIME_DOWN_SECONDS: positive(3),
  /** How long PostgreSQL stays stopped. */
  SOAK_DB_DOWN_SECONDS: positive(10),
});

export type SoakConfig = {
  clients: number;
  rate: number;
  seconds: number;
  realtimeDownMs: number;
  dbDownMs: number;
  /** Offsets from the start of sending, in ms. */
  schedule: { realtimeKills: number[]; dbStop: number };
};

export function soakConfig(env: NodeJS.ProcessEnv = process.env): SoakConfig {
  const e = schema.parse(env);
  const ms = e.SOAK_SECONDS * 1000;
  const config: SoakConfig = {
    clients: e.SOAK_CLIENTS,
    rate: e.SOAK_RATE,
    seconds: e.SOAK_SECONDS,
    realtimeDownMs: e.SOAK_REALTIME_DOWN_SECONDS * 1000,
    dbDownMs: e.SOAK_DB_DOWN_SECONDS * 1000,
    // Faults apart from each other, with sending before, between and after them.
    schedule: { realtimeKills: [Math.round(ms * 0.15), Math.round(ms * 0.72)], dbStop: Math.round(ms * 0.38) },
  };
  const [first, second] = config.schedule.realtimeKills;
  const dbBack = config.schedule.dbStop + config.dbDownMs + 3000;
  if (first + config.realtimeDownMs + 3000 > config.schedule.dbStop || dbBack > second || second + config.realtimeDownMs > ms) {
    throw new Error(`SOAK_SECONDS=${e.SOAK_SECONDS} is too short for the fault schedule (faults must not overlap)`);
  }
  return config;
}

/** The time budget for the whole soak (setup, sending, settling, checks), for the hook timeout. */
export const soakBudgetMs = (config: SoakConfig) => config.seconds * 3000 + 180_000;
