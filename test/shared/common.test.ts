/** The text fields' normal form: what a form compares its value with before saying "Unsaved changes". */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optionalText, storedText } from '../../shared/domain/common';

describe('storedText', () => {
  it('drops the line breaks and spaces around a note, as the schema does', () => {
    expect(storedText('\nPairing worked\n')).toBe('Pairing worked');
    expect(storedText('  two\nlines  ')).toBe('two\nlines');
  });

  it('is what an optional text field stores, for any text', () => {
    const schema = optionalText('Retro notes');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', 'é', '\r') }), (text) => {
        expect(storedText(text)).toBe(schema.parse(text));
      }),
    );
  });
});
