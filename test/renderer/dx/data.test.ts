/** The DX self-assessment's write on a real (in-memory) IndexedDB: per-point records, conflicts, refusals, undo. */
import { describe, expect, it } from 'vitest';
import { EditConflictError, ValidationError } from '../../../shared/domain';
import { undoChanges } from '../../../renderer/db/changes';
import { RecordNotFoundError } from '../../../renderer/db/repository';
import { assessmentOf, saveAssessment } from '../../../renderer/features/dx/data/scores';
import { cycleRecord, freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('dx-data');

async function withCycle() {
  const database = freshDb();
  const cycle = cycleRecord({ index: 1, startDate: '2026-01-05', endDate: '2026-04-06' });
  await database.cycles.add(cycle);
  return { database, cycle };
}

describe('saveAssessment', () => {
  it('writes one record per point scored, and Undo takes them away', async () => {
    const { database, cycle } = await withCycle();
    const { changed, undo } = await saveAssessment(
      cycle.id,
      { score1: 3, note1: 'Office hours weekly', score14: 5 },
      { score1: null, note1: '', score14: null },
      database,
    );
    expect(changed).toBe(2);
    const records = await database.dxScores.toArray();
    expect(records.map((r) => [r.point, r.score, r.note]).sort()).toEqual([
      [1, 3, 'Office hours weekly'],
      [14, 5, ''],
    ]);
    expect(assessmentOf(records, cycle.id)).toMatchObject({ score1: 3, score2: null, score14: 5, note2: '' });
    await undoChanges(database, undo);
    expect(await database.dxScores.count()).toBe(0);
  });

  it('changes only the points the form changed: two people scoring different points both keep theirs', async () => {
    const { database, cycle } = await withCycle();
    await saveAssessment(cycle.id, { score1: 2 }, { score1: null }, database);
    // Another window, opened before the first save, scores point 2 only.
    await saveAssessment(cycle.id, { score2: 4 }, { score2: null }, database);
    const form = assessmentOf(await database.dxScores.toArray(), cycle.id);
    expect([form.score1, form.score2]).toEqual([2, 4]);
    // Rescoring updates the point's record in place.
    await saveAssessment(cycle.id, { score1: 3 }, { score1: 2 }, database);
    expect(await database.dxScores.count()).toBe(2);
  });

  it('counts a cleared score as a change, and a point cleared that was never scored as none', async () => {
    const { database, cycle } = await withCycle();
    await saveAssessment(cycle.id, { score1: 2, score2: 4 }, { score1: null, score2: null }, database);
    const { changed } = await saveAssessment(
      cycle.id,
      { score1: null, score2: 5, score3: null },
      { score1: 2, score2: 4, score3: null },
      database,
    );
    expect(changed).toBe(2);
    const form = assessmentOf(await database.dxScores.toArray(), cycle.id);
    expect([form.score1, form.score2, form.score3]).toEqual([null, 5, null]);
  });

  it('refuses a point changed elsewhere since the form followed it, writing nothing', async () => {
    const { database, cycle } = await withCycle();
    await saveAssessment(cycle.id, { score5: 2 }, { score5: null }, database);
    await saveAssessment(cycle.id, { score5: 4 }, { score5: 2 }, database);
    const stale = saveAssessment(cycle.id, { score5: 1, score6: 3 }, { score5: 2, score6: null }, database);
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    const form = assessmentOf(await database.dxScores.toArray(), cycle.id);
    expect([form.score5, form.score6]).toEqual([4, null]);
  });

  it('refuses a score outside 1–5 and a note without a score, naming the point, writing nothing', async () => {
    const { database, cycle } = await withCycle();
    const refused = saveAssessment(cycle.id, { score3: 7, score4: 2, note9: 'Why?' }, undefined, database);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    const problems = ((await refused.catch((e: unknown) => e)) as ValidationError).problems;
    expect(problems).toEqual([
      { field: 'score3', message: 'Point 3: Score must be at most 5' },
      { field: 'score9', message: 'Point 9: give a score with the note' },
    ]);
    expect(await database.dxScores.count()).toBe(0);
  });

  it('clears a point set back to “not scored”, and Undo brings it back', async () => {
    const { database, cycle } = await withCycle();
    await saveAssessment(cycle.id, { score7: 3, note7: 'Portal' }, undefined, database);
    const { undo } = await saveAssessment(
      cycle.id,
      { score7: null, note7: '' },
      { score7: 3, note7: 'Portal' },
      database,
    );
    expect(await database.dxScores.count()).toBe(0);
    await undoChanges(database, undo);
    expect(assessmentOf(await database.dxScores.toArray(), cycle.id)).toMatchObject({
      score7: 3,
      note7: 'Portal',
    });
  });

  it('refuses a cycle that no longer exists, and the cycle cannot be deleted while scored', async () => {
    const { database, cycle } = await withCycle();
    await expect(
      saveAssessment('00000000-0000-4000-8000-000000000000', { score1: 1 }, undefined, database),
    ).rejects.toBeInstanceOf(RecordNotFoundError);
    await saveAssessment(cycle.id, { score1: 1 }, undefined, database);
    const { deleteCycle } = await import('../../../renderer/features/plan/data/cycles');
    await expect(deleteCycle(cycle.id, database)).rejects.toThrow(/1 self-assessment score refers to it/);
  });
});
