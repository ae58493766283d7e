/**
 * The People area in the browser benchmark, in the restored enterprise workspace (at scale 1:
 * 5,000 people in 1,000 teams and 200,000 pairing sessions): input to paint for opening the
 * people list from Plan and for filtering it (typing in its search, choosing a team, a role,
 * "can seed"); for opening the knowledge map from the people list (its reads and the map over
 * every session); and for marking a single point of knowledge as leaving in its what-if and back.
 * Each beside the bare button of the same page (harness.ts), with the main thread's CPU time.
 */
import type { Ready } from './page-api';
import { call, Runs, SCREENS, typeThenErase, type Interaction, type Session } from './harness';

export const PEOPLE_FIGURE_IDS = [
  'open-people-p95',
  'filter-people-p95',
  'open-knowledge-map-p95',
  'knowledge-what-if-p95',
] as const;

const LIST_SETTLED: Ready = [
  { selector: 'tr.person-row' },
  { selector: '.people-table-scroll.is-stale', absent: true },
];
export const PEOPLE_READY: Ready = [{ selector: 'main h1', text: 'People' }, ...LIST_SETTLED];
export const KNOWLEDGE_READY: Ready = [
  { selector: '.knowledge-intro h2', text: 'Knowledge map' },
  { selector: '[role="tree"] [role="treeitem"]' },
];

export interface PeopleSamples {
  people: number;
  teams: number;
  opens: Runs;
  filters: Runs;
  knowledge: Runs;
  whatIf: Runs;
}

/** Measures the People figures on a page with the workspace restored; leaves it on the knowledge map. */
export async function measurePeople(
  session: Session,
  runs: number,
  log: (line: string) => void,
): Promise<PeopleSamples> {
  const { page } = session;
  const samples = { opens: new Runs(), filters: new Runs(), knowledge: new Runs(), whatIf: new Runs() };
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const views = page.getByRole('navigation', { name: 'People views' });
  const quick = runs === 1;

  log('  people: open and filter the list…');
  for (let run = 0; run < runs; run++) {
    samples.opens.next();
    await nav.getByRole('link', { name: 'Plan' }).click();
    await call(page, 'waitFor', SCREENS.plan, 120_000);
    const open = () => nav.getByRole('link', { name: 'People' }).click();
    samples.opens.add('People', await session.timed(PEOPLE_READY, open));
  }
  // "Showing 5,000 of 5,000": the people in the workspace.
  const counted = (await page.locator('.people-count').textContent())?.match(/of ([\d,]+)/)?.[1];
  const teamOptions = page.locator('select[aria-label="Team"] option');
  // The first two options are "All teams" and "No team"; a team from the middle of the list.
  const teams = (await teamOptions.count()) - 2;
  const team = (await teamOptions.nth(2 + Math.floor(teams / 2)).getAttribute('value')) ?? '';
  const settled = (control: string, value: string): Ready => [{ selector: control, value }, ...LIST_SETTLED];
  for (let run = 0; run < runs; run++) {
    samples.filters.next();
    await page.getByRole('searchbox', { name: 'Search people' }).click();
    await typeThenErase(session, samples.filters, 'input.people-search', quick ? 'an' : 'ana 1', settled);
    for (const [label, value] of [
      ['Team', team],
      ['Team', ''],
      ['Role', 'advocate'],
      ['Can seed', 'yes'],
      ['Role', ''],
      ['Can seed', ''],
    ] as const) {
      const choose = () => page.getByRole('combobox', { name: label, exact: true }).selectOption(value);
      const t = await session.timed(settled(`select[aria-label="${label}"]`, value), choose);
      samples.filters.add(`${label} "${value || 'all'}"`, t);
    }
  }

  log('  people: the knowledge map…');
  for (let run = 0; run < runs; run++) {
    samples.knowledge.next();
    samples.whatIf.next();
    await views.getByRole('link', { name: 'People', exact: true }).click();
    await call(page, 'waitFor', PEOPLE_READY, 120_000);
    const open = () => views.getByRole('link', { name: 'Knowledge map' }).click();
    samples.knowledge.add('Knowledge map', await session.timed(KNOWLEDGE_READY, open, 120_000));
    // The first single point of knowledge leaves, then stays.
    const leaves = page.locator('.single-points button').first();
    for (let k = 0; k < (quick ? 1 : 3); k++) {
      const marked: Ready = [
        { selector: '.departure-chips li' },
        { selector: '.departure-result p', text: 'If ' },
      ];
      samples.whatIf.add('leaves', await session.timed(marked, () => leaves.click()));
      const cleared: Ready = [{ selector: '.departure-chips', absent: true }];
      samples.whatIf.add('stays', await session.timed(cleared, () => leaves.click()));
    }
  }
  return { ...samples, people: Number(counted?.replaceAll(',', '') ?? Number.NaN), teams };
}

/** The People figures, as input-to-paint interactions (harness.ts); no samples when not measured. */
export function peopleInteractions(samples: PeopleSamples | null): Interaction[] {
  const size = samples
    ? `${samples.people.toLocaleString('en')} people, ${samples.teams.toLocaleString('en')} teams`
    : 'the workspace’s people';
  const of = (runs: Runs | undefined) => runs ?? null;
  return [
    ['open-people-p95', `Open the people list (${size}): input to paint, p95`, of(samples?.opens), {}],
    ['filter-people-p95', `Filter the people list (${size}): input to paint, p95`, of(samples?.filters), {}],
    [
      'open-knowledge-map-p95',
      `Open the knowledge map (${size} and their sessions): input to paint, p95`,
      of(samples?.knowledge),
      {},
      1000,
    ],
    [
      'knowledge-what-if-p95',
      'Knowledge map: mark a person as leaving and back, input to paint, p95',
      of(samples?.whatIf),
      {},
    ],
  ];
}
