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
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => collator.compare(names[a]!, names[b]!));
  let rank = 0;
  for (let k = 1; k < n; k++) {
    if (collator.compare(names[order[k - 1]!]!, names[order[k]!]!) !== 0) rank += 1;
    ranks[order[k]!] = rank;
  }
  return ranks;
}
