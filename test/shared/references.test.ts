/** Links between records: which fields point where, and how a record is repaired when a target is gone. */
import { describe, expect, it } from 'vitest';
import { REFERENCES, repairLinks, linkedIds } from '../../shared/schema/references';
import { RECORD_SCHEMAS } from '../../shared/schema/tables';

describe('references', () => {
  it('names only tables and fields that exist', () => {
    for (const [table, refs] of Object.entries(REFERENCES)) {
      expect(Object.keys(RECORD_SCHEMAS)).toContain(table);
      for (const ref of refs ?? []) expect(Object.keys(RECORD_SCHEMAS)).toContain(ref.target);
    }
  });

  it('nulls an optional link, filters a many link, and lists a broken required one', () => {
    const record = { teamId: 't1', goldenPathIds: ['g1', 'g2'], personId: 'p1', partnerIds: ['p2'] };
    const exists = (_table: string, id: string) => id === 'g2' || id === 'p2';
    const apps = repairLinks('apps', record, exists);
    expect(apps.record).toMatchObject({ teamId: null, goldenPathIds: ['g2'] });
    expect(apps.broken).toEqual([]);
    const session = repairLinks('pairingSessions', record, exists);
    expect(session.broken.map((r) => r.field)).toEqual(['personId']);
  });

  it('returns the same object when every link holds', () => {
    const record = { teamId: null, cycleId: 'c1', goldenPathIds: [] };
    expect(repairLinks('apps', record, () => true).record).toBe(record);
    expect(linkedIds(record, REFERENCES.apps![0]!)).toEqual([]);
  });
});
