// @vitest-environment jsdom
/** The capacity forecast on Plan: defaults from the program's history, what-if inputs that redraw it, drill-down. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CapacityForecast from '../../../renderer/features/plan/CapacityForecast';
import { usePlanUi } from '../../../renderer/features/plan/plan-store';
import { buildRecord } from '../../../renderer/db/repository';
import { useAppActuals, useCycles, useProgram } from '../../../renderer/db/workspace-queries';
import {
  assignmentInputSchema,
  personInputSchema,
  programInputSchema,
  teamInputSchema,
  type Assignment,
  type Person,
  type Program,
  type Team,
} from '../../../shared/domain';
import { appRecord, cycleRecord } from '../db/db-helpers';
import { freshDb, PROGRAM, renderWith, resetAll } from './helpers';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 5, 10, 12));
});
afterEach(async () => {
  vi.useRealTimers();
  await resetAll();
});

/** The forecast as Plan mounts it, over the live program, cycles and actuals. */
function PlanForecast() {
  const program = useProgram();
  const cycles = useCycles();
  const actuals = useAppActuals();
  if (!program || !cycles) return null;
  return <CapacityForecast program={program} cycles={cycles} actuals={actuals} />;
}

/**
 * A program in its first scaling cycle: the initial phase (closed) brought one app to the
 * platform with two people placed; one app was already there. Three people can seed; Dan of
 * Payments, seeded in the initial phase, pairs from cycle 1 (a lag of one cycle).
 */
async function seed() {
  const database = freshDb();
  const program = buildRecord(programInputSchema, PROGRAM) as Program;
  const c0 = {
    ...cycleRecord({ index: 0, startDate: '2026-01-31', endDate: '2026-04-30' }),
    status: 'closed' as const,
    goalApps: 1,
  };
  const c1 = {
    ...cycleRecord({ index: 1, startDate: '2026-04-30', endDate: '2026-07-30' }),
    status: 'active' as const,
    goalApps: 3,
  };
  const c2 = { ...cycleRecord({ index: 2, startDate: '2026-07-30', endDate: '2026-10-30' }), goalApps: 4 };
  const [platform, payments] = ['Platform', 'Payments'].map(
    (name) =>
      buildRecord(teamInputSchema, { name, kind: name === 'Platform' ? 'platform' : 'product' }) as Team,
  ) as [Team, Team];
  const person = (name: string, team: Team, canSeed: boolean) =>
    buildRecord(personInputSchema, { name, teamId: team.id, canSeed }) as Person;
  const ada = person('Ada', platform, true);
  const ben = person('Ben', platform, true);
  const cleo = person('Cleo', payments, false);
  const dan = person('Dan', payments, true);
  const eve = person('Eve', payments, false);
  const assignment = (who: Person, kind: 'pairing' | 'seeding', cycleId: string, startDate: string) =>
    buildRecord(assignmentInputSchema, {
      kind,
      personId: who.id,
      targetTeamId: payments.id,
      cycleId,
      startDate,
    }) as Assignment;
  await database.transaction('rw', database.tables, async () => {
    await database.program.add(program);
    await database.cycles.bulkAdd([c0, c1, c2]);
    await database.teams.bulkAdd([platform, payments]);
    await database.people.bulkAdd([ada, ben, cleo, dan, eve]);
    await database.assignments.bulkAdd([
      assignment(ada, 'seeding', c0.id, '2026-01-31'),
      assignment(ben, 'pairing', c0.id, '2026-02-10'),
      assignment(dan, 'pairing', c1.id, '2026-05-04'),
    ]);
    await database.apps.bulkAdd([
      appRecord({ name: 'Payments API', stage: 'on-platform', cycleId: c0.id }),
      appRecord({ name: 'Ledger', stage: 'on-platform', cycleId: c1.id }),
      appRecord({ name: 'Cards', stage: 'on-platform', cycleId: c1.id }),
      appRecord({ name: 'Intranet', stage: 'on-platform' }),
      appRecord({ name: 'Search', stage: 'onboarding', cycleId: c1.id }),
    ]);
  });
  renderWith(database, <PlanForecast />);
  await screen.findByText('3 can seed today');
  return { c2 };
}

const field = (label: string) => screen.getByRole('textbox', { name: label });

/** The table's cells of one cycle, by column. */
async function row(user: ReturnType<typeof userEvent.setup>, cycle: string) {
  if (screen.queryByRole('button', { name: 'Show as table' }))
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
  const header = screen.getByRole('rowheader', { name: cycle });
  const cells = within(header.closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent);
  const [ends, plan, actual, forecast, onboarded, seeders] = cells;
  return { ends, plan, actual, forecast, onboarded, seeders };
}

