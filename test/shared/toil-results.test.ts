/** Toil audits: the template against the deck, and every calculation of the results. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersPerQuestion,
  applyTallyDelta,
  auditResults,
  compareAudits,
  DECK_TOIL_TEMPLATE,
  latestAuditPerGroup,
  meanOfCounts,
  parseAgreement,
  tallyResponses,
  toilHeatMap,
  wordingAt,
  type ToilAudit,
  type ToilItem,
  type ToilTally,
} from '../../shared/domain';

// The deck's slide "Find the Developer Toil, Confusion, Blockers", copied as it stands.
const SLIDE = `
- What are we making?
- We have a strong vision for our product, and we're doing important work together every day to fulfill that vision.
- I have the context I need to confidently make changes while I'm working.
- I am proud of the work I have delivered so far for our product.
- I am learning things that I look forward to applying to future products.
- My workstation seems to disappear out from under me while I'm working.
- It's easy to get my workstation into the state I need to develop our product.
- What aspect of our workstation setup is painful?
- It's easy to run our software on my workstation while I'm developing it.
- I can boot our software up into the state I need with minimal effort.
- What aspect of running our software locally is painful? What could we do to make it less painful?
- It's easy to run our test suites and to author new ones.
- Tests are a stable, reliable, seamless part of my workflow.
- Test failures give me the feedback I need on the code I am writing.
- What aspect of production support is painful?
- We collaborate well with the teams whose software we integrate with.
- When necessary, it is within my power to request timely changes from other teams.
- I have the resources I need to test and code confidently against other teams' integration points.
- What aspect of integrating with other teams is painful?
- I'm rarely impacted by breaking changes from other tracks of work.
- We almost always catch broken tests and code before they're merged in.
- What aspect of committing changes is painful?
- Our release process (CI/CD) from source control to our story acceptance environment is fully automated.
- If the release process (CI/CD) fails, I'm confident something is truly wrong, and I know I'll be able to track down the problem.
- Our team releases new versions of our software as often as the business needs us to.
- We are meeting our service-level agreements with a minimum of unplanned work.
- When something is wrong in production, we reproduce and solve the problem in a lower environment.
`;
const SLIDE_LINES = SLIDE.trim()
  .split('\n')
  .map((l) => l.replace(/^- /, ''));

const NOW = '2026-01-01T00:00:00.000Z';
function item(id: string, over: Partial<ToilItem> = {}): ToilItem {
  return {
    id,
    createdAt: NOW,
    updatedAt: NOW,
    kind: 'statement',
    text: `Statement ${id}`,
    order: 0,
    builtIn: false,
    reversed: false,
    retiredOn: null,
    revisions: [],
    ...over,
  };
}
function audit(
  id: string,
  date: string,
  teamId: string | null = 't1',
  appId: string | null = null,
): ToilAudit {
  return { id, createdAt: NOW, updatedAt: NOW, title: id, date, teamId, appId, cycleId: null, notes: '' };
}
const response = (auditId: string, scores: Record<string, number>) => ({ auditId, scores });
const tallyOf = (auditId: string, scores: Record<string, number>[]): ToilTally =>
  tallyResponses(scores.map((s) => response(auditId, s)))[0] ?? { id: auditId, responses: 0, counts: {} };

describe('the template', () => {
  it('holds every statement and question of the deck slide, word for word, in order', () => {
    expect(DECK_TOIL_TEMPLATE.map((i) => i.text)).toEqual(SLIDE_LINES);
    for (const i of DECK_TOIL_TEMPLATE) expect(i.kind).toBe(i.text.includes('?') ? 'question' : 'statement');
    expect(DECK_TOIL_TEMPLATE.filter((i) => i.kind === 'question')).toHaveLength(6);
    expect(DECK_TOIL_TEMPLATE.filter((i) => i.reversed).map((i) => i.text)).toEqual([
      "My workstation seems to disappear out from under me while I'm working.",
    ]);
  });
});

describe('means', () => {
  const a = item('a');
  const r = item('r', { reversed: true });
  const aud = audit('x', '2026-02-01');

  it('leaves "not applicable" out of a mean and counts it apart', () => {
    const tally = tallyOf('x', [{ a: 5 }, { a: 4 }, { a: 3 }, {}, { a: 2 }, {}]);
    const results = auditResults(aud, tally, [a], 3);
    expect(results.statements[0]).toMatchObject({
      answered: 4,
      notApplicable: 2,
      mean: 3.5,
      status: 'shown',
    });
    expect(results.statements[0]!.distribution).toEqual([0, 1, 1, 1, 1]);
  });

  it('turns reversed statements round: agreeing means more toil', () => {
    const tally = tallyOf('x', [{ r: 5 }, { r: 5 }, { r: 4 }, { r: 5 }, { r: 1 }]);
    const results = auditResults(aud, tally, [r], 5);
    expect(results.statements[0]!.mean).toBeCloseTo((1 + 1 + 2 + 1 + 5) / 5);
    expect(meanOfCounts([1, 0, 0, 0, 0], true)).toBe(5);
  });

  it('shows nothing when every answer is "not applicable"', () => {
    const results = auditResults(aud, tallyOf('x', [{}, {}, {}, {}, {}]), [a, r], 5);
    expect(results.shown).toBe(true);
    expect(results.statements.map((s) => [s.status, s.mean])).toEqual([
      ['no-answers', null],
      ['no-answers', null],
    ]);
    expect(results.score).toBeNull();
  });

  it('lists the weakest statement first', () => {
    const rows = Array.from({ length: 5 }, () => ({ a: 4, r: 4, b: 1 }));
    const results = auditResults(aud, tallyOf('x', rows), [a, r, item('b')], 5);
    expect(results.statements.map((s) => s.itemId)).toEqual(['b', 'r', 'a']);
    expect(results.score).toBeCloseTo((4 + 2 + 1) / 3);
  });

  it('reads any mean as between 1 and 5', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 5, maxLength: 5 }), fc.boolean(), (counts, reversed) => {
        const mean = meanOfCounts(counts as [number, number, number, number, number], reversed);
        if (counts.every((c) => c === 0)) return mean === null;
        return mean !== null && mean >= 1 && mean <= 5;
      }),
    );
  });
});

describe('the privacy threshold', () => {
  const a = item('a');
  const aud = audit('x', '2026-02-01');

  it('hides a team with 4 responses and shows it with 5', () => {
    const four = auditResults(aud, tallyOf('x', Array(4).fill({ a: 2 })), [a], 5);
    expect(four.shown).toBe(false);
    expect(four.responses).toBe(4);
    expect(four.statements[0]).toMatchObject({
      mean: null,
      distribution: null,
      answered: 0,
      status: 'too-few',
    });
    expect(four.score).toBeNull();
    expect(auditResults(aud, tallyOf('x', Array(5).fill({ a: 2 })), [a], 5).shown).toBe(true);
    expect(auditResults(aud, tallyOf('x', Array(4).fill({ a: 2 })), [a], 4).shown).toBe(true);
  });

  it('hides a statement too few answered even in a team shown, and leaves it out of the score', () => {
    const rows: Record<string, number>[] = [{ a: 5, b: 1 }, { a: 5 }, { a: 5 }, { a: 5 }, { a: 5 }];
    const results = auditResults(aud, tallyOf('x', rows), [a, item('b')], 5);
    expect(results.statements.find((s) => s.itemId === 'b')).toMatchObject({ status: 'too-few', mean: null });
    expect(results.score).toBe(5);
  });

  it('gives no free text of a hidden audit', () => {
    const q = item('q', { kind: 'question' });
    expect(answersPerQuestion(aud, [{ answers: { q: 'x' } }], [q], false)).toEqual([]);
    expect(answersPerQuestion(aud, [{ answers: { q: ' x ' } }, { answers: {} }], [q], true)).toEqual([
      { itemId: 'q', text: 'Statement q', answers: ['x'] },
    ]);
  });

  it('never lets the heat map’s all-teams mean reveal a hidden team (no differencing)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 9 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (teams) => {
          const audits = teams.map((_, i) => audit(`a${i}`, '2026-03-01', `t${i}`));
          const tallies = new Map(
            teams.map((scores, i) => [
              `a${i}`,
              tallyOf(
                `a${i}`,
                scores.map((s) => ({ a: s })),
              ),
            ]),
          );
          const map = toilHeatMap(audits, tallies, [a], 5, '2026-12-01');
          // The all-teams mean is the mean of the shown teams' answers alone: changing a hidden
          // team's answers never changes it.
          const shownScores = teams.filter((s) => s.length >= 5).flat();
          const expected = shownScores.length
            ? shownScores.reduce((x, y) => x + y, 0) / shownScores.length
            : null;
          if (expected === null) expect(map.allShown.a).toBeNull();
          else expect(map.allShown.a).toBeCloseTo(expected);
          expect(map.hiddenGroups).toBe(teams.filter((s) => s.length < 5).length);
          for (const row of map.rows) if (!row.shown) expect(row.means.a ?? null).toBeNull();
        },
      ),
    );
  });
});

/**
 * The heat map as it was first written, from each group's full auditResults: the reference the
 * leaner toilHeatMap must equal, value for value.
 */
