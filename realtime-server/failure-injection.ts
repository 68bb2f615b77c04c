// Test and benchmark aid: makes a fraction of the HTTP API's publish calls (events,
// batch_events) fail with a 503 before anything is delivered, as a struggling hosted service
// would. Deterministic for a given seed, so a failing run can be replayed. Off unless asked for;
// the CLI (main.ts) refuses it under NODE_ENV=production.

export type PublishFailures = {
  /** Decides one publish call: true when it must fail. */
  next(): boolean;
  /** Changes the rate (0 switches it off) and restarts the sequence from `seed`. */
  set(rate: number, seed?: number): void;
  rate(): number;
  /** Calls failed so far. */
  injected(): number;
};

/** mulberry32: a small, fast seeded generator (uniform in [0, 1)). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function publishFailures(initialRate = 0, initialSeed = 1): PublishFailures {
  let rate = 0;
  let random = seeded(initialSeed);
  let injected = 0;
  const set = (r: number, seed = initialSeed) => {
    if (!(r >= 0 && r <= 1)) throw new RangeError("publish failure rate must be between 0 and 1");
    rate = r;
    random = seeded(seed);
  };
  set(initialRate, initialSeed);
  return {
    next() {
      if (rate === 0 || random() >= rate) return false;
      injected++;
      return true;
    },
    set,
    rate: () => rate,
    injected: () => injected,
  };
}
