/**
 * The Metrics area in the browser benchmark, in the restored enterprise workspace (at scale 1:
 * ten years of daily readings of the nine built-in metrics, 32,877 snapshots): input to paint
 * for opening the readings grid from Plan after its first opening (every snapshot read, the rows
 * by date, the rows in view drawn), and for choosing another metric in the overview's "Speeds and feeds over time"
 * chart (the choice saved, the series bucketed and thinned to at most 600 points, the chart
 * drawn); then, on the same overview, changing its granularity and its time range (the controls
 * saved, every chart of the overview worked out again, until the adoption chart has drawn the
 * new periods). Each beside the bare button of the same page (harness.ts), with the main
 * thread's CPU time.
 */
import type { Ready } from './page-api';
import { call, Runs, SCREENS, type Interaction, type Session } from './harness';

export const METRICS_FIGURE_IDS = [
  'open-metrics-p95',
  'metrics-chart-p95',
  'overview-granularity-p95',
  'overview-range-p95',
] as const;

export const METRICS_READY: Ready = [
  { selector: 'main h1', text: 'Metrics' },
  { selector: 'table.metric-grid tbody tr[data-index]' },
];
const PICKER = '.metric-chart-picker select';
const GRANULARITY = '.overview-controls select[id$="-granularity"]';
const RANGE = '.overview-controls select[id$="-range"]';
/** Every tile and chart of the overview drawn for its controls (OverviewScreen, aria-busy). */
const SETTLED = '.overview-charts[aria-busy="false"]';
/** The adoption chart with `rows` periods drawn. */
const adoptionDrawn = (rows: string): Ready => [{ selector: `.adoption-card[data-rows="${rows}"]` }];

/** The metrics the chart is switched between, with the name its reading starts with. */
const CHART_METRICS = [
  ['servers', 'Servers:'],
  ['clusters', 'Clusters:'],
  ['container-workloads', 'Container workloads:'],
] as const;

export interface MetricsSamples {
  dates: number;
  opens: Runs;
  charts: Runs;
  granularity: Runs;
  range: Runs;
}

/** Measures the Metrics figures on a page with the workspace restored; leaves it on the overview. */
export async function measureMetrics(
  session: Session,
  runs: number,
  log: (line: string) => void,
): Promise<MetricsSamples> {
  const { page } = session;
  const samples = { opens: new Runs(), charts: new Runs(), granularity: new Runs(), range: new Runs() };
  const nav = page.getByRole('navigation', { name: 'Areas' });

  log('  metrics: open the readings grid…');
  // Once first, untimed, like the Blockers views: the area's code loads on its first opening.
  await nav.getByRole('link', { name: 'Metrics' }).click();
  await call(page, 'waitFor', METRICS_READY, 120_000);
  for (let run = 0; run < runs; run++) {
    samples.opens.next();
    await nav.getByRole('link', { name: 'Plan' }).click();
    await call(page, 'waitFor', SCREENS.plan, 120_000);
    const open = () => nav.getByRole('link', { name: 'Metrics' }).click();
    samples.opens.add('Metrics', await session.timed(METRICS_READY, open, 120_000));
  }
  // "Metric readings by date, 3,653 dates": the dates in the workspace.
  const label = await page.locator('table.metric-grid').getAttribute('aria-label');
  const dates = Number(label?.match(/([\d,]+) dates/)?.[1]?.replaceAll(',', '') ?? Number.NaN);

  log('  metrics: change the overview chart’s metric…');
  await nav.getByRole('link', { name: 'Overview' }).click();
  await call(page, 'waitFor', [{ selector: PICKER }], 120_000);
  // One untimed change first: the chart's code and the settings write path are warm after it.
  await page.locator(PICKER).selectOption('pools');
  await call(page, 'waitFor', [{ selector: '.chart-card-reading', text: 'Pools:' }], 60_000);
  for (let run = 0; run < runs; run++) {
    samples.charts.next();
    for (const [key, reading] of CHART_METRICS) {
      const drawn: Ready = [
        { selector: PICKER, value: key },
        { selector: '.chart-card-reading', text: reading },
      ];
      const choose = () => page.locator(PICKER).selectOption(key);
      samples.charts.add(key, await session.timed(drawn, choose, 60_000));
    }
  }

  // The overview's controls. Each choice once untimed first: how many periods the adoption chart
  // then draws is what a timed change waits for (with the control showing it).
  log('  overview: change the granularity and the time range…');
  const periods = async (control: string, values: readonly string[]) => {
    const rows = new Map<string, string>();
    for (const value of values) {
      await page.locator(control).selectOption(value);
      // Drawn when every chart has caught up with the controls (the overview's sections not busy).
      await call(page, 'waitFor', [{ selector: control, value }, { selector: SETTLED }], 60_000);
      rows.set(value, (await page.locator('.adoption-card').getAttribute('data-rows')) ?? '');
    }
    return rows;
  };
  const timeChoices = async (control: string, rows: Map<string, string>, into: Runs) => {
    for (let run = 0; run < runs; run++) {
      into.next();
      for (const [value, count] of rows) {
        const drawn: Ready = [{ selector: control, value }, ...adoptionDrawn(count)];
        into.add(value, await session.timed(drawn, () => page.locator(control).selectOption(value), 60_000));
      }
    }
  };
  const startRange = await page.locator(RANGE).inputValue();
  const startGranularity = await page.locator(GRANULARITY).inputValue();
  // All time: ten years of weeks is the most the chart draws (thinned to at most 600 points).
  await page.locator(RANGE).selectOption('all-time');
  const granularities = await periods(GRANULARITY, ['week', 'quarter', 'cycle', 'month']);
  await timeChoices(GRANULARITY, granularities, samples.granularity);
  const ranges = await periods(RANGE, ['last-4-cycles', 'this-year', 'all-time']);
  await timeChoices(RANGE, ranges, samples.range);
  // Left as the benchmark found them: the controls are kept between starts.
  await page.locator(GRANULARITY).selectOption(startGranularity);
  await page.locator(RANGE).selectOption(startRange);
  return { ...samples, dates };
}

/** The Metrics figures, as input-to-paint interactions (harness.ts); no samples when not measured. */
export function metricsInteractions(samples: MetricsSamples | null): Interaction[] {
  const size = samples
    ? `${samples.dates.toLocaleString('en')} dates of daily readings`
    : 'the workspace’s readings';
  return [
    [
      'open-metrics-p95',
      `Open the metrics readings grid (${size}): input to paint, p95`,
      samples?.opens ?? null,
      {},
    ],
    [
      'metrics-chart-p95',
      `Choose the overview chart's metric (${size}): input to paint, p95`,
      samples?.charts ?? null,
      {},
    ],
    [
      'overview-granularity-p95',
      'Change the overview’s granularity (week, quarter, cycle, month over all time): input to paint, p95',
      samples?.granularity ?? null,
      {},
    ],
    [
      'overview-range-p95',
      'Change the overview’s time range (last 4 cycles, this year, all time): input to paint, p95',
      samples?.range ?? null,
      {},
    ],
  ];
}
