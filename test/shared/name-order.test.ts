/** Names ranked once in the collator's order, so that sorts compare numbers: exactly the collator's order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameCollator, nameRanks, sortKeys } from '../../shared/domain/name-order';

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

  it('agrees with the collator on lists long enough to be sorted byte by byte, accented names among them', () => {
    // Pieces that make names share long prefixes, differ only in case or in leading zeros, or
    // have no key (accents), and so are placed among the others with the collator.
    const piece = fc.constantFrom(
      'Éclair',
      'eclair',
      'ü',
      'ß',
      'Payments',
      'payments',
      'PAY',
      'ledger-',
      'Ledger ',
      'App ',
      ' ',
      '-',
      '_',
      '0',
      '007',
      '7',
      '10',
      '000123',
      'z',
      'Z',
    );
    const name = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 17, maxLength: 120 }), (names) => {
        expectCollatorOrder(names);
      }),
      { numRuns: 60 },
    );
  });

  it('ranks thousands of names with shared prefixes, equal names sharing a rank', () => {
    const words = ['payments', 'Payments', 'orders', 'ledger', 'ledger-treasury'];
    const names = Array.from(
      { length: 3000 },
      (_, i) => `${words[i % 5]}-${words[(i * 7) % 5]} ${String(i % 1200).padStart(i % 2 ? 6 : 1, '0')}`,
    );
    const ranks = nameRanks(names, collator);
    const byRank = names.map((n, i) => [n, ranks[i]!] as const).sort((a, b) => a[1] - b[1]);
    // Neighbours in rank order are in the collator's order, and equal exactly when it finds them
    // equal; with the collator's order being transitive, that is the whole order.
    for (let k = 1; k < byRank.length; k++) {
      const [a, x] = byRank[k - 1]!;
      const [b, y] = byRank[k]!;
      expect([a, b, sign(y - x)]).toEqual([a, b, sign(collator.compare(b, a))]);
    }
    // Padded and unpadded numbers, and the two cases of "payments", make some names equal.
    expect(new Set(ranks).size).toBeLessThan(names.length);
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

describe('sortKeys', () => {
  /** Names near each other in plain ASCII: shared prefixes, numbers with leading zeros, case, punctuation. */
  const asciiName = fc
    .array(
      fc.oneof(
        fc.constantFrom('pay', 'Pay', 'ments', 'ledger', 'LEDGER', 'ch', 'aa', 'y', 'i', 'a', 'b', 'Z', 'h'),
        fc.constantFrom('0', '00', '1', '2', '9', '10', '007', '000123', '9'.repeat(45)),
        fc.constantFrom(...' -_.,;:!?/()[]{}&#+*=<>|@$%^`~\'"\\'.split('')),
        fc.constantFrom('\u007f', '\u0301', 'é', '٣', '\t'),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(''));

  const compareKeys = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

  for (const locale of [undefined, 'en', 'en-GB']) {
    it(`orders plain ASCII names exactly as the collator does, and leaves the others to it (${locale ?? 'default locale'})`, () => {
      const collator = nameCollator(locale);
      fc.assert(
        fc.property(asciiName, asciiName, (a, b) => {
          const [x, y] = sortKeys([a, b], collator)!;
          for (const [name, key] of [
            [a, x],
            [b, y],
          ] as const) {
            expect(key === undefined).toBe(/[^\x20-\x7e]/.test(name) || /\d{41}/.test(name));
          }
          if (x === undefined || y === undefined) return;
          expect([a, b, compareKeys(x, y)]).toEqual([a, b, sign(collator.compare(a, b))]);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('gives the same key to names the collator finds equal', () => {
    const keys = sortKeys(['App 007', 'app 7', 'APP 7', 'App 70'], nameCollator('en'))!;
    expect(keys[0]).toBe(keys[1]);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('gives no keys for a locale that tailors the order of ASCII, which then ranks by its collator', () => {
    // Czech sorts "ch" after "h", Lithuanian "y" with "i", Danish "aa" after "z".
    for (const locale of ['cs', 'lt', 'da']) {
      const collator = nameCollator(locale);
      expect(sortKeys(['chata', 'hrad'], collator)).toBeNull();
      const names = ['chata', 'hrad', 'yoga', 'jazz', 'aarhus', 'zulu', 'ib'];
      const ranks = nameRanks(names, collator);
      const byRank = names.map((name, i) => [name, ranks[i]!] as const).sort((p, q) => p[1] - q[1]);
      expect(byRank.map(([name]) => name)).toEqual([...names].sort(collator.compare));
    }
  });
});
