/**
 * A small seeded pseudo-random number generator for the simulations in shared/domain: the same
 * seed gives the same sequence on every machine and in every run, so a forecast can be tested
 * against hand-worked cases and shown again identically. Not for anything secret.
 */

/**
 * How far mulberry32's state moves for every number: the state is a counter (a Weyl sequence), so
 * the state of the k-th number after a state s is s + k·MULBERRY32_STEP (mod 2^32).
 */
export const MULBERRY32_STEP = 0x6d2b79f5;
const TWO_TO_32 = 4294967296;

/**
 * mulberry32's output for a state, as the 32 bits of a signed whole number (`>>> 0` reads them as
 * the number in [0, 2^32)). Signed, so that a loop keeping the state in a local (`(state +
 * MULBERRY32_STEP) | 0`) stays in 32-bit whole-number arithmetic: the forecast's inner loop draws
 * millions, mixed into its own work, where a call per draw or a block of draws costs as much as the
 * draws themselves.
 */
export function mulberry32Bits(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return t ^ (t >>> 14);
}

/**
 * The whole number in [0, n) that a draw's bits give: exactly `Math.floor((bits >>> 0) / 2^32 · n)`,
 * the index `next()` and fillIndices give, but in 32-bit whole-number arithmetic (the high word of
 * the product, from the two 16-bit halves of the bits, every partial product below 2^31). For n
 * from 1 to 32,767.
 */
export function indexOfBits(bits: number, n: number): number {
  return (Math.imul(bits >>> 16, n) + (Math.imul(bits & 0xffff, n) >>> 16)) >>> 16;
}

/** mulberry32's output for a state: a whole number in [0, 2^32). */
function mix(state: number): number {
  return mulberry32Bits(state) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger): a 32-bit state, period 2^32, uniform enough for Monte Carlo
 * sampling of a few hundred thousand draws. As a stream that can also fill a block of draws at
 * once, for a loop that cannot afford a call per draw; one that mixes its draws into its own work
 * starts from `state` and steps with MULBERRY32_STEP and mulberry32Bits instead.
 */
export class Mulberry32 {
  private current: number;

  constructor(seed: number) {
    this.current = seed >>> 0;
  }

  /** The state, in [0, 2^32): the seed moved by MULBERRY32_STEP once for every number drawn so far. */
  get state(): number {
    return this.current;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.current = (this.current + MULBERRY32_STEP) >>> 0;
    return mix(this.current) / TWO_TO_32;
  }

  /**
   * Fills `out` with the next `out.length` whole numbers in [0, n), each exactly
   * `Math.floor(next() * n)`: the same stream, drawn in one loop.
   */
  fillIndices(out: Int32Array, n: number): void {
    let state = this.current;
    for (let i = 0; i < out.length; i++) {
      state = (state + MULBERRY32_STEP) >>> 0;
      out[i] = Math.floor((mix(state) / TWO_TO_32) * n);
    }
    this.current = state;
  }
}

/** mulberry32 as a function giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  const stream = new Mulberry32(seed);
  return () => stream.next();
}

/** A whole number in [0, n) from a generator of [0, 1). */
export function randomIndex(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
