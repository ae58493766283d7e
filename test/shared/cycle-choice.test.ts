/** Which cycle a selection of apps goes into: the active one, else the next planned; never a closed one. */
import { describe, expect, it } from 'vitest';
import { acceptsSelection, defaultSelectionCycle } from '../../shared/domain/cycle-choice';
import type { CycleStatus } from '../../shared/domain/program';

const cycle = (index: number, status: CycleStatus, startDate: string, endDate: string) => ({
  id: `c${index}`,
  index,
  status,
  startDate,
  endDate,
});

const initial = (status: CycleStatus) => cycle(0, status, '2026-01-31', '2026-04-30');
const one = (status: CycleStatus) => cycle(1, status, '2026-04-30', '2026-07-30');
const two = (status: CycleStatus) => cycle(2, status, '2026-07-30', '2026-10-30');

describe('defaultSelectionCycle', () => {
  it('picks the active cycle, not the closed one whose dates hold today', () => {
    // "Close cycle and start next" on the initial phase before its planned end.
    const cycles = [initial('closed'), one('active'), two('planned')];
    expect(defaultSelectionCycle(cycles, '2026-03-15')?.id).toBe('c1');
  });

  it('picks the active cycle even when its dates are past or to come', () => {
    expect(defaultSelectionCycle([initial('active'), one('planned')], '2026-06-01')?.id).toBe('c0');
    expect(defaultSelectionCycle([initial('closed'), one('active')], '2026-02-01')?.id).toBe('c1');
  });

  it('without an active cycle, picks the planned one running today', () => {
    expect(defaultSelectionCycle([initial('closed'), one('planned'), two('planned')], '2026-05-10')?.id).toBe(
      'c1',
    );
  });

  it('else the next planned one to start', () => {
    expect(defaultSelectionCycle([initial('closed'), one('closed'), two('planned')], '2026-05-10')?.id).toBe(
      'c2',
    );
    expect(defaultSelectionCycle([initial('planned'), one('planned')], '2025-12-01')?.id).toBe('c0');
  });

  it('else the earliest planned one, even when its dates have passed', () => {
    expect(defaultSelectionCycle([initial('closed'), one('planned'), two('planned')], '2027-01-01')?.id).toBe(
      'c1',
    );
  });

  it('offers no closed cycle: nothing when every cycle is closed', () => {
    expect(defaultSelectionCycle([initial('closed'), one('closed')], '2026-05-10')).toBeUndefined();
    expect(defaultSelectionCycle([], '2026-05-10')).toBeUndefined();
  });

  it('does not depend on the order it is given', () => {
    const cycles = [two('planned'), one('planned'), initial('closed')];
    expect(defaultSelectionCycle(cycles, '2026-05-10')?.id).toBe('c1');
  });
});

describe('acceptsSelection', () => {
  it('accepts planned and active cycles, never a closed one', () => {
    expect(acceptsSelection({ status: 'planned' })).toBe(true);
    expect(acceptsSelection({ status: 'active' })).toBe(true);
    expect(acceptsSelection({ status: 'closed' })).toBe(false);
  });
});
