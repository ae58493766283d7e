/**
 * The Toil audits area in the browser benchmark (issue 11), in the restored enterprise workspace
 * (at scale 1: 2,000 audits with 40,000 responses): input to paint for opening an audit's results
 * from the audits list (its tally from the kept derived table, its 20 responses read for the free
 * text, the statements weakest first) and for opening the statement × team heat map over every
 * team's latest audit, both after the area's first load. Each beside the bare button of the same
 * page (harness.ts), with the main thread's CPU time.
 */
import type { Ready } from './page-api';
import { call, Runs, type Interaction, type Session } from './harness';

export const TOIL_FIGURE_IDS = ['toil-results-p95', 'toil-heatmap-p95'] as const;

const LIST_READY: Ready = [
  { selector: 'main h1', text: 'Toil audits' },
  { selector: '.toil-list table.data tbody tr' },
];
const HEATMAP_READY: Ready = [
  { selector: '.view-tabs a[aria-current="page"]', text: 'Heat map' },
  { selector: '.toil-heat-table tbody tr.virtual-row' },
];

export interface ToilSamples {
  audits: number;
  results: Runs;
  heatmaps: Runs;
}

/** Measures the Toil figures on a page with the workspace restored; leaves it on the heat map. */
export async function measureToil(
  session: Session,
  runs: number,
  log: (line: string) => void,
): Promise<ToilSamples> {
  const { page } = session;
  const samples = { results: new Runs(), heatmaps: new Runs() };
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const tabs = page.getByRole('navigation', { name: 'Toil audits views' });

  log('  toil: open audit results and the heat map…');
  // Once first, untimed: the area's code loads and its kept queries read on the first opening.
  // Generous timeouts: the page may still be busy with the screen the harness left it on.
  await nav.getByRole('link', { name: 'Toil audits' }).click({ timeout: 120_000 });
  await call(page, 'waitFor', LIST_READY, 120_000);
  await tabs.getByRole('link', { name: 'Heat map' }).click({ timeout: 120_000 });
  await call(page, 'waitFor', HEATMAP_READY, 120_000);
  await tabs.getByRole('link', { name: 'Audits' }).click({ timeout: 120_000 });
  await call(page, 'waitFor', LIST_READY, 120_000);
  const heading = (await page.locator('main .page-header p').first().textContent()) ?? '';
  const audits = Number(/([\d,]+) audits?/.exec(heading)?.[1]?.replaceAll(',', '') ?? Number.NaN);

  for (let run = 0; run < runs; run++) {
    samples.results.next();
    // A different audit each run (the list's rows 1, 4, 7…), so no response read is reused.
    const link = page.locator('.toil-list table.data tbody tr td:nth-child(2) a').nth(1 + run * 3);
    const title = (await link.textContent()) ?? '';
    const opened: Ready = [
      { selector: '.toil-audit h2', text: title },
      { selector: '.toil-audit table.toil-results tbody tr, .toil-audit .toil-hidden' },
      { selector: '.toil-audit .toil-question, .toil-audit .toil-hidden' },
    ];
    samples.results.add('Results', await session.timed(opened, () => link.click(), 120_000));
    await page.getByRole('link', { name: '← All audits' }).click({ timeout: 120_000 });
    await call(page, 'waitFor', LIST_READY, 120_000);

    samples.heatmaps.next();
    const open = () => tabs.getByRole('link', { name: 'Heat map' }).click();
    samples.heatmaps.add('Heat map', await session.timed(HEATMAP_READY, open, 120_000));
    await tabs.getByRole('link', { name: 'Audits' }).click({ timeout: 120_000 });
    await call(page, 'waitFor', LIST_READY, 120_000);
  }
  return { ...samples, audits };
}

/** The Toil figures, as input-to-paint interactions (harness.ts); no samples when not measured. */
export function toilInteractions(samples: ToilSamples | null): Interaction[] {
  const size = samples ? `${samples.audits.toLocaleString('en')} audits` : 'the workspace’s audits';
  return [
    [
      'toil-results-p95',
      `Open a toil audit's results from the list (${size}): input to paint, p95`,
      samples?.results ?? null,
      {},
    ],
    [
      'toil-heatmap-p95',
      `Open the toil heat map, statement × team over the latest audits (${size}): input to paint, p95`,
      samples?.heatmaps ?? null,
      {},
    ],
  ];
}
