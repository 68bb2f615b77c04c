// Waiting helpers for the benchmark's clients: a callback with a deadline, and "settled" (all
// expected deliveries arrived, or none for a quiet period, which counts the rest as lost).
import { performance } from "node:perf_hooks";

const QUIET_PERIOD_MS = 5000;

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `done()` holds, or once `progress()` has not moved for QUIET_PERIOD_MS. */
export async function settle(done: () => boolean, progress: () => number): Promise<void> {
  let last = progress();
  let lastChange = performance.now();
  while (!done()) {
    await delay(20);
    const now = progress();
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > QUIET_PERIOD_MS) {
      return;
    }
  }
}

export function waitFor<T>(register: (resolve: (value: T) => void, reject: (error: Error) => void) => void, label: string, ms = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${label}`)), ms);
    register(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
