/**
 * Names in the order people expect (case- and accent-insensitive, numbers by value: "App 2"
 * before "App 10"), worked out once for a whole list: `nameRanks` gives each name its rank in
 * the collator's order, equal names sharing one, so that every sort that follows compares
 * numbers instead of calling the collator n·log n times again.
 */

/** Case-insensitive, numbers by value; the apps table's and the pickers' order of names. */
export function nameCollator(locale?: string): Intl.Collator {
  return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}

/**
 * The rank of each of `names` in `collator`'s order (0 for the first), equal names sharing a
 * rank: sorting by rank is sorting by `collator.compare`.
 */
export function nameRanks(names: readonly string[], collator: Intl.Collator): Uint32Array {
  const codes = asciiCodes(collator);
  // Names with a key (see sortKeys) are sorted by it without the collator; any others with it.
  const keys = codes ? keyBytes(names, codes) : null;
  if (keys && keys.unkeyed.length === 0) return ranksByKeyBytes(keys);
  return ranksWithCollator(names, collator, keys);
}

/**
 * Ranks when some names (or, for a collator without keys, all) have no key: the keyed names in
 * their keys' order, the others placed among them with the collator.
 */
function ranksWithCollator(
  names: readonly string[],
  collator: Intl.Collator,
  keys: KeyBytes | null,
): Uint32Array {
  const keyed: Sorted = { order: new Uint32Array(0), sameAsPrevious: new Uint8Array(0) };
  if (keys) ranksByKeyBytes(keys, keyed);
  const unkeyed = keys ? keys.unkeyed : Array.from({ length: names.length }, (_, i) => i);
  const { order, sameAsPrevious } = mergeByCollator(names, collator, keyed, unkeyed);
  const ranks = new Uint32Array(names.length);
  let rank = 0;
  for (let k = 1; k < order.length; k++) {
    if (!sameAsPrevious[k]) rank += 1;
    ranks[order[k]!] = rank;
  }
  return ranks;
}

/** Name indexes in order, each marked when its name equals the one before it. */
interface Sorted {
  order: Uint32Array;
  /** 1 where the name at a position of `order` equals the one before it. */
  sameAsPrevious: Uint8Array;
}

/**
 * All the names in the collator's order: those without a key (`unkeyed`: accented, of another
 * script) sorted with the collator, each then placed among those sorted by their keys (`keyed`,
 * already in the collator's order) by searching with the collator. A few such names among 20,000
 * cost a few dozen calls of the collator each, not one for every comparison of the sort.
 */
function mergeByCollator(
  names: readonly string[],
  collator: Intl.Collator,
  keyed: Sorted,
  unkeyed: number[],
): Sorted {
  const compare = (a: number, b: number) => collator.compare(names[a]!, names[b]!);
  unkeyed.sort(compare);
  const m = keyed.order.length;
  const order = new Uint32Array(m + unkeyed.length);
  const sameAsPrevious = new Uint8Array(m + unkeyed.length);
  let at = 0;
  let k = 0; // the next keyed name to place
  for (let u = 0; u <= unkeyed.length; u++) {
    // The keyed names before the next unkeyed one (all that are left after the last one): it
    // goes before the first keyed name not before it. The unkeyed names come in order, so the
    // search gallops on from where the last one went (steps of 1, 2, 4…), then halves.
    let end = m;
    if (u < unkeyed.length) {
      const name = unkeyed[u]!;
      let low = k;
      let step = 1;
      end = k;
      while (end < m && compare(keyed.order[end]!, name) < 0) {
        low = end + 1;
        end = Math.min(m, end + step);
        step *= 2;
      }
      while (low < end) {
        const middle = (low + end) >>> 1;
        if (compare(keyed.order[middle]!, name) < 0) low = middle + 1;
        else end = middle;
      }
    }
    // After the keyed name before it, a keyed name's own mark holds; otherwise ask the collator.
    const first = k;
    for (; k < end; k++, at++) {
      order[at] = keyed.order[k]!;
      const same =
        k > first ? keyed.sameAsPrevious[k] === 1 : at > 0 && compare(order[at - 1]!, order[at]!) === 0;
      if (same) sameAsPrevious[at] = 1;
    }
    if (u < unkeyed.length) {
      order[at] = unkeyed[u]!;
      if (at > 0 && compare(order[at - 1]!, order[at]!) === 0) sameAsPrevious[at] = 1;
      at += 1;
    }
  }
  return { order, sameAsPrevious };
}

