import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisScore,
  combinedScore,
  criteriaInAxisOrder,
  isFullyScored,
  scoringQueue,
  QUADRANT_LABELS,
  QUADRANTS,
  quadrantOf,
  quadrantOfApp,
  rankApps,
  scoresFromCriteria,
} from '../../shared/domain/feasibility';
import type { AppStage, CriterionAxis } from '../../shared/domain/apps';

const criteria = [
  { id: 'criticality', axis: 'business' as const, weight: 3 },
  { id: 'visibility', axis: 'business' as const, weight: 1 },
  { id: 'willingness', axis: 'technical' as const, weight: 2 },
  { id: 'fit', axis: 'technical' as const, weight: 2 },
];

describe('axisScore', () => {
  it('takes the weighted mean of the scored criteria on the axis', () => {
    // (5×3 + 1×1) / 4 = 4
    expect(axisScore(criteria, { criticality: 5, visibility: 1 }, 'business')).toBe(4);
    // (4×2 + 1×2) / 4 = 2.5
    expect(axisScore(criteria, { willingness: 4, fit: 1 }, 'technical')).toBe(2.5);
  });

  it('rounds to one decimal', () => {
    // (5×3 + 4×1) / 4 = 4.75 → 4.8 ; (2×1 + 3×2)/3 = 2.666… → 2.7
    expect(axisScore(criteria, { criticality: 5, visibility: 4 }, 'business')).toBe(4.8);
    const uneven = [
      { id: 'a', axis: 'business' as const, weight: 1 },
      { id: 'b', axis: 'business' as const, weight: 2 },
    ];
    expect(axisScore(uneven, { a: 2, b: 3 }, 'business')).toBe(2.7);
  });

  it('leaves out criteria that are not scored instead of counting them as zero', () => {
    expect(axisScore(criteria, { criticality: 4 }, 'business')).toBe(4);
  });

  it('ignores scores of criteria on the other axis', () => {
    expect(axisScore(criteria, { criticality: 5, willingness: 1 }, 'technical')).toBe(1);
  });

  it('is null when no criterion on the axis is scored', () => {
    expect(axisScore(criteria, {}, 'business')).toBeNull();
    expect(axisScore(criteria, { willingness: 3 }, 'business')).toBeNull();
    expect(axisScore([], { x: 3 }, 'business')).toBeNull();
  });

  it('ignores scores outside 1–5 and criteria with no weight', () => {
    expect(axisScore(criteria, { criticality: 9, visibility: 2 }, 'business')).toBe(2);
    expect(axisScore([{ id: 'z', axis: 'business', weight: 0 }], { z: 5 }, 'business')).toBeNull();
  });

  it('does not read inherited properties as scores', () => {
    expect(axisScore([{ id: 'toString', axis: 'business', weight: 1 }], {}, 'business')).toBeNull();
  });

  it('always lies within 1 and 5 when anything is scored', () => {
    const axis = fc.constantFrom<CriterionAxis>('business', 'technical');
    const criterion = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      axis,
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(criterion, { maxLength: 12 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 5 })),
        axis,
        (cs, scores, a) => {
          const result = axisScore(cs, scores, a);
          const scored = cs.some((c) => c.axis === a && Object.hasOwn(scores, c.id));
          if (!scored) return result === null;
          return result !== null && result >= 1 && result <= 5 && Math.round(result * 10) === result * 10;
        },
      ),
    );
  });
});

describe('scoresFromCriteria', () => {
  it('gives both axis scores of an app', () => {
    expect(scoresFromCriteria(criteria, { criticality: 5, visibility: 5, fit: 2 })).toEqual({
      businessScore: 5,
      technicalScore: 2,
    });
    expect(scoresFromCriteria(criteria, {})).toEqual({ businessScore: null, technicalScore: null });
  });
});

describe('quadrantOf', () => {
  it('puts high value and high feasibility in "start here"', () => {
    expect(quadrantOf(5, 5)).toBe('start-here');
    expect(quadrantOf(3, 3)).toBe('start-here');
  });

  it('puts high value and low feasibility in "worth the effort"', () => {
    expect(quadrantOf(4, 2.9)).toBe('worth-the-effort');
  });

  it('puts low value and high feasibility in "quick wins"', () => {
    expect(quadrantOf(2.9, 4)).toBe('quick-wins');
  });

  it('puts low value and low feasibility in "not now"', () => {
    expect(quadrantOf(1, 1)).toBe('not-now');
    expect(quadrantOf(2.9, 2.9)).toBe('not-now');
  });

  it('has a label and an explanation for every quadrant', () => {
    for (const q of QUADRANTS) {
      expect(QUADRANT_LABELS[q].label).not.toBe('');
      expect(QUADRANT_LABELS[q].explanation.length).toBeGreaterThan(20);
    }
    expect(new Set(QUADRANTS.map((q) => QUADRANT_LABELS[q].label)).size).toBe(4);
  });

  it('leaves an app with a missing score off the matrix', () => {
    expect(quadrantOfApp({ businessScore: 4, technicalScore: null })).toBeNull();
    expect(quadrantOfApp({ businessScore: 4, technicalScore: 4 })).toBe('start-here');
  });
});

