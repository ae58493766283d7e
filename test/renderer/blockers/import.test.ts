/** A RAID-log import written to a real (in-memory) IndexedDB: one transaction, history as the log says, undo. */
import { describe, expect, it } from 'vitest';
import { blockersImport, type BlockerImportLinks } from '../../../shared/import/blockers/definition';
import { guessMapping, mapRows } from '../../../shared/import/mapping';
import { planRecords } from '../../../shared/import/matching';
import { parseCsvFile } from '../../../shared/import/read/csv';
import { ImportCanceledError } from '../../../shared/import/types';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { changeBlockerStatus, createBlocker } from '../../../renderer/features/blockers/data/blockers';
import { applyBlockerImport } from '../../../renderer/features/blockers/data/import';
import { freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('blockers-import');
const LINKS: BlockerImportLinks = { people: [], teams: [], cycles: [], apps: [] };
const definition = blockersImport(LINKS);

async function planOf(database: AdoptionDatabase, lines: string[]) {
  const table = parseCsvFile(lines.join('\n'));
  const parsed = mapRows(definition, table, guessMapping(definition.fields, table.headers));
  const stored = (await database.blockers.toArray()).map((b) => ({ id: b.id, title: b.title }));
  return planRecords(definition, stored, parsed);
}

const HEADER = 'Title,Category,Sub-category,Severity,Status,Opened on,Resolved on,Mitigation';

describe('importing a RAID log', () => {
  it('creates blockers with the history the log says, in one step that Undo takes back', async () => {
    const database = freshDb();
    const plan = await planOf(database, [
      HEADER,
      'Open one,People & Culture,Org. structure,High,Open,2026-01-05,,',
      'Mitigating one,Plans & Alignment,Budgeting,,Mitigating,2026-01-06,,Bridge budget',
      'Closed one,Technical Execution,Other,Critical,,2026-01-07,2026-01-20,Fixed',
    ]);
    const progress: number[] = [];
    const result = await applyBlockerImport(
      plan,
      '2026-02-01',
      { onProgress: (p) => progress.push(p.done) },
      database,
    );
    expect(result).toMatchObject({ created: 3, updated: 0, rejected: [] });
    expect(progress.at(-1)).toBe(3);
    const byTitle = new Map((await database.blockers.toArray()).map((b) => [b.title, b]));
    expect(byTitle.get('Open one')).toMatchObject({
      severity: 'high',
      status: 'open',
      statusHistory: [{ status: 'open', on: '2026-01-05' }],
    });
    expect(byTitle.get('Mitigating one')).toMatchObject({
      severity: 'medium',
      mitigation: 'Bridge budget',
      statusHistory: [
        { status: 'open', on: '2026-01-06' },
        { status: 'mitigating', on: '2026-01-06' },
      ],
    });
    expect(byTitle.get('Closed one')).toMatchObject({
      status: 'resolved',
      resolvedOn: '2026-01-20',
      category: 'technical-execution',
      subCategory: 'Other',
    });
    await undoChanges(database, result.undo);
    expect(await database.blockers.count()).toBe(0);
  });

  it('updates the blockers it matches by title: new status appended, never back from resolved', async () => {
    const database = freshDb();
    const { blocker: open } = await createBlocker(
      {
        title: 'Quota',
        category: 'technical-execution',
        subCategory: 'Other',
        severity: 'low',
        openedOn: '2026-01-05',
        notes: 'Kept',
      },
      database,
    );
    const { blocker: done } = await createBlocker(
      {
        title: 'Done already',
        category: 'technical-execution',
        subCategory: 'Other',
        severity: 'low',
        openedOn: '2026-01-05',
      },
      database,
    );
    await changeBlockerStatus({ id: done.id, status: 'resolved', on: '2026-01-10' }, database);
    const plan = await planOf(database, [
      HEADER,
      'quota,Technical Execution,Other,High,Resolved,2026-01-05,2026-01-25,',
      'Done already,Technical Execution,Other,,Open,2026-01-05,,',
    ]);
    const result = await applyBlockerImport(plan, '2026-02-01', {}, database);
    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(result.rejected).toEqual([
      {
        location: 'Row 3',
        field: 'Status',
        problem: 'is resolved in the app; reopening needs a note: reopen it on the blocker’s page',
      },
    ]);
    expect(await database.blockers.get(open.id)).toMatchObject({
      title: 'quota',
      severity: 'high',
      notes: 'Kept',
      status: 'resolved',
      resolvedOn: '2026-01-25',
      statusHistory: [
        { status: 'open', on: '2026-01-05' },
        { status: 'resolved', on: '2026-01-25' },
      ],
    });
    expect((await database.blockers.get(done.id))?.status).toBe('resolved');
  });

  it('writes nothing when cancelled', async () => {
    const database = freshDb();
    const plan = await planOf(database, [HEADER, 'One,People & Culture,Other,,,2026-01-05,,']);
    const controller = new AbortController();
    controller.abort();
    await expect(
      applyBlockerImport(plan, '2026-02-01', { signal: controller.signal }, database),
    ).rejects.toBeInstanceOf(ImportCanceledError);
    expect(await database.blockers.count()).toBe(0);
  });
});
