// @vitest-environment jsdom
/**
 * The forecast charts on the overview (Plan's overviewCharts contribution): the reading with the
 * three dates and their odds, the fan and the calibration as tables, the records behind a row,
 * the history window kept as a setting, and the message instead of a chart when the history is
 * too short or nothing arrived in it.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FORECAST_HISTORY_KEY,
  setForecastHistoryWeeks,
  useForecastFanAt,
  useForecastResult,
} from '../../../renderer/db/forecast-queries';
import { buildRecord } from '../../../renderer/db/repository';
import ForecastCalibration from '../../../renderer/features/plan/ForecastCalibration';
import ForecastOdds from '../../../renderer/features/plan/ForecastOdds';
import { useUi } from '../../../renderer/store/ui';
import { legendEntries, pictureLayout } from '../../../renderer/ui/chart/chart-png';
import type { OverviewScope } from '../../../renderer/ui/contributions';
import { addDaysIso, programInputSchema, type App, type Program } from '../../../shared/domain';
import { appRecord, cycleRecord } from '../db/db-helpers';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

afterEach(resetAll);

const AS_OF = '2026-06-10';
const scope: OverviewScope = {
  asOf: AS_OF,
  from: '2026-01-01',
  to: AS_OF,
  granularity: 'week',
  teamId: null,
};

/**
 * A program that started on 16 April 2026, eight whole weeks before 10 June: two apps reached the
 * platform in each of those weeks (on its last day and three days before), 16 in all, of a target
 * of 40. Two cycles have ended (14 May and 4 June); the third runs to September.
 */
async function seed(options: { start?: string; perWeek?: number; target?: number } = {}) {
  const database = freshDb();
  const start = options.start ?? '2026-04-16';
  const perWeek = options.perWeek ?? 2;
  const program = buildRecord(programInputSchema, {
    ...PROGRAM,
    startDate: start,
    targetApps: options.target ?? 40,
  }) as Program;
  const weeks = Math.floor((Date.parse(AS_OF) - Date.parse(start)) / 86_400_000 / 7 + 1 / 7);
  const apps: App[] = [];
  for (let w = 0; w < weeks; w++) {
    const weekEnd = addDaysIso(AS_OF, -w * 7);
    for (let k = 0; k < perWeek; k++) {
      apps.push(
        appRecord({
          name: `App ${weekEnd} ${k === 0 ? 'a' : 'b'}`,
          stage: 'on-platform',
          selectedOn: start,
          firstDeployOn: start,
          productionOn: addDaysIso(weekEnd, -3 * k),
        }),
      );
    }
  }
  const cycles = [
    {
      ...cycleRecord({ index: 0, startDate: '2026-04-16', endDate: '2026-05-14' }),
      status: 'closed' as const,
    },
    {
      ...cycleRecord({ index: 1, startDate: '2026-05-14', endDate: '2026-06-04' }),
      status: 'closed' as const,
    },
    {
      ...cycleRecord({ index: 2, startDate: '2026-06-04', endDate: '2026-09-04' }),
      status: 'active' as const,
    },
  ];
  await database.transaction('rw', database.tables, async () => {
    await database.program.add(program);
    await database.cycles.bulkAdd(cycles);
    await database.apps.bulkAdd(apps);
  });
  return database;
}

async function showTable(user: ReturnType<typeof userEvent.setup>, title: string) {
  const card = screen.getByRole('region', { name: title });
  await user.click(within(card).getByRole('button', { name: 'Show as table' }));
  return card;
}

