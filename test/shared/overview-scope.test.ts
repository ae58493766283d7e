/** The overview's controls as stored, and the dates they resolve to. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OVERVIEW_CONTROLS,
  readOverviewControls,
  resolveOverviewScope,
  type OverviewControls,
} from '../../shared/domain/overview-scope';

// Cycle 0 from 1 Oct 2025, then three 3-month cycles; each end date is the next one's start.
const CYCLES = [
  { id: 'c0', index: 0, startDate: '2025-10-01', endDate: '2026-01-01' },
  { id: 'c1', index: 1, startDate: '2026-01-01', endDate: '2026-04-01' },
  { id: 'c2', index: 2, startDate: '2026-04-01', endDate: '2026-07-01' },
  { id: 'c3', index: 3, startDate: '2026-07-01', endDate: '2026-10-01' },
  { id: 'c4', index: 4, startDate: '2026-10-01', endDate: '2027-01-01' },
];
const CONTEXT = { today: '2026-12-03', programStart: '2025-10-01', cycles: CYCLES };
const controls = (patch: Partial<OverviewControls>): OverviewControls => ({
  ...DEFAULT_OVERVIEW_CONTROLS,
  ...patch,
});

describe('the overview scope', () => {
  it('shows all time from the program start to the end of the last cycle, as of today', () => {
    expect(resolveOverviewScope(DEFAULT_OVERVIEW_CONTROLS, CONTEXT)).toEqual({
      asOf: '2026-12-03',
      from: '2025-10-01',
      to: '2026-12-31',
      granularity: 'month',
      teamId: null,
    });
  });

  it('takes the last four cycles up to the end of the one containing "as of"', () => {
    const scope = resolveOverviewScope(controls({ range: 'last-4-cycles' }), CONTEXT);
    expect([scope.from, scope.to]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('shows a past cycle as it stood on its last day, the day before the hand-over', () => {
    const scope = resolveOverviewScope(controls({ range: 'last-4-cycles', asOfCycleId: 'c2' }), CONTEXT);
    expect(scope.asOf).toBe('2026-06-30');
    // Cycles 0–2: fewer than four before it.
    expect([scope.from, scope.to]).toEqual(['2025-10-01', '2026-06-30']);
  });

  it('falls back to today for a cycle that has not ended or no longer exists', () => {
    expect(resolveOverviewScope(controls({ asOfCycleId: 'c4' }), CONTEXT).asOf).toBe('2026-12-03');
    expect(resolveOverviewScope(controls({ asOfCycleId: 'gone' }), CONTEXT).asOf).toBe('2026-12-03');
  });

  it('takes this year as the calendar year of "as of"', () => {
    const scope = resolveOverviewScope(controls({ range: 'this-year', asOfCycleId: 'c0' }), CONTEXT);
    expect([scope.asOf, scope.from, scope.to]).toEqual(['2025-12-31', '2025-01-01', '2025-12-31']);
  });

  it('orders custom dates and fills a missing end from all time', () => {
    expect(
      resolveOverviewScope(controls({ range: 'custom', from: '2026-09-01', to: '2026-02-01' }), CONTEXT),
    ).toMatchObject({ from: '2026-02-01', to: '2026-09-01' });
    expect(resolveOverviewScope(controls({ range: 'custom', from: '2026-02-01' }), CONTEXT)).toMatchObject({
      from: '2026-02-01',
      to: '2026-12-31',
    });
  });

  it('takes the 12 months before "as of" for the last four cycles of a program without cycles', () => {
    const scope = resolveOverviewScope(controls({ range: 'last-4-cycles' }), { ...CONTEXT, cycles: [] });
    expect([scope.from, scope.to]).toEqual(['2025-12-03', '2026-12-03']);
  });
});

describe('stored overview controls', () => {
  it('keeps each valid field and replaces each invalid one by its default', () => {
    expect(
      readOverviewControls({
        range: 'this-year',
        granularity: 'fortnight',
        teamId: 't1',
        from: '2026-02-30',
      }),
    ).toEqual({ ...DEFAULT_OVERVIEW_CONTROLS, range: 'this-year', teamId: 't1' });
  });

  it('reads nothing stored as the defaults', () => {
    expect(readOverviewControls(undefined)).toEqual(DEFAULT_OVERVIEW_CONTROLS);
    expect(readOverviewControls('month')).toEqual(DEFAULT_OVERVIEW_CONTROLS);
  });
});
