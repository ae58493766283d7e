/**
 * The look every Recharts chart shares, in the theme's colours (so light and dark both read).
 * One place, so a tooltip looks the same in every area.
 */

/** A Recharts `<Tooltip contentStyle>`: the surface colour, the border and the text of the theme. */
export const TOOLTIP_STYLE = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
  borderRadius: 6,
} as const;
