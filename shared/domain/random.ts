/**
 * A small seeded pseudo-random number generator for the simulations in shared/domain: the same
 * seed gives the same sequence on every machine and in every run, so a forecast can be tested
 * against hand-worked cases and shown again identically. Not for anything secret.
 */

const INCREMENT = 0x6d2b79f5;
const TWO_TO_32 = 4294967296;

/** mulberry32's output for a state: a whole number in [0, 2^32). */
function mix(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger): a 32-bit state, period 2^32, uniform enough for Monte Carlo
 * sampling of a few hundred thousand draws. As a stream that can also fill a block of draws at
 * once: the forecast's inner loop draws millions, and a call per draw costs as much as the draw.
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.state = (this.state + INCREMENT) >>> 0;
    return mix(this.state) / TWO_TO_32;
  }

  /**
   * Fills `out` with the next `out.length` whole numbers in [0, n), each exactly
   * `Math.floor(next() * n)`: the same stream, drawn in one loop.
   */
  fillIndices(out: Int32Array, n: number): void {
    let state = this.state;
    for (let i = 0; i < out.length; i++) {
      state = (state + INCREMENT) >>> 0;
      out[i] = Math.floor((mix(state) / TWO_TO_32) * n);
    }
    this.state = state;
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