/**
 * For each name of printable ASCII, a string whose plain (code unit) order is `collator`'s order
 * of the names, equal for names the collator finds equal; undefined for any other name (which
 * nameRanks places with the collator itself). nameRanks sorts by these same keys, as bytes:
 * sorting by keys costs a fraction of calling the collator, which sorting 20,000 names does
 * 250,000 times.
 *
 * Each character becomes its rank among the printable ASCII characters in the collator's own
 * order (so case folds together and punctuation sorts where the collator puts it), each run of
 * digits its value: the rank of the digits, then the count of digits without leading zeros,
 * then those digits, so that a shorter number sorts first as `numeric` wants. Only for a
 * collator that sorts ASCII as the root order does, one character at a time (English, no
 * tailoring, punctuation not ignored, base sensitivity, numeric); for any other, no keys.
 */
export function sortKeys(names: readonly string[], collator: Intl.Collator): (string | undefined)[] | null {
  // The bytes nameRanks sorts, as strings: the key encoding's surface for tests and callers.
  const codes = asciiCodes(collator);
  if (!codes) return null;
  const { bytes, starts, unkeyed } = keyBytes(names, codes);
  const keys: (string | undefined)[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    keys[i] = String.fromCharCode.apply(
      null,
      bytes.subarray(starts[i]!, starts[i + 1]!) as unknown as number[],
    );
  }
  for (const i of unkeyed) keys[i] = undefined;
  return keys;
}

/** Longer numbers are left to the collator (ICU splits very long ones). */
const MAX_DIGITS = 40;

/**
 * The most bytes a name's key can take: a character gives one, a run of digits two more than
 * its digits, and runs of digits are at least one other character apart.
 */
function maxKeyLength(name: string): number {
  return 2 * name.length + 1;
}

/**
 * Writes the key of `name` (see {@link sortKeys}) into `out` from `at`, one byte a character
 * code (every one is below 0x100), and returns where it ends; -1 when the name has no key. The
 * one encoding of keys (sortKeys gives the same bytes as strings).
 */
function writeKey(name: string, codes: Uint16Array, out: Uint8Array, at: number): number {
  const digitRun = codes[0x30]!;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x20 || c >= 0x7f) return -1;
    if (c < 0x30 || c > 0x39) {
      out[at++] = codes[c]!;
      continue;
    }
    let end = k;
    while (end < name.length && isDigit(name.charCodeAt(end))) end++;
    let from = k;
    while (from < end - 1 && name.charCodeAt(from) === 0x30) from++;
    if (end - from > MAX_DIGITS) return -1;
    out[at++] = digitRun;
    out[at++] = end - from;
    for (let d = from; d < end; d++) out[at++] = name.charCodeAt(d);
    k = end - 1;
  }
  return at;
}

/**
 * The keys of all names, end to end (name i's from `starts[i]` to `starts[i + 1]`), and the
 * names that have none (`unkeyed`, whose key is empty here and is not to be used).
 */
interface KeyBytes {
  bytes: Uint8Array;
  starts: Uint32Array;
  unkeyed: number[];
}

/** Every name's key as bytes. */
function keyBytes(names: readonly string[], codes: Uint16Array): KeyBytes {
  let size = 0;
  for (let i = 0; i < names.length; i++) size += maxKeyLength(names[i]!);
  const bytes = new Uint8Array(size);
  const starts = new Uint32Array(names.length + 1);
  const unkeyed: number[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const end = writeKey(names[i]!, codes, bytes, at);
    if (end < 0) unkeyed.push(i);
    else at = end;
    starts[i + 1] = at;
  }
  return { bytes, starts, unkeyed };
}

