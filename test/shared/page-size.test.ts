// The report's first paper choice from the language's region: Letter in the Americas that use it,
// A4 elsewhere and when the locale says nothing.
import { describe, expect, it } from 'vitest';
import { isPageSize, pageSizeForLocale } from '../../shared/export/page-size';

describe('pageSizeForLocale', () => {
  it('gives Letter where Letter is the paper people have', () => {
    for (const locale of ['en-US', 'es-MX', 'fr-CA', 'en-CA', 'fil-PH', 'es-US', 'en-us'])
      expect(pageSizeForLocale(locale), locale).toBe('Letter');
  });

  it('gives A4 elsewhere, without a region, and for an unreadable tag', () => {
    for (const locale of [
      'en-GB',
      'de-DE',
      'fr-FR',
      'ja-JP',
      'en-AU',
      'en',
      'fr',
      '',
      undefined,
      'not a locale!',
    ])
      expect(pageSizeForLocale(locale), String(locale)).toBe('A4');
  });
});

describe('isPageSize', () => {
  it('accepts A4 and Letter only', () => {
    expect(isPageSize('A4')).toBe(true);
    expect(isPageSize('Letter')).toBe(true);
    for (const value of ['a4', 'A3', 'Legal', null, 4]) expect(isPageSize(value)).toBe(false);
  });
});