function heatMapFromResults(
  audits: ToilAudit[],
  tallies: Map<string, ToilTally>,
  items: ToilItem[],
  threshold: number,
  today: string,
) {
  const statements = items.filter((i) => i.kind === 'statement' && (!i.retiredOn || today < i.retiredOn));
  const pooled = new Map(
    statements.map((s) => [s.id, [0, 0, 0, 0, 0] as [number, number, number, number, number]]),
  );
  let hiddenGroups = 0;
  const rows = latestAuditPerGroup(audits).map((a) => {
    const results = auditResults(a, tallies.get(a.id), statements, threshold);
    if (!results.shown) hiddenGroups++;
    const means: Record<string, number | null> = {};
    for (const st of results.statements) {
      means[st.itemId] = st.mean;
      const counts = pooled.get(st.itemId)!;
      st.distribution?.forEach((c, i) => (counts[i] = (counts[i] ?? 0) + c));
    }
    const group = a.teamId ? `team:${a.teamId}` : `app:${a.appId ?? ''}`;
    const { responses, shown, score } = results;
    return { group, auditId: a.id, date: a.date, responses, shown, means, score };
  });
  rows.sort((x, y) => {
    if ((x.score === null) !== (y.score === null)) return x.score === null ? 1 : -1;
    return (x.score ?? 0) - (y.score ?? 0) || x.group.localeCompare(y.group);
  });
  const allShown: Record<string, number | null> = {};
  for (const st of statements) allShown[st.id] = meanOfCounts(pooled.get(st.id)!, st.reversed);
  return {
    statements: statements.map(({ id, text, reversed }) => ({ id, text, reversed })),
    rows,
    allShown,
    hiddenGroups,
  };
}

