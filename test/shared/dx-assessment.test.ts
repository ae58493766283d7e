import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentReading,
  DX_POINT_SHORT,
  DX_POINTS,
  dxScoreInputSchema,
  meanScore,
  pointChanges,
  previousScored,
  radarRows,
  scoredCycles,
  scoresByCycle,
  type DxScore,
} from '../../shared/domain';

/**
 * The deck's two slides "A Successful Developer Experience (1/2)" and "(2/2)", as they read
 * (markdown of the slides, copied from the deck).
 */
const DECK_SLIDES = `
## A Successful Developer Experience (1/2)

1. Customer Focus: Treat internal developers like clients
2. Build, nourish and embrace a community around your platforms
3. Focus on end-to-end & deliver an integrated experience
4. Culture is critical
5. Cloud Blueprints
6. Cloud Parties
7. Self-service everything

## A Successful Developer Experience (2/2)

8. Clear responsibility model, boundaries and platform contract
9. Operationally stable, reliable, and has well-defined SLOs
10. Inherently secure
11. Streamline tooling for CI/CD
12. Enable innovation through managing risk
13. Automate, automate, automate!
14. Short time to Hello World!
15. Partner for success
`;

const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const C3 = '00000000-0000-4000-8000-000000000003';
const cycles = [
  { id: C1, index: 1, name: '' },
  { id: C2, index: 2, name: '' },
  { id: C3, index: 3, name: '' },
];
let n = 0;
function score(
  cycleId: string,
  point: number,
  value: number,
  updatedAt = '2026-01-01T10:00:00.000Z',
): DxScore {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: updatedAt,
    updatedAt,
    cycleId,
    point,
    score: value,
    note: '',
  };
}
const label = (c: { index: number }) => `Cycle ${c.index}`;