/** Groups of at most this many keys are put in order by insertion, not by counting bytes. */
const SMALL_GROUP = 16;

/**
 * The ranks of the names that have a key, among themselves (and, into `sorted`, those names in
 * order with equal ones marked), by radix sort of the keys' bytes, most significant first: the
 * keys of a group (equal up to `depth` bytes) are counted by their next byte (plus one, 0 past
 * the key's end, so that a shorter key sorts first) and moved into one run per byte, and each
 * run of two or more is a group of the next byte; keys that have all ended are equal. A small
 * group is sorted by insertion, comparing its keys byte by byte.
 *
 * No comparator is called back, and the work grows with the keys' bytes (each is read to count
 * it, then to move it) rather than with n·log n comparisons: the comparison sort this replaces
 * called a comparator some 280,000 times for 20,000 names. Packing four bytes and the index into
 * a double and sorting those with the typed array's numeric sort, group by group, was tried too
 * and took twice as long as this.
 */
function ranksByKeyBytes({ bytes, starts, unkeyed }: KeyBytes, sorted?: Sorted): Uint32Array {
  const n = starts.length - 1 - unkeyed.length;
  const order = new Uint32Array(n);
  // The names that have a key, in their order in the list (as unkeyed is).
  for (let i = 0, j = 0, u = 0; j < n; i++) {
    if (u < unkeyed.length && unkeyed[u] === i) u += 1;
    else order[j++] = i;
  }
  const moved = new Uint32Array(n);
  const sameAsPrevious = new Uint8Array(n);
  const counts = new Uint32Array(257); // by byte plus one; 0 for a key that has ended
  const groups: number[] = n > 1 ? [0, n, 0] : []; // from, to (exclusive), depth in bytes
  while (groups.length > 0) {
    const depth = groups.pop()!;
    const to = groups.pop()!;
    const from = groups.pop()!;
    if (to - from <= SMALL_GROUP) {
      sortSmallGroup(order, from, to, depth, bytes, starts, sameAsPrevious);
      continue;
    }
    splitGroup(order, moved, counts, from, to, depth, bytes, starts, groups, sameAsPrevious);
  }
  // The ranks are counted here, not by a helper shared with ranksWithCollator: so split, the
  // first runs of the benchmark (before the engine has optimized this) took half as long again.
  const ranks = new Uint32Array(starts.length - 1);
  let rank = 0;
  for (let k = 1; k < n; k++) {
    if (!sameAsPrevious[k]) rank += 1;
    ranks[order[k]!] = rank;
  }
  if (sorted) {
    sorted.order = order;
    sorted.sameAsPrevious = sameAsPrevious;
  }
  return ranks;
}

/**
 * Splits a group of keys, equal up to `depth` bytes, by their next byte that is not the same for
 * all: moves them into one run per byte, and pushes each run of two or more onto `groups`.
 *
 * A function of its own, called once a group, rather than the body of the loop over groups:
 * called thousands of times, the engine optimizes it within the first run, where the loop's
 * single long call stayed unoptimized for most of the benchmark's first runs.
 */