const cellsOf = (card: HTMLElement, rowHeader: string) =>
  within(within(card).getByRole('rowheader', { name: rowHeader }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('Forecast with odds', () => {
  it('reads the three dates with their odds and shows the history and the fan as a table', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <ForecastOdds {...scope} />);
    // 2 a week every week: 24 to go take 12 weeks at every likelihood, to 2 September.
    expect(
      await screen.findByText(
        'Target 50% likely by 2 Sep 2026, 85% likely by 2 Sep 2026, 95% likely by 2 Sep 2026; 16 apps of the target of 40 on the platform, at the pace of the 8 weeks since the program started.',
      ),
    ).toBeInTheDocument();
    const card = await showTable(user, 'Forecast with odds');
    // 8 history weeks, then 12 forecast weeks.
    expect(within(card).getAllByRole('row')).toHaveLength(1 + 8 + 12);
    expect(cellsOf(card, '22 Apr 2026').slice(0, 2)).toEqual(['2', '2']);
    expect(cellsOf(card, '10 Jun 2026').slice(0, 2)).toEqual(['16', '2']);
    expect(cellsOf(card, '17 Jun 2026').slice(2, 6)).toEqual(['18', '18', '18', '18']);
    expect(cellsOf(card, '2 Sep 2026').slice(2, 6)).toEqual(['40', '40', '40', '40']);

    // A history week opens the apps that reached the platform in it; each opens its page.
    await user.click(
      within(card).getByRole('button', {
        name: 'Open the 2 apps that reached the platform in the week ending 10 Jun 2026',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: /week ending 10 Jun 2026/ });
    expect(
      within(dialog)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['App 2026-06-10 a', 'App 2026-06-10 b']);
    await user.click(within(dialog).getByRole('button', { name: 'App 2026-06-10 a' }));
    expect(useUi.getState().route).toMatch(/^apps\/[0-9a-f-]{36}$/);
  });

  it('puts its legend into the saved PNG: every entry under the chart, in the drawing list', async () => {
    renderWith(await seed(), <ForecastOdds {...scope} />);
    const card = await screen.findByRole('region', { name: 'Forecast with odds' });
    await within(card).findByRole('list', { name: 'Series' });
    const legend = legendEntries(card.querySelector('.chart-card-chart')!);
    const expected = [
      'On the platform',
      'Forecast, 50% likely',
      'Fan: 95% likely above its lower edge, 5% likely above its upper edge',
    ];
    expect(legend.map((e) => e.text)).toEqual(expected);
    const layout = pictureLayout(
      {
        title: 'Forecast with odds',
        chartWidth: 800,
        chartHeight: 300,
        background: '#fff',
        textColor: '#000',
        fontFamily: 'sans-serif',
        legend,
      },
      (text) => text.length * 7,
    );
    const drawn = layout.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(drawn).toEqual(['Forecast with odds', ...expected]);
  });

  it('keeps the history window chosen as a setting of this machine', async () => {
    const user = userEvent.setup();
    const database = await seed({ start: '2025-06-01', target: 400 });
    renderWith(database, <ForecastOdds {...scope} />);
    await screen.findByText(/at the pace of the last 26 weeks\.$/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'History' }), 'Last 8 weeks');
    expect(await screen.findByText(/at the pace of the last 8 weeks\.$/)).toBeInTheDocument();
    expect((await database.settings.get(FORECAST_HISTORY_KEY))?.value).toBe(8);
  });

  it('keeps only the windows offered, and reads a stored value it does not know as the default', async () => {
    const database = await seed({ start: '2025-06-01', target: 400 });
    await expect(setForecastHistoryWeeks(5, database)).rejects.toThrow(
      'The history window must be one of 8, 13, 26, 52, 104 weeks, not 5',
    );
    expect(await database.settings.get(FORECAST_HISTORY_KEY)).toBeUndefined();
    await database.settings.put({ key: FORECAST_HISTORY_KEY, value: 'lots' });
    renderWith(database, <ForecastOdds {...scope} />);
    expect(await screen.findByText(/at the pace of the last 26 weeks\.$/)).toBeInTheDocument();
  });

  it('says the history is too short instead of drawing', async () => {
    renderWith(await seed({ start: '2026-05-27' }), <ForecastOdds {...scope} />);
    expect(
      await screen.findByText(
        'Only 2 weeks of history: a forecast needs at least 4. 4 apps of the target of 40 on the platform.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show as table' })).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says there is no pace to project when nothing arrived in the history', async () => {
    renderWith(await seed({ perWeek: 0 }), <ForecastOdds {...scope} />);
    // In the reading, and in place of the chart.
    expect(
      await screen.findAllByText(
        /^No app reached the platform in the 8 weeks of history: there is no pace to project\./,
      ),
    ).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show as table' })).not.toBeInTheDocument();
  });
});

