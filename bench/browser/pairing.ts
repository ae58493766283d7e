/**
 * The Pairing area in the browser benchmark (issue 9), in the restored enterprise workspace (at
 * scale 1: 200,000 pairing sessions of 5,000 people in 1,000 teams): input to paint for opening
 * the session log from Plan, for filtering it (a cycle, a topic, a date, then back to all), for
 * the hours per person and per cycle (all time, and within one cycle), and for quick entry —
 * from Enter in the dialog until the new session is counted in the log's list. Each beside the
 * bare button of the same page (harness.ts), with the main thread's CPU time and the longest
 * task over each figure's interactions (in its detail).
 */
import type { LongTaskReport, Ready } from './page-api';
import { call, Runs, SCREENS, type Interaction, type Session } from './harness';

export const PAIRING_FIGURE_IDS = [
  'open-session-log-p95',
  'filter-session-log-p95',
  'pairing-hours-p95',
  'quick-entry-p95',
] as const;

/** The session log drawn with the rows for its filters (not an earlier filter's, not loading). */
const LOG_SETTLED: Ready = [
  { selector: '.session-log tr.virtual-row:not(.loading)' },
  { selector: '.session-log .virtual-scroll.is-stale', absent: true },
];
export const SESSION_LOG_READY: Ready = [
  { selector: 'main h1', text: 'Pairing' },
  { selector: '.pairing-tabs a[aria-current="page"]', text: 'Session log' },
  ...LOG_SETTLED,
];

/** The log's table, labelled with how many sessions it lists: "Sessions, 200,000 shown". */
const logTable = (total: number): Ready => [
  { selector: `.session-log table[aria-label="Sessions, ${total.toLocaleString('en')} shown"]` },
  ...LOG_SETTLED,
];

/** The hours of `dimension` ("People", "Cycles") drawn, over all time or one cycle. */
const hoursReady = (tab: string, one: string, cycleId: string): Ready => [
  { selector: '.hours-dimensions button[aria-pressed="true"]', text: tab },
  { selector: '.hours-scope select', value: cycleId },
  { selector: `.hours-view table[aria-label^="Hours per ${one}, "]` },
  { selector: '.hours-view .virtual-scroll.is-stale', absent: true },
];

export interface PairingSamples {
  sessions: number;
  opens: Runs;
  filters: Runs;
  hours: Runs;
  quickEntry: Runs;
  /** The longest task over each figure's interactions (0: none over 50 ms), per figure. */
  longestTaskMs: Record<'opens' | 'filters' | 'hours' | 'quickEntry', number>;
}