function splitGroup(
  order: Uint32Array,
  moved: Uint32Array,
  counts: Uint32Array,
  from: number,
  to: number,
  depth: number,
  bytes: Uint8Array,
  starts: Uint32Array,
  groups: number[],
  sameAsPrevious: Uint8Array,
): void {
  // Count the next byte; while every key has the same one (a shared prefix), move on a byte.
  let low: number;
  let high: number;
  for (;;) {
    low = 256;
    high = 0;
    for (let j = from; j < to; j++) {
      // Read inline rather than through a helper: the first, cold run pays for every call.
      const i = order[j]!;
      const p = starts[i]! + depth;
      const b = p < starts[i + 1]! ? bytes[p]! + 1 : 0;
      counts[b]! += 1;
      if (b < low) low = b;
      if (b > high) high = b;
    }
    if (low !== high || low === 0) break;
    counts[low] = 0;
    depth += 1;
  }
  if (high === 0) {
    // Every key ended here: all equal.
    counts[0] = 0;
    sameAsPrevious.fill(1, from + 1, to);
    return;
  }
  // Counts become each byte's first position; runs of two or more are the next groups.
  let at = from;
  for (let b = low; b <= high; b++) {
    const count = counts[b]!;
    counts[b] = at;
    if (count > 1) {
      if (b === 0) sameAsPrevious.fill(1, at + 1, at + count);
      else groups.push(at, at + count, depth + 1);
    }
    at += count;
  }
  for (let j = from; j < to; j++) {
    const i = order[j]!;
    const p = starts[i]! + depth;
    moved[counts[p < starts[i + 1]! ? bytes[p]! + 1 : 0]!++] = i;
  }
  counts.fill(0, low, high + 1);
  order.set(moved.subarray(from, to), from);
}

/** Insertion sort of `order[from, to)` by key, the keys equal up to `depth`; marks equal keys. */
function sortSmallGroup(
  order: Uint32Array,
  from: number,
  to: number,
  depth: number,
  bytes: Uint8Array,
  starts: Uint32Array,
  sameAsPrevious: Uint8Array,
): void {
  for (let j = from + 1; j < to; j++) {
    const i = order[j]!;
    let k = j - 1;
    while (k >= from && compareKeys(order[k]!, i, depth, bytes, starts) > 0) {
      order[k + 1] = order[k]!;
      k -= 1;
    }
    order[k + 1] = i;
  }
  for (let j = from + 1; j < to; j++) {
    if (compareKeys(order[j - 1]!, order[j]!, depth, bytes, starts) === 0) sameAsPrevious[j] = 1;
  }
}

/** Keys `a` and `b` compared from `depth` on: negative, 0 or positive, a shorter key first. */
function compareKeys(a: number, b: number, depth: number, bytes: Uint8Array, starts: Uint32Array): number {
  let p = starts[a]! + depth;
  let q = starts[b]! + depth;
  const pEnd = starts[a + 1]!;
  const qEnd = starts[b + 1]!;
  for (; p < pEnd && q < qEnd; p++, q++) {
    if (bytes[p] !== bytes[q]) return bytes[p]! - bytes[q]!;
  }
  return pEnd - p - (qEnd - q);
}

const codesByCollator = new WeakMap<Intl.Collator, Uint16Array | null>();

/**
 * The key code of each printable ASCII character (0x20–0x7e): 0x30 + its rank in the collator's
 * order, characters the collator finds equal (a and A) sharing one; null for a collator whose
 * order of ASCII is not the root's.
 */
function asciiCodes(collator: Intl.Collator): Uint16Array | null {
  if (codesByCollator.has(collator)) return codesByCollator.get(collator)!;
  const { locale, collation, sensitivity, numeric, ignorePunctuation } = collator.resolvedOptions();
  const rootAscii =
    /^en(-|$)/i.test(locale) &&
    !/posix|-u-/i.test(locale) &&
    collation === 'default' &&
    sensitivity === 'base' &&
    numeric === true &&
    ignorePunctuation === false;
  let codes: Uint16Array | null = null;
  if (rootAscii) {
    const chars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
    chars.sort(collator.compare);
    codes = new Uint16Array(0x7f);
    let rank = 0;
    for (let k = 0; k < chars.length; k++) {
      if (k > 0 && collator.compare(chars[k - 1]!, chars[k]!) !== 0) rank += 1;
      codes[chars[k]!.charCodeAt(0)] = 0x30 + rank;
    }
  }
  codesByCollator.set(collator, codes);
  return codes;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
