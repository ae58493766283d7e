/**
 * The paper the one-page report is laid out for: A4, or US Letter where that is the paper people
 * have (the United States, Canada, Mexico, the Philippines and a few others in the Americas). The
 * user may choose either; this is only the first choice, from the language's region.
 */
export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const PAGE_SIZE_LABELS: Record<PageSize, string> = {
  A4: 'A4 (210 × 297 mm)',
  Letter: 'Letter (8.5 × 11 in)',
};

/** Regions where Letter is the usual paper (CLDR's paper-size data). */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'CR',
  'GT',
  'PA',
  'PR',
  'SV',
  'VE',
  'BZ',
]);

export function isPageSize(value: unknown): value is PageSize {
  return (PAGE_SIZES as readonly unknown[]).includes(value);
}

/**
 * The paper a locale uses: 'en-US' and 'es-MX' → Letter, 'en-GB', 'de-DE' and a locale without a
 * region ('en', 'fr') → A4, like most of the world. Unreadable tags give A4.
 */
export function pageSizeForLocale(locale: string | undefined): PageSize {
  if (!locale) return 'A4';
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).region;
  } catch {
    return 'A4';
  }
  return region && LETTER_REGIONS.has(region.toUpperCase()) ? 'Letter' : 'A4';
}