/** Measures the Pairing figures on a page with the workspace restored; leaves it on the session log. */
export async function measurePairing(
  session: Session,
  runs: number,
  log: (line: string) => void,
): Promise<PairingSamples> {
  const { page } = session;
  const samples = { opens: new Runs(), filters: new Runs(), hours: new Runs(), quickEntry: new Runs() };
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const views = page.getByRole('navigation', { name: 'Pairing views' });
  const quick = runs === 1;
  const longestTaskMs = { opens: 0, filters: 0, hours: 0, quickEntry: 0 };
  const watch = () => call(page, 'longTasksStart');
  const longest = async (of: keyof typeof longestTaskMs) => {
    const report: LongTaskReport = await call(page, 'longTasksStop');
    longestTaskMs[of] = Math.max(longestTaskMs[of], Math.round(report.longestMs));
  };

  log('  pairing: open and filter the session log…');
  const open = () => nav.getByRole('link', { name: 'Pairing' }).click();
  // Once first, untimed, like the Blockers views and the Metrics grid: the area's code and its
  // worker load on the first opening. Then a few openings a run, so a run's p95 is not one sample.
  await open();
  await call(page, 'waitFor', SESSION_LOG_READY, 120_000);
  for (let run = 0; run < runs; run++) {
    samples.opens.next();
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      await nav.getByRole('link', { name: 'Plan' }).click();
      await call(page, 'waitFor', SCREENS.plan, 120_000);
      await watch();
      samples.opens.add('Session log', await session.timed(SESSION_LOG_READY, open, 120_000));
      await longest('opens');
    }
  }
  const label = (await page.locator('.session-log table').getAttribute('aria-label')) ?? '';
  let total = Number(/([\d,]+) shown/.exec(label)?.[1]?.replaceAll(',', '') ?? Number.NaN);

  // A cycle from the middle of the list, the first topic, and a date a year back.
  const cycleOptions = page.locator('.session-filters select[name="cycleId"] option');
  const cycles = (await cycleOptions.count()) - 1;
  const cycle = (await cycleOptions.nth(1 + Math.floor(cycles / 2)).getAttribute('value')) ?? '';
  const topic =
    (await page.locator('.session-filters select[name="topic"] option').nth(1).getAttribute('value')) ?? '';
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const settled = (control: string, value: string): Ready => [{ selector: control, value }, ...LOG_SETTLED];
  const select = (name: string) => `.session-filters select[name="${name}"]`;
  const from = page.getByRole('textbox', { name: 'From', exact: true });
  await watch();
  for (let run = 0; run < runs; run++) {
    samples.filters.next();
    for (const [name, value] of [
      ['cycleId', cycle],
      ['topic', topic],
      ['cycleId', ''],
      ['topic', ''],
    ] as const) {
      const choose = () => page.locator(select(name)).selectOption(value);
      const t = await session.timed(settled(select(name), value), choose);
      samples.filters.add(`${name} "${value || 'all'}"`, t);
    }
    // A date typed in full applies on its last key; then cleared in one go.
    await from.fill(yearAgo.slice(0, -1));
    const typed = await session.timed(
      settled('.session-filters input[placeholder="yyyy-mm-dd"]', yearAgo),
      () => page.keyboard.press(yearAgo.at(-1)!),
    );
    samples.filters.add('from date', typed);
    const cleared = await session.timed(logTable(total), () => from.fill(''));
    samples.filters.add('from cleared', cleared);
  }
  await longest('filters');

  log('  pairing: hours per person and per cycle…');
  await views.getByRole('link', { name: 'Hours', exact: true }).click();
  await call(page, 'waitFor', [{ selector: '.hours-view' }], 120_000);
  const group = page.getByRole('group', { name: 'Hours by' });
  const dimension = (tab: string) => () => group.getByRole('button', { name: tab, exact: true }).click();
  const scope = page.locator('.hours-scope select');
  const over = (cycleId: string) => () => scope.selectOption(cycleId);
  // One input a sample, from the topics over all time (a view none of them measures).
  const steps = [
    ['People', dimension('People'), hoursReady('People', 'person', '')],
    ['Cycles', dimension('Cycles'), hoursReady('Cycles', 'cycle', '')],
    ['Cycles in a cycle', over(cycle), hoursReady('Cycles', 'cycle', cycle)],
    ['People in a cycle', dimension('People'), hoursReady('People', 'person', cycle)],
    ['People, all time again', over(''), hoursReady('People', 'person', '')],
  ] as const;
  for (let run = 0; run < runs; run++) {
    samples.hours.next();
    await dimension('Topics')();
    await scope.selectOption('');
    await call(page, 'waitFor', hoursReady('Topics', 'topic', ''), 120_000);
    await watch();
    for (const [name, act, ready] of steps) {
      samples.hours.add(name, await session.timed(ready, act, 120_000));
    }
    await longest('hours');
  }

  log('  pairing: quick entry until the session shows in the log…');
  await views.getByRole('link', { name: 'Session log', exact: true }).click();
  await call(page, 'waitFor', logTable(total), 120_000);
  const dialog = page.getByRole('dialog', { name: 'Log a pairing session' });
  // The first session at this machine says who is logging (and a topic, if they have none yet).
  await page.keyboard.press('Control+Shift+L');
  const who = dialog.getByRole('combobox', { name: 'Who paired' });
  await who.waitFor();
  if ((await who.inputValue()) === '') {
    await who.fill('a');
    await dialog.getByRole('option').first().click();
  }
  const topicField = dialog.getByRole('combobox', { name: 'Topic' });
  if ((await topicField.inputValue()) === '') await topicField.fill('Benchmark pairing');
  await dialog.getByRole('button', { name: /^Log/ }).click();
  await dialog.waitFor({ state: 'detached' });
  total++;
  await call(page, 'waitFor', logTable(total), 120_000);
  for (let run = 0; run < runs; run++) {
    samples.quickEntry.next();
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      await page.keyboard.press('Control+Shift+L');
      await dialog.getByRole('textbox', { name: /^Duration/ }).waitFor();
      await page.locator('form[aria-label="Pairing session"] :focus').waitFor();
      total++;
      await watch();
      samples.quickEntry.add(
        'Enter',
        await session.timed(logTable(total), () => page.keyboard.press('Enter')),
      );
      await dialog.waitFor({ state: 'detached' });
      await longest('quickEntry');
    }
  }
  return { ...samples, sessions: total, longestTaskMs };
}

/** The Pairing figures, as input-to-paint interactions (harness.ts); no samples when not measured. */
export function pairingInteractions(samples: PairingSamples | null): Interaction[] {
  const size = samples ? `${samples.sessions.toLocaleString('en')} sessions` : 'the workspace’s sessions';
  const of = (runs: Runs | undefined) => runs ?? null;
  const longest = (of: keyof PairingSamples['longestTaskMs']) =>
    samples ? { longestTaskMs: samples.longestTaskMs[of] } : {};
  return [
    [
      'open-session-log-p95',
      `Open the session log (${size}): input to paint, p95`,
      of(samples?.opens),
      longest('opens'),
    ],
    [
      'filter-session-log-p95',
      `Filter the session log by cycle, topic and date (${size}): input to paint, p95`,
      of(samples?.filters),
      longest('filters'),
    ],
    [
      'pairing-hours-p95',
      `Hours per person and per cycle, all time and in a cycle (${size}): input to paint, p95`,
      of(samples?.hours),
      longest('hours'),
    ],
    [
      'quick-entry-p95',
      `Quick entry: Enter until the session is counted in the log (${size}), p95`,
      of(samples?.quickEntry),
      longest('quickEntry'),
    ],
  ];
}