describe('Forecast calibration', () => {
  it('sets the dates forecast at each past close beside "not yet", each row opening its history', async () => {
    const user = userEvent.setup();
    renderWith(await seed(), <ForecastCalibration {...scope} />);
    expect(
      await screen.findByText(
        '2 of 2 cycle closes had a forecast; none of their dates has come due yet. The target is not reached yet.',
      ),
    ).toBeInTheDocument();
    const card = await showTable(user, 'Forecast calibration');
    // As of 13 May: 4 weeks of 2 → 8 on the platform, 32 to go in 16 weeks: 2 September.
    expect(cellsOf(card, 'Initial phase')).toEqual([
      '14 May 2026',
      '8',
      '2 Sep 2026 (not due yet)',
      '2 Sep 2026 (not due yet)',
      'Not yet',
      'Open',
    ]);
    // As of 3 June: 7 weeks → 14, 26 to go in 13 weeks: 2 September again.
    expect(cellsOf(card, 'Cycle 1').slice(0, 3)).toEqual(['4 Jun 2026', '14', '2 Sep 2026 (not due yet)']);
    expect(within(card).queryByRole('rowheader', { name: 'Cycle 2' })).not.toBeInTheDocument();

    await user.click(
      within(card).getByRole('button', {
        name: 'Open the 8 apps the forecast at the close of Initial phase was made from',
      }),
    );
    const dialog = screen.getByRole('dialog', { name: /Initial phase/ });
    expect(within(dialog).getAllByRole('rowheader')).toHaveLength(8);
  });

  it('says when no cycle has ended yet', async () => {
    renderWith(await seed(), <ForecastCalibration {...scope} asOf="2026-05-01" />);
    expect(
      await screen.findAllByText(
        'No cycle has ended yet: each cycle’s close will add the forecast made that day.',
      ),
    ).not.toHaveLength(0);
  });
});

describe('useForecastFanAt, for the overview’s adoption chart', () => {
  function FanAt({ dates }: { dates: string[] }) {
    const fan = useForecastFanAt(AS_OF, dates);
    if (!fan) return <p>Working…</p>;
    return <p>{fan.map((p) => (p ? `${p.date}: ${p.p5}–${p.p50}–${p.p95}` : 'none')).join('; ')}</p>;
  }

  it('reads the fan at the chart’s bucket ends', async () => {
    renderWith(await seed(), <FanAt dates={['2026-05-31', '2026-06-30', '2026-09-30']} />);
    // 30 June: the week ending 24 June, 2 weeks on (20); 30 September: past the 95 % date, the target.
    expect(await screen.findByText('none; 2026-06-30: 20–20–20; 2026-09-30: 40–40–40')).toBeInTheDocument();
  });

  it('gives the forecast itself, or null when there is nothing to draw', async () => {
    function Result() {
      const result = useForecastResult(AS_OF);
      return (
        <p>{result === undefined ? 'Working…' : result === null ? 'No forecast' : result.dates[1]!.date}</p>
      );
    }
    renderWith(await seed(), <Result />);
    expect(await screen.findByText('2026-09-02')).toBeInTheDocument();
    await resetAll();
    renderWith(await seed({ perWeek: 0 }), <Result />);
    expect(await screen.findByText('No forecast')).toBeInTheDocument();
  });

  it('is empty when there is nothing to draw', async () => {
    renderWith(await seed({ perWeek: 0 }), <FanAt dates={['2026-06-30']} />);
    expect(await screen.findByText('', { selector: 'p' })).toBeInTheDocument();
  });
});
