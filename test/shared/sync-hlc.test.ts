import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createClock,
  fallbackHlc,
  formatHlc,
  isFallbackHlc,
  isHlc,
  parseHlc,
  tick,
} from '../../shared/sync/hlc';

const DEVICE = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('hybrid logical clocks', () => {
  it('formats and parses a clock, fixed width up to the device', () => {
    const clock = formatHlc({ ms: 1_764_806_400_000, counter: 7, device: DEVICE });
    expect(clock).toBe(`001764806400000:00007:${DEVICE}`);
    expect(parseHlc(clock)).toEqual({ ms: 1_764_806_400_000, counter: 7, device: DEVICE });
    expect(isHlc(clock)).toBe(true);
    expect(isHlc('1764806400000:7:x')).toBe(false);
    expect(isHlc(42)).toBe(false);
  });

  it('orders clocks as strings in the order of their time, then counter, then device', () => {
    fc.assert(
      fc.property(
        fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(99_999), device: fc.constantFrom('a', 'b', 'c') }),
        fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(99_999), device: fc.constantFrom('a', 'b', 'c') }),
        (x, y) => {
          const numeric =
            x.ms !== y.ms
              ? x.ms - y.ms
              : x.counter !== y.counter
                ? x.counter - y.counter
                : x.device < y.device
                  ? -1
                  : x.device > y.device
                    ? 1
                    : 0;
          const textual = formatHlc(x) < formatHlc(y) ? -1 : formatHlc(x) > formatHlc(y) ? 1 : 0;
          expect(Math.sign(numeric)).toBe(textual);
        },
      ),
    );
  });

  it('ticks past the latest clock seen, even when the wall time is behind it', () => {
    const ahead = formatHlc({ ms: 5_000, counter: 3, device: 'other' });
    expect(tick(1_000, DEVICE, ahead)).toBe(formatHlc({ ms: 5_000, counter: 4, device: DEVICE }));
    expect(tick(9_000, DEVICE, ahead)).toBe(formatHlc({ ms: 9_000, counter: 0, device: DEVICE }));
    const full = formatHlc({ ms: 5_000, counter: 99_999, device: 'other' });
    expect(tick(1_000, DEVICE, full)).toBe(formatHlc({ ms: 5_001, counter: 0, device: DEVICE }));
    expect(() => tick(1, 'bad:id')).toThrow(RangeError);
  });

  it('issues strictly increasing clocks from one source, whatever the wall time does', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 2, maxLength: 50 }), (times) => {
        let i = 0;
        const clock = createClock(DEVICE, () => times[i++ % times.length]!);
        const issued = times.map(() => clock.next());
        for (let k = 1; k < issued.length; k += 1) expect(issued[k]! > issued[k - 1]!).toBe(true);
      }),
    );
  });

  it('puts fallback clocks below every real clock, ordered by updatedAt', () => {
    const old = fallbackHlc('2025-01-01T00:00:00.000Z');
    const newer = fallbackHlc('2026-01-01T00:00:00.000Z');
    expect(isHlc(old)).toBe(true);
    expect(isFallbackHlc(old)).toBe(true);
    expect(old < newer).toBe(true);
    expect(newer < formatHlc({ ms: 1, counter: 0, device: 'a' })).toBe(true);
    expect(isFallbackHlc(formatHlc({ ms: 1, counter: 0, device: 'a' }))).toBe(false);
    expect(fallbackHlc(undefined) < old).toBe(true);
  });
});
