/** Names ranked once in the collator's order, so that sorts compare numbers: exactly the collator's order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameCollator, nameRanks } from '../../shared/domain/name-order';

const collator = nameCollator('en');
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

/** Every pair of names is in the same order by rank as by the collator (equal names share a rank). */
function expectCollatorOrder(names: readonly string[]) {
  const ranks = nameRanks(names, collator);
  expect(ranks).toHaveLength(names.length);
  for (let i = 0; i < names.length; i++) {
    for (let j = 0; j < names.length; j++) {
      const want = sign(collator.compare(names[i]!, names[j]!));
      if (sign(ranks[i]! - ranks[j]!) !== want) {
        throw new Error(`${JSON.stringify(names[i])} vs ${JSON.stringify(names[j])}: collator says ${want}`);
      }
    }
  }
  // Ranks are dense: 0 … (number of distinct names − 1).
  const distinct = new Set(ranks);
  expect(Math.max(-1, ...ranks)).toBe(distinct.size - 1);
}

describe('nameRanks', () => {
  it('orders numbers by value, ignores case and accents, and keeps punctuation where the collator does', () => {
    const names = [
      'App 10',
      'app 2',
      'App 2',
      'Äpp 3',
      'App-1',
      'App_1',
      'App 007',
      'App 7',
      'zeta',
      'Éclair',
      '',
    ];
    const ranks = nameRanks(names, collator);
    const byRank = names.map((n, i) => [n, ranks[i]!] as const).sort((a, b) => a[1] - b[1]);
    expect(byRank.map(([n]) => n)).toEqual([...names].sort(collator.compare));
    expect(ranks[1]).toBe(ranks[2]); // "app 2" and "App 2"
    expect(ranks[0]! > ranks[1]!).toBe(true); // 10 after 2
    expect(ranks[3]! > ranks[2]!).toBe(true); // Äpp 3 after App 2
    expectCollatorOrder(names);
  });

  it('is empty for no names', () => {
    expect(nameRanks([], collator)).toHaveLength(0);
  });

  it('agrees with the collator on any names: ASCII, digits, punctuation, accents and other scripts', () => {
    const char = fc.constantFrom(
      ...'aAbBzZ09 1-_.,;:!?/()&#+@\'"éÉüßøæÅñçЖжλ中\u0301\t'.split(''),
      'ﬁ',
      '½',
      '٣',
    );
    const name = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(name, fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), {
          maxLength: 30,
        }),
        (names) => {
          expectCollatorOrder(names);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives each locale its own order', () => {
    const swedish = nameCollator('sv');
    const names = ['Öst', 'Zulu', 'Ost'];
    const ranks = nameRanks(names, swedish);
    // In Swedish, Ö is a letter after Z; in English it is an O.
    expect(ranks[0]! > ranks[1]!).toBe(swedish.compare('Öst', 'Zulu') > 0);
    expect(sign(ranks[0]! - ranks[2]!)).toBe(sign(swedish.compare('Öst', 'Ost')));
  });
});