describe('the heat map', () => {
  it('gives what each group’s own results give: means, scores, hidden groups, order', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const itemArb = fc.record({
      reversed: fc.boolean(),
      retiredOn: fc.constantFrom(null, '2026-02-01', '2026-06-01', '2027-01-01'),
      kind: fc.constantFrom('statement' as const, 'statement' as const, 'question' as const),
    });
    const auditArb = fc.record({
      team: fc.constantFrom('t1', 't2', 't3', 'T3', null),
      app: fc.constantFrom('p1', 'p2'),
      date: fc.constantFrom('2026-01-15', '2026-03-01', '2026-03-01', '2026-09-01', '2027-02-01'),
      responses: fc.array(fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 1, max: 5 })), {
        maxLength: 9,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 4, maxLength: 4 }),
        fc.array(auditArb, { maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        (itemSpecs, auditSpecs, threshold) => {
          const items = itemSpecs.map((spec, i) => item(ids[i]!, { ...spec, order: i }));
          const audits = auditSpecs.map((spec, i) => ({
            ...audit(`x${i}`, spec.date, spec.team, spec.app),
            createdAt: `2026-01-01T00:00:0${i}.000Z`,
          }));
          const tallies = new Map(
            auditSpecs.flatMap((spec, i) =>
              spec.responses.length ? [[`x${i}`, tallyOf(`x${i}`, spec.responses)] as const] : [],
            ),
          );
          for (const today of ['2026-05-01', '2026-12-01']) {
            expect(toilHeatMap(audits, tallies, items, threshold, today)).toEqual(
              heatMapFromResults(audits, tallies, items, threshold, today),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tallies', () => {
  it('a delta of removed and added responses gives the tallies a full recount gives', () => {
    const scores = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 5 }));
    const resp = fc.record({ auditId: fc.constantFrom('x', 'y'), scores });
    fc.assert(
      fc.property(fc.array(resp, { maxLength: 12 }), fc.array(resp, { maxLength: 6 }), (kept, extra) => {
        const start = new Map(tallyResponses([...kept, ...extra]).map((t) => [t.id, t]));
        const { put, deleted } = applyTallyDelta(start, extra, []);
        const after = new Map(start);
        for (const id of deleted) after.delete(id);
        for (const t of put) after.set(t.id, t);
        const recount = new Map(tallyResponses(kept).map((t) => [t.id, t]));
        expect([...after.keys()].sort()).toEqual([...recount.keys()].sort());
        for (const [id, t] of recount) expect(after.get(id)).toEqual(t);
      }),
    );
  });
});

describe('comparing two audits and rewording', () => {
  const reworded = item('a', {
    revisions: [{ text: 'Old wording', until: '2026-06-01' }],
    text: 'New wording',
  });
  const b = item('b');
  const early = audit('e', '2026-02-01');
  const late = audit('l', '2026-09-01');

  it('gives an audit the wording it was asked in', () => {
    expect(wordingAt(reworded, '2026-05-31')).toBe('Old wording');
    expect(wordingAt(reworded, '2026-06-01')).toBe('New wording');
  });

  it('says what improved, what got worse, and which statement was reworded', () => {
    const before = auditResults(early, tallyOf('e', Array(5).fill({ a: 2, b: 4 })), [reworded, b], 5);
    const after = auditResults(late, tallyOf('l', Array(6).fill({ a: 4, b: 3 })), [reworded, b], 5);
    const cmp = compareAudits({ audit: early, results: before }, { audit: late, results: after }, [
      reworded,
      b,
    ]);
    expect(cmp).toMatchObject({ improved: 1, worse: 1, same: 0, reworded: 1, comparable: true });
    expect(cmp.statements[0]).toMatchObject({
      itemId: 'a',
      change: 2,
      verdict: 'improved',
      earlierText: 'Old wording',
    });
    expect(cmp.statements[1]).toMatchObject({ itemId: 'b', change: -1, verdict: 'worse', earlierText: null });
    expect(cmp.scoreChange).toBeCloseTo(0.5);
  });

  it('compares nothing when either audit is hidden', () => {
    const before = auditResults(early, tallyOf('e', Array(4).fill({ b: 4 })), [b], 5);
    const after = auditResults(late, tallyOf('l', Array(6).fill({ b: 3 })), [b], 5);
    const cmp = compareAudits({ audit: early, results: before }, { audit: late, results: after }, [b]);
    expect(cmp.comparable).toBe(false);
    expect(cmp.statements.every((s) => s.change === null && s.after === null)).toBe(true);
  });

  it('does not ask a retired statement in later audits', () => {
    const retired = item('r', { retiredOn: '2026-06-01' });
    expect(auditResults(late, undefined, [retired], 5).statements).toEqual([]);
    expect(auditResults(early, undefined, [retired], 5).statements).toHaveLength(1);
  });
});

describe('latest audits and reading agreements', () => {
  it('takes each team’s latest audit, and an app’s when it has no team', () => {
    const list = [
      audit('1', '2026-01-01', 't1'),
      audit('2', '2026-05-01', 't1'),
      audit('3', '2026-03-01', null, 'app1'),
    ];
    expect(
      latestAuditPerGroup(list)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['2', '3']);
  });

  it('reads 1–5, the scale’s words and N/A, and names a score out of range', () => {
    expect(parseAgreement(' 4 ')).toEqual({ value: 4 });
    expect(parseAgreement('Strongly agree')).toEqual({ value: 5 });
    expect(parseAgreement('N/A')).toEqual({ value: null });
    expect(parseAgreement('')).toEqual({ value: null });
    expect(parseAgreement('7')).toEqual({
      problem: '“7” is outside the 1 to 5 scale (or N/A for not applicable)',
    });
    expect('problem' in parseAgreement('maybe')).toBe(true);
  });
});
