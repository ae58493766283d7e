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
  const n = names.length;
  const ranks = new Uint32Array(n);
  const keys = sortKeys(names, collator);
  const order = Array.from({ length: n }, (_, i) => i);
  const compare = (a: number, b: number) => {
    const x = keys?.[a];
    const y = keys?.[b];
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
    return collator.compare(names[a]!, names[b]!);
  };
  order.sort(compare);
  let rank = 0;
  for (let k = 1; k < n; k++) {
    if (compare(order[k - 1]!, order[k]!) !== 0) rank += 1;
    ranks[order[k]!] = rank;
  }
  return ranks;
}

/**
 * For each name of printable ASCII, a string whose plain (code unit) order is `collator`'s order
 * of the names, equal for names the collator finds equal; undefined for any other name (compared
 * with the collator itself). Comparing these keys costs a fraction of calling the collator, and
 * sorting 20,000 names calls it 250,000 times.
 *
 * Each character becomes its rank among the printable ASCII characters in the collator's own
 * order (so case folds together and punctuation sorts where the collator puts it), each run of
 * digits its value: the rank of the digits, then the count of digits without leading zeros,
 * then those digits, so that a shorter number sorts first as `numeric` wants. Only for a
 * collator that sorts ASCII as the root order does, one character at a time (English, no
 * tailoring, punctuation not ignored, base sensitivity, numeric); for any other, no keys.
 */
export function sortKeys(names: readonly string[], collator: Intl.Collator): (string | undefined)[] | null {
  const codes = asciiCodes(collator);
  if (!codes) return null;
  const keys: (string | undefined)[] = new Array(names.length);
  const digitRun = codes[0x30]!;
  const key: number[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    key.length = 0;
    let ok = true;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      if (c < 0x20 || c >= 0x7f) {
        ok = false;
        break;
      }
      if (c < 0x30 || c > 0x39) {
        key.push(codes[c]!);
        continue;
      }
      let end = k;
      while (end < name.length && isDigit(name.charCodeAt(end))) end++;
      let from = k;
      while (from < end - 1 && name.charCodeAt(from) === 0x30) from++;
      if (end - from > MAX_DIGITS) {
        ok = false;
        break;
      }
      key.push(digitRun, end - from);
      for (let d = from; d < end; d++) key.push(name.charCodeAt(d));
      k = end - 1;
    }
    keys[i] = ok ? String.fromCharCode.apply(null, key) : undefined;
  }
  return keys;
}

/** Longer numbers are left to the collator (ICU splits very long ones). */
const MAX_DIGITS = 40;

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
