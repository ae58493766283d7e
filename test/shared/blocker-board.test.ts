/**
 * The board's cells (shared/domain/blocker-board.ts): each cell's count and first cards equal
 * sorting the whole cell (longest open first, latest resolved first, then by title; ties in
 * the given order) and taking its first few.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCKER_CATEGORY_IDS,
  BLOCKER_STATUSES,
  type Blocker,
  type BlockerCategory,
  type BlockerStatus,
  type BlockerStatusChange,
} from '../../shared/domain';
import { boardCellKey, boardCells } from '../../shared/domain/blocker-board';
import { daysOpen } from '../../shared/domain/blocker-stats';
import { isoOfDay } from '../../shared/domain/dates';
import { isoDayNumber } from '../../shared/domain/pipeline';

const day = (iso: string) => isoDayNumber(iso)!;
const TODAY = '2026-06-30';

let serial = 0;
function blocker(category: BlockerCategory, title: string, statusHistory: BlockerStatusChange[]): Blocker {
  const last = statusHistory.at(-1)!;
  serial++;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    title,
    category,
    subCategory: 'Other',
    severity: 'medium',
    status: last.status,
    openedOn: statusHistory[0]!.on,
    resolvedOn: last.status === 'resolved' ? last.on : null,
    statusHistory,
    appId: null,
    teamId: null,
    cycleId: null,
    ownerId: null,
    notes: '',
    mitigation: '',
  };
}

/** What the board did before: every cell sorted in full, then its first `limit`. */
function sortedCells(blockers: readonly Blocker[], today: string, limit: number) {
  const collator = new Intl.Collator();
  const out = new Map<string, { total: number; shown: Blocker[] }>();
  for (const category of BLOCKER_CATEGORY_IDS)
    for (const status of BLOCKER_STATUSES) {
      const all = blockers.filter((b) => b.category === category && b.status === status);
      const age = (b: Blocker) => daysOpen(b, today) ?? 0;
      const sorted = [...all].sort((a, b) =>
        status === 'resolved'
          ? (b.resolvedOn ?? '').localeCompare(a.resolvedOn ?? '') || collator.compare(a.title, b.title)
          : age(b) - age(a) || collator.compare(a.title, b.title),
      );
      out.set(boardCellKey(category, status), { total: all.length, shown: sorted.slice(0, limit) });
    }
  return out;
}

// Few titles and close dates, so ties (same age, same day, same title) are common.
const historyArb = fc
  .record({
    start: fc.integer({ min: day('2026-06-10'), max: day('2026-06-30') }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 5 }),
        status: fc.constantFrom<BlockerStatus>('open', 'mitigating', 'resolved'),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ start, steps }) => {
    const history: BlockerStatusChange[] = [{ status: 'open', on: isoOfDay(start) }];
    let at = start;
    for (const step of steps) {
      if (step.status === history.at(-1)!.status) continue;
      at = Math.min(at + step.gap, day(TODAY));
      history.push({ status: step.status, on: isoOfDay(at) });
    }
    return history;
  });
const blockerArb = fc
  .record({
    category: fc.constantFrom(...BLOCKER_CATEGORY_IDS),
    title: fc.constantFrom('Budget', 'budget', 'Hiring', 'Élan', 'Zebra', 'ITSM'),
    history: historyArb,
  })
  .map(({ category, title, history }) => blocker(category, title, history));

describe('the board’s cells', () => {
  it('are every category × status, in order, even when empty', () => {
    const cells = boardCells([], TODAY, 8);
    expect([...cells.keys()]).toEqual(
      BLOCKER_CATEGORY_IDS.flatMap((c) => BLOCKER_STATUSES.map((s) => boardCellKey(c, s))),
    );
    for (const cell of cells.values()) expect(cell).toMatchObject({ total: 0, shown: [] });
  });

  it('show the longest open first, the latest resolved first, then by title', () => {
    const older = blocker('people-culture', 'Older', [{ status: 'open', on: '2026-01-01' }]);
    const newerB = blocker('people-culture', 'B newer', [{ status: 'open', on: '2026-05-01' }]);
    const newerA = blocker('people-culture', 'A newer', [{ status: 'open', on: '2026-05-01' }]);
    const early = blocker('people-culture', 'Early', [
      { status: 'open', on: '2026-01-01' },
      { status: 'resolved', on: '2026-02-01' },
    ]);
    const late = blocker('people-culture', 'Late', [
      { status: 'open', on: '2026-03-01' },
      { status: 'resolved', on: '2026-06-01' },
    ]);
    const cells = boardCells([newerB, early, older, late, newerA], TODAY, 2);
    expect(cells.get('people-culture/open')).toMatchObject({ total: 3, shown: [older, newerA] });
    expect(cells.get('people-culture/resolved')).toMatchObject({ total: 2, shown: [late, early] });
    expect(cells.get('plans-alignment/open')).toMatchObject({ total: 0, shown: [] });
  });

  it('keep the given order between cards that rank the same', () => {
    const same = () => blocker('technical-execution', 'Same', [{ status: 'open', on: '2026-06-01' }]);
    const [a, b, c] = [same(), same(), same()];
    expect(boardCells([a!, b!, c!], TODAY, 2).get('technical-execution/open')!.shown).toEqual([a, b]);
  });

  it('equal sorting each whole cell and taking its first cards', () => {
    fc.assert(
      fc.property(
        fc.array(blockerArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (blockers, limit) => {
          const cells = boardCells(blockers, TODAY, limit);
          const expected = sortedCells(blockers, TODAY, limit);
          for (const [key, cell] of cells) {
            expect(cell.total).toBe(expected.get(key)!.total);
            expect(cell.shown.map((b) => b.id)).toEqual(expected.get(key)!.shown.map((b) => b.id));
          }
        },
      ),
    );
  });
});