describe('the capacity forecast', () => {
  it('starts from the program’s own history', async () => {
    await seed();
    expect(field('People able to seed')).toHaveValue('3');
    // Two people placed in the initial phase for its one app on the platform.
    expect(field('People per new app')).toHaveValue('2');
    expect(screen.getByText('So far 2 placed for 1 app: 0.5 apps per person')).toBeInTheDocument();
    // Dan's team was seeded in the initial phase; he paired from cycle 1.
    expect(field('Cycles before a newly seeded person seeds')).toHaveValue('1');
    expect(field('Training, % of a seeder’s time')).toHaveValue('25');
    expect(field('Attrition per cycle, %')).toHaveValue('5');
    expect(field('Ceiling, apps per cycle')).toHaveValue('');
  });

  it('sets plan, actual and forecast side by side, the forecast starting at the active cycle', async () => {
    const user = userEvent.setup();
    await seed();
    // The initial phase: plan 1; on the platform, its app and the one without a cycle.
    expect(await row(user, 'Initial phase')).toMatchObject({ plan: '1', actual: '2', forecast: '2' });
    // Cycle 1: 3 seeders, a quarter of their time training: ⌊3 × 0.75 ÷ 2⌋ = 1 app → 3.
    expect(await row(user, 'Scaling cycle 1')).toMatchObject({
      ends: '30 Jul 2026',
      plan: '4',
      actual: '4',
      forecast: '3',
      onboarded: '1',
      seeders: '3',
    });
    // Cycle 2: 5% leave; the 2 people seeded in cycle 1 join: 2.85 + 1.9 = 4.75 → 1 app → 4.
    expect(await row(user, 'Scaling cycle 2')).toMatchObject({
      plan: '8',
      actual: '',
      forecast: '4',
      seeders: '4.8',
    });
  });

  it('redraws as a what-if input is typed', async () => {
    const user = userEvent.setup();
    await seed();
    const before = screen.getByText(/^The target of 40 apps is reached in cycle/).textContent;
    await user.clear(field('People able to seed'));
    await user.type(field('People able to seed'), '10');
    // ⌊10 × 0.75 ÷ 2⌋ = 3 apps in cycle 1.
    expect(await row(user, 'Scaling cycle 1')).toMatchObject({ forecast: '5', onboarded: '3' });
    const after = screen.getByText(/^The target of 40 apps is reached in cycle/).textContent;
    expect(after).not.toBe(before);
    expect(after).toMatch(/limited by the people able to seed\.$/);

    await user.type(field('Ceiling, apps per cycle'), '2');
    expect(await row(user, 'Scaling cycle 1')).toMatchObject({ forecast: '4', onboarded: '2' });
    expect(screen.getByText(/limited by the ceiling per cycle\.$/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to the program’s history' }));
    expect(field('People able to seed')).toHaveValue('3');
    expect(await row(user, 'Scaling cycle 1')).toMatchObject({ forecast: '3' });
  });

  it('says at the field what is wrong, and keeps the last forecast meanwhile', async () => {
    const user = userEvent.setup();
    await seed();
    await user.clear(field('People per new app'));
    await user.type(field('People per new app'), 'two');
    expect(field('People per new app')).toHaveAccessibleDescription(/People per app must be a number/);
    await user.clear(field('Attrition per cycle, %'));
    await user.type(field('Attrition per cycle, %'), '150');
    expect(field('Attrition per cycle, %')).toHaveAccessibleDescription(/Attrition must be at most 100%/);
    expect(await row(user, 'Scaling cycle 1')).toMatchObject({ forecast: '3' });
  });

  it('names a target the people cannot reach within the look-ahead', async () => {
    await seed();
    const user = userEvent.setup();
    await user.clear(field('People able to seed'));
    await user.type(field('People able to seed'), '0');
    expect(
      screen.getByText(
        'The target of 40 apps is not reached within 20 cycles: 2 apps by 30 Apr 2031, limited by the people able to seed.',
      ),
    ).toBeInTheDocument();
  });

  it('opens a planned cycle from its row, and offers no Open for a cycle only forecast', async () => {
    const user = userEvent.setup();
    const { c2 } = await seed();
    await row(user, 'Scaling cycle 2');
    await user.click(screen.getByRole('button', { name: 'Open Scaling cycle 2' }));
    await waitFor(() => expect(usePlanUi.getState().selectedCycleId).toBe(c2.id));
    const future = screen.getByRole('rowheader', { name: 'Scaling cycle 3' }).closest('tr')!;
    expect(within(future).queryByRole('button')).toBeNull();
  });
});