describe('rankApps', () => {
  const app = (name: string, businessScore: number | null, technicalScore: number | null) => ({
    name,
    businessScore,
    technicalScore,
  });

  it('ranks by business value × technical feasibility, highest first', () => {
    const ranked = rankApps([app('Low', 2, 2), app('High', 5, 4), app('Middle', 3, 3)]);
    expect(ranked.map((r) => [r.app.name, r.rank, r.combined])).toEqual([
      ['High', 1, 20],
      ['Middle', 2, 9],
      ['Low', 3, 4],
    ]);
  });

  it('ranks an app good on both axes above one great on one and poor on the other', () => {
    const ranked = rankApps([app('Vital but stuck', 5, 1), app('Balanced', 3, 3)]);
    expect(ranked[0]?.app.name).toBe('Balanced');
  });

  it('breaks ties by business value, then by name', () => {
    const ranked = rankApps([app('b', 4, 2), app('c', 2, 4), app('a', 4, 2)]);
    expect(ranked.map((r) => r.app.name)).toEqual(['a', 'b', 'c']);
  });

  it('puts apps missing a score last, by name', () => {
    const ranked = rankApps([app('Zeta', null, null), app('Alpha', 3, null), app('Low', 1, 1)]);
    expect(ranked.map((r) => [r.app.name, r.combined])).toEqual([
      ['Low', 1],
      ['Alpha', null],
      ['Zeta', null],
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('refers to the apps themselves and does not change them', () => {
    const input = [{ ...app('x', 2, 2), id: 'id-x' }];
    const frozen = structuredClone(input);
    const ranked = rankApps(input);
    expect(ranked).toEqual([{ app: input[0], rank: 1, combined: 4 }]);
    expect(ranked[0]!.app).toBe(input[0]);
    expect(input).toEqual(frozen);
  });

  it('is a permutation of its input, sorted by combined score, unscored last', () => {
    const score = fc.option(
      fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ name: fc.string({ maxLength: 6 }), businessScore: score, technicalScore: score }),
          {
            maxLength: 40,
          },
        ),
        (apps) => {
          const withIds = apps.map((a, i) => ({ ...a, i }));
          const ranked = rankApps(withIds);
          expect(ranked.map((r) => r.app.i).sort((a, b) => a - b)).toEqual(withIds.map((a) => a.i));
          expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, k) => k + 1));
          for (let k = 1; k < ranked.length; k++) {
            const prev = ranked[k - 1]!.combined;
            const cur = ranked[k]!.combined;
            if (prev === null) expect(cur).toBeNull();
            else if (cur !== null) expect(prev).toBeGreaterThanOrEqual(cur);
          }
          for (const r of ranked) expect(r.combined).toBe(combinedScore(r.app));
          // Exactly the order of comparing names with the collator (input order for equal names).
          const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
          const reference = [...withIds].sort((a, b) => {
            const [x, y] = [combinedScore(a), combinedScore(b)];
            if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
            const byValue = x === null ? 0 : (b.businessScore ?? 0) - (a.businessScore ?? 0);
            return byValue || collator.compare(a.name, b.name);
          });
          expect(ranked.map((r) => r.app.i)).toEqual(reference.map((a) => a.i));
        },
      ),
    );
  });
});

describe('the scoring grid', () => {
  const app = (id: string, stage: AppStage, criteriaScores: Record<string, number> = {}) => ({
    id,
    name: id,
    stage,
    criteriaScores,
  });
  const full = { criticality: 4, visibility: 2, willingness: 5, fit: 3 };

  it('counts an app fully scored only with a 1–5 score on every criterion', () => {
    expect(isFullyScored(criteria, full)).toBe(true);
    expect(isFullyScored(criteria, { ...full, fit: 0 })).toBe(false);
    const { fit: _fit, ...three } = full;
    expect(isFullyScored(criteria, three)).toBe(false);
    expect(isFullyScored([], full)).toBe(false);
  });

  it("orders the criteria business first, then technical, each in the owner's order", () => {
    const mixed = [
      { id: 't2', axis: 'technical' as const, order: 1 },
      { id: 'b2', axis: 'business' as const, order: 3 },
      { id: 't1', axis: 'technical' as const, order: 0 },
      { id: 'b1', axis: 'business' as const, order: 2 },
    ];
    expect(criteriaInAxisOrder(mixed).map((c) => c.id)).toEqual(['b1', 'b2', 't1', 't2']);
  });

  it('lists the apps not fully scored, candidates first, then by stage and name', () => {
    const apps = [
      app('Orders', 'onboarding'),
      app('billing', 'candidate', { criticality: 3 }),
      app('Accounts', 'candidate'),
      app('Done', 'candidate', full),
      app('App 10', 'selected'),
      app('App 9', 'selected'),
    ];
    expect(scoringQueue(apps, criteria, { onlyUnscored: true }).map((a) => a.id)).toEqual([
      'Accounts',
      'billing',
      'App 9',
      'App 10',
      'Orders',
    ]);
    expect(scoringQueue(apps, criteria, { onlyUnscored: false }).map((a) => a.id)).toEqual([
      'Accounts',
      'billing',
      'Done',
      'App 9',
      'App 10',
      'Orders',
    ]);
  });

  it('keeps the apps scored since the list opened, so a row does not vanish when finished', () => {
    const apps = [app('Ledger', 'candidate', full), app('Search', 'candidate')];
    expect(scoringQueue(apps, criteria, { onlyUnscored: true }).map((a) => a.id)).toEqual(['Search']);
    expect(
      scoringQueue(apps, criteria, { onlyUnscored: true, keep: new Set(['Ledger']) }).map((a) => a.id),
    ).toEqual(['Ledger', 'Search']);
  });
});