describe('the fifteen points', () => {
  it('are the deck’s, word for word and in its order', () => {
    const fromDeck = [...DECK_SLIDES.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(fromDeck).toHaveLength(15);
    expect(DX_POINTS.map((text, i) => [i + 1, text])).toEqual(fromDeck);
    expect(DX_POINT_SHORT).toHaveLength(15);
  });
});

describe('a score as entered', () => {
  it('is a whole number from 1 to 5 for one of the fifteen points, the field named when not', () => {
    const ok = dxScoreInputSchema.safeParse({ cycleId: C1, point: 15, score: 5, note: ' kept ' });
    expect(ok.success && ok.data.note).toBe('kept');
    const messages = (input: object) =>
      dxScoreInputSchema
        .safeParse({ cycleId: C1, point: 1, score: 3, ...input })
        .error?.issues.map((i) => i.message);
    expect(messages({ score: 0 })).toEqual(['Score must be at least 1']);
    expect(messages({ score: 6 })).toEqual(['Score must be at most 5']);
    expect(messages({ score: 2.5 })).toEqual(['Score must be a whole number']);
    expect(messages({ point: 16 })).toEqual(['Point must be at most 15']);
    expect(messages({ cycleId: 'x' })).toBeDefined();
  });
});

describe('the scores of each cycle', () => {
  it('keep one score per cycle and point: the one changed last, then the larger id', () => {
    const older = score(C1, 1, 2, '2026-01-01T10:00:00.000Z');
    const newer = score(C1, 1, 4, '2026-01-02T10:00:00.000Z');
    const tieA = score(C1, 2, 1, '2026-01-03T10:00:00.000Z');
    const tieB = {
      ...score(C1, 2, 5, '2026-01-03T10:00:00.000Z'),
      id: 'ffffffff-0000-4000-8000-000000000000',
    };
    for (const order of [
      [older, newer, tieA, tieB],
      [tieB, newer, tieA, older],
    ]) {
      const byCycle = scoresByCycle(order);
      expect(byCycle.get(C1)?.get(1)?.score).toBe(4);
      expect(byCycle.get(C1)?.get(2)?.score).toBe(5);
    }
  });

  it('average to the mean of the scored points; none scored is null', () => {
    const byCycle = scoresByCycle([score(C1, 1, 2), score(C1, 2, 5)]);
    expect(meanScore(byCycle.get(C1))).toBe(3.5);
    expect(meanScore(byCycle.get(C2))).toBeNull();
    expect(meanScore(new Map())).toBeNull();
  });

  it('list the scored cycles in the cycles’ order, skipping unscored and unknown ones', () => {
    const byCycle = scoresByCycle([
      score(C3, 1, 4),
      score(C1, 1, 2),
      score('00000000-0000-4000-8000-00000000dead', 1, 5),
    ]);
    const scored = scoredCycles([...cycles].reverse(), byCycle);
    expect(scored.map((s) => s.cycle.id)).toEqual([C1, C3]);
    expect(previousScored(scored, C3)?.cycle.id).toBe(C1);
    expect(previousScored(scored, C1)).toBeUndefined();
  });
});

describe('what changed between two cycles', () => {
  it('lists the points that fell, largest fall first, and those that rose; a point scored once is neither', () => {
    const byCycle = scoresByCycle([
      score(C1, 1, 4),
      score(C1, 2, 3),
      score(C1, 3, 2),
      score(C1, 4, 3),
      score(C2, 1, 3),
      score(C2, 2, 1),
      score(C2, 3, 4),
      score(C2, 4, 3),
      score(C2, 5, 5),
    ]);
    const { fell, rose } = pointChanges(byCycle.get(C1), byCycle.get(C2));
    expect(fell.map((c) => [c.point, c.before, c.after])).toEqual([
      [2, 3, 1],
      [1, 4, 3],
    ]);
    expect(fell[0]!.text).toBe(DX_POINTS[1]);
    expect(rose.map((c) => c.point)).toEqual([3]);
    expect(pointChanges(undefined, byCycle.get(C2))).toEqual({ fell: [], rose: [] });
  });

  it('never lists a point both as fallen and risen, and lists each change once (property)', () => {
    const scores = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
      minLength: 15,
      maxLength: 15,
    });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const records = [
          ...a.flatMap((v, i) => (v === undefined ? [] : [score(C1, i + 1, v)])),
          ...b.flatMap((v, i) => (v === undefined ? [] : [score(C2, i + 1, v)])),
        ];
        const byCycle = scoresByCycle(records);
        const { fell, rose } = pointChanges(byCycle.get(C1), byCycle.get(C2));
        const expected = a.filter((v, i) => v !== undefined && b[i] !== undefined && v !== b[i]).length;
        expect(fell.length + rose.length).toBe(expected);
        for (const c of fell) expect(c.after).toBeLessThan(c.before);
        for (const c of rose) expect(c.after).toBeGreaterThan(c.before);
      }),
    );
  });
});

describe('the radar and its reading', () => {
  it('has the fifteen points as axes with each cycle’s score, null where not scored', () => {
    const byCycle = scoresByCycle([score(C1, 1, 2), score(C2, 1, 3), score(C2, 15, 5)]);
    const rows = radarRows(scoredCycles(cycles, byCycle));
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ point: 1, short: 'Customer focus', [C1]: 2, [C2]: 3 });
    expect(rows[14]).toMatchObject({ point: 15, [C1]: null, [C2]: 5 });
  });

  it('reads the latest mean, its change on the previous scored cycle and how many points fell', () => {
    const all = (cycleId: string, value: number) => DX_POINTS.map((_, i) => score(cycleId, i + 1, value));
    const records = [...all(C1, 3), ...all(C2, 4).map((s) => (s.point === 7 ? { ...s, score: 2 } : s))];
    const scored = scoredCycles(cycles, scoresByCycle(records));
    expect(assessmentReading(scored[1], scored[0], label)).toBe(
      'Cycle 2 averages 3.9 of 5, up 0.9 on Cycle 1; 1 point fell.',
    );
    expect(assessmentReading(scored[0], undefined, label)).toBe(
      'Cycle 1 averages 3.0 of 5; the first cycle scored.',
    );
    expect(assessmentReading(undefined, undefined, label)).toBe('No cycle has been scored yet.');
    const partial = scoredCycles(cycles, scoresByCycle([score(C3, 1, 2)]));
    expect(assessmentReading(partial[0], scored[0], label)).toBe(
      'Cycle 3 averages 2.0 of 5 (1 of 15 points scored), down 1.0 on Cycle 1; 1 point fell.',
    );
  });
});
