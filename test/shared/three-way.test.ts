/** Field-by-field edits: following the stored record, saving only what changed, and conflicts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, editPatch, rebaseDraft, sameValue, staleFields } from '../../shared/domain/three-way';

const base = {
  name: 'Payments',
  description: '',
  stage: 'candidate',
  goldenPathIds: ['a'],
  scores: { x: 1 },
};

describe('sameValue', () => {
  it('compares arrays and objects by content, and treats null, undefined and "" alike', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ x: 1, y: null }, { x: 1 })).toBe(true);
    expect(sameValue({ x: 1 }, { x: 2 })).toBe(false);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(0, '')).toBe(false);
    expect(sameValue('0', 0)).toBe(false);
  });
});

describe('rebaseDraft', () => {
  it('lets fields the user did not touch follow the stored record', () => {
    const mine = { ...base, name: 'Payments API' };
    const theirs = { ...base, description: 'Card payments', stage: 'selected' };
    const { draft, conflicts } = rebaseDraft(base, mine, theirs);
    expect(draft).toEqual({ ...base, name: 'Payments API', description: 'Card payments', stage: 'selected' });
    expect(conflicts).toEqual([]);
  });

  it('keeps the user value and reports a conflict when both sides changed a field differently', () => {
    const mine = { ...base, stage: 'onboarding' };
    const theirs = { ...base, stage: 'selected' };
    const { draft, conflicts } = rebaseDraft(base, mine, theirs);
    expect(draft.stage).toBe('onboarding');
    expect(conflicts).toEqual([{ field: 'stage', mine: 'onboarding', theirs: 'selected' }]);
  });

  it('sees no conflict when both sides made the same change', () => {
    const mine = { ...base, goldenPathIds: ['a', 'b'] };
    expect(rebaseDraft(base, mine, { ...base, goldenPathIds: ['a', 'b'] }).conflicts).toEqual([]);
  });
});

describe('editPatch and staleFields', () => {
  it('writes only the changed fields, with the values they had when the form opened', () => {
    const mine = { ...base, name: 'Payments API', scores: { x: 2 } };
    expect(editPatch(base, mine)).toEqual({
      patch: { name: 'Payments API', scores: { x: 2 } },
      expected: { name: 'Payments', scores: { x: 1 } },
    });
    expect(changedFields(base, base)).toEqual([]);
  });

  it('refuses a save over a field changed elsewhere, not over other fields', () => {
    const edit = editPatch(base, { ...base, name: 'Payments API' });
    expect(staleFields({ ...base, description: 'changed elsewhere' }, edit)).toEqual([]);
    expect(staleFields({ ...base, name: 'Pay' }, edit)).toEqual([
      { field: 'name', mine: 'Payments API', theirs: 'Pay' },
    ]);
    // Changed elsewhere to the same value: nothing to choose.
    expect(staleFields({ ...base, name: 'Payments API' }, edit)).toEqual([]);
  });

  const record = fc.record({
    a: fc.constantFrom('x', 'y', 'z'),
    b: fc.integer({ min: 0, max: 3 }),
    c: fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }),
  });

  it('never loses the other side: a save over a rebased draft keeps every change made elsewhere', () => {
    fc.assert(
      fc.property(record, record, record, (start, mine, theirs) => {
        const { draft, conflicts } = rebaseDraft(start, mine, theirs);
        const edit = editPatch(theirs, draft);
        const saved = { ...theirs, ...edit.patch };
        for (const key of Object.keys(start) as (keyof typeof start)[]) {
          const userChanged = !sameValue(mine[key], start[key]);
          if (!userChanged) expect(sameValue(saved[key], theirs[key])).toBe(true);
          else if (!conflicts.some((c) => c.field === key))
            expect(sameValue(saved[key], mine[key])).toBe(true);
        }
        // After a rebase, the store holds the new base: nothing is stale.
        expect(staleFields(theirs, edit)).toEqual([]);
      }),
    );
  });

  it('a save from a stale base is refused exactly where both sides differ', () => {
    fc.assert(
      fc.property(record, record, record, (start, mine, theirs) => {
        const stale = staleFields(theirs, editPatch(start, mine)).map((c) => c.field);
        const expected = (Object.keys(start) as (keyof typeof start)[]).filter(
          (k) =>
            !sameValue(mine[k], start[k]) &&
            !sameValue(theirs[k], start[k]) &&
            !sameValue(theirs[k], mine[k]),
        );
        expect(stale.sort()).toEqual([...expected].sort());
      }),
    );
  });
});
