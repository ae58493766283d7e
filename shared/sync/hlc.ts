/**
 * Hybrid logical clocks: the time stamp every change to a field carries, so that a merge of two
 * workspaces (./merge.ts), and later a sync between machines, orders changes the same way on
 * every machine. A clock is the wall time in milliseconds, a counter for changes within the
 * same millisecond (or after a clock from a machine whose wall time is ahead), and the id of the
 * installation that made the change. Written as one fixed-width string, so clocks compare as
 * strings: `000001764806400000:00000:<device>`.
 *
 * A machine never issues a clock at or below one it has seen (`tick` takes the latest known
 * clock of the field), so a change made after a merge is ordered after everything merged in,
 * even when this machine's wall time is behind. Pure: the caller passes the time.
 */

/** Milliseconds are padded to 15 digits (the year 33,000), the counter to 5. */
const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/** A clock: `ms:counter:device`, fixed width up to the device id; compare as strings. */
export type Hlc = string;

export interface HlcParts {
  ms: number;
  counter: number;
  device: string;
}

/** A device id: letters, digits and dashes (a UUID), so that it never holds the separator. */
const DEVICE_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
const HLC_PATTERN = new RegExp(`^(\\d{${MS_DIGITS}}):(\\d{${COUNTER_DIGITS}}):([A-Za-z0-9-]{1,64}|~[^:]*)$`);

export function isDeviceId(device: string): boolean {
  return DEVICE_PATTERN.test(device);
}

export function formatHlc({ ms, counter, device }: HlcParts): Hlc {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 10 ** MS_DIGITS)
    throw new RangeError(`Bad clock time ${ms}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER)
    throw new RangeError(`Bad clock counter ${counter}`);
  return `${String(ms).padStart(MS_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}:${device}`;
}

/** The parts of a clock; undefined for a string that is not one. */
export function parseHlc(clock: string): HlcParts | undefined {
  const match = HLC_PATTERN.exec(clock);
  if (!match) return undefined;
  return { ms: Number(match[1]), counter: Number(match[2]), device: match[3]! };
}

export function isHlc(clock: unknown): clock is Hlc {
  return typeof clock === 'string' && parseHlc(clock) !== undefined;
}

/**
 * The clock of a record written before clocks existed (or by a path that writes none, such as
 * the demo): below every real clock (time 0), and ordered among themselves by the record's own
 * `updatedAt` when it has one, so the later-edited copy of an old record wins a merge. The
 * device part starts with `~`, which no device id has.
 */
export function fallbackHlc(updatedAt: unknown): Hlc {
  const at = typeof updatedAt === 'string' ? updatedAt.replace(/[^0-9A-Za-z.+-]/g, '') : '';
  return `${'0'.repeat(MS_DIGITS)}:${'0'.repeat(COUNTER_DIGITS)}:~${at}`;
}

/** Whether a clock is a fallback one (no real change time known). */
export function isFallbackHlc(clock: Hlc): boolean {
  return parseHlc(clock)?.device.startsWith('~') ?? false;
}

/** The later of two clocks (string order). */
export function maxHlc(a: Hlc, b: Hlc): Hlc {
  return a >= b ? a : b;
}

/**
 * A new clock for a change on `device` at wall time `now`, later than `after` (the latest clock
 * this machine has issued or seen for what it changes). When the wall time is not ahead of it,
 * the counter goes up instead; when the counter is full, the time moves on by a millisecond.
 */
export function tick(now: number, device: string, after?: Hlc): Hlc {
  if (!isDeviceId(device)) throw new RangeError(`Bad device id ${JSON.stringify(device)}`);
  const last = after === undefined ? undefined : parseHlc(after);
  const wall = Math.max(0, Math.floor(now));
  if (!last || wall > last.ms) return formatHlc({ ms: wall, counter: 0, device });
  if (last.counter < MAX_COUNTER) return formatHlc({ ms: last.ms, counter: last.counter + 1, device });
  return formatHlc({ ms: last.ms + 1, counter: 0, device });
}

/**
 * A clock source for one device: remembers the latest clock it issued, so that clocks it issues
 * are strictly increasing even within one millisecond.
 */
export function createClock(device: string, now: () => number = Date.now) {
  let last: Hlc | undefined;
  return {
    device,
    /** A new clock later than every clock issued here and than `after`. */
    next(after?: Hlc): Hlc {
      const base = after === undefined ? last : last === undefined ? after : maxHlc(last, after);
      last = tick(now(), device, base);
      return last;
    },
  };
}
export type HlcClock = ReturnType<typeof createClock>;
