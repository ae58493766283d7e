/**
 * A small seeded pseudo-random number generator for the simulations in shared/domain: the same
 * seed gives the same sequence on every machine and in every run, so a forecast can be tested
 * against hand-worked cases and shown again identically. Not for anything secret.
 */

/**
 * mulberry32 (Tommy Ettinger): a 32-bit state, period 2^32, uniform enough for Monte Carlo
 * sampling of a few hundred thousand draws. Returns a function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n) from a generator of [0, 1). */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
