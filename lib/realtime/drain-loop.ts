import "server-only";
// Where the drainer runs. A long-lived server (`npm run dev`, `npm start`: instrumentation.ts)
// drains continuously; on Vercel, with no process between requests, Vercel Cron calls
// /api/cron/outbox every minute and each request kicks a short drain after its response
// (drainAfterRequest, from lib/http/door.ts).
import { after } from "next/server";
import { log } from "@/lib/log";
import { drainOutbox, pruneOutbox } from "@/lib/realtime/drain";

const PRUNE_EVERY_MS = 10 * 60_000;
/** At most one drain per process per this, whatever the request rate. */
const KICK_EVERY_MS = 1000;

type LoopState = { stop?: () => void; lastKick: number; kicking: boolean };
const globalForDrain = globalThis as unknown as { outboxDrain?: LoopState };
globalForDrain.outboxDrain ??= { lastKick: 0, kicking: false };
const state: LoopState = globalForDrain.outboxDrain;

/** Drains every `intervalMs` (never two at once in this process) and prunes now and then. Returns the stop. */
export function startOutboxDrainer(intervalMs: number): () => void {
  if (state.stop) return state.stop;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let lastPrune = 0;
  const tick = async () => {
    try {
      await drainOutbox();
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneOutbox();
      }
    } catch (error) {
      log.warn({ event: "outbox.drain", error: String(error) }, "outbox drain failed; retrying");
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
    timer?.unref?.();
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref?.();
  state.stop = () => {
    stopped = true;
    clearTimeout(timer);
    state.stop = undefined;
  };
  log.info({ event: "outbox.drainer", interval_ms: intervalMs }, "outbox drainer started");
  return state.stop;
}

/**
 * After a request: a bounded drain of what earlier publishes left, without delaying the
 * response (Next's after(), which keeps a serverless function alive for it; outside a request
 * scope, as in tests calling handlers directly, it simply runs in the background).
 */
export function drainAfterRequest(): void {
  if (state.stop || state.kicking || Date.now() - state.lastKick < KICK_EVERY_MS) return;
  state.lastKick = Date.now();
  state.kicking = true;
  const task = () =>
    drainOutbox({ limit: 100, budgetMs: 2000 })
      .catch((error: unknown) => log.warn({ event: "outbox.drain", error: String(error) }, "outbox drain after a request failed"))
      .finally(() => {
        state.kicking = false;
      });
  try {
    after(task);
  } catch {
    void task();
  }
}
