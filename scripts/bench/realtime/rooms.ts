// Deterministic room layout: a seeded generator, and clients split into rooms of 2–50.

/** Mulberry32: a small seeded PRNG, so the same seed gives the same rooms and targets. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `clients` into rooms of 2–50 members (a lone client never gets a room of its own). */
export function roomSizes(clients: number, random: () => number): number[] {
  const sizes: number[] = [];
  let remaining = clients;
  while (remaining > 0) {
    let size = Math.min(remaining, 2 + Math.floor(random() * 49));
    if (remaining - size === 1) size = size < 50 ? size + 1 : size - 1;
    sizes.push(size);
    remaining -= size;
  }
  return sizes;
}
