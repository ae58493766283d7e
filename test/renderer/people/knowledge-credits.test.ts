/**
 * The knowledge map's summary of the sessions (derived table knowledgeCredits,
 * renderer/db/derived.ts) kept in the same transaction as every write to the sessions: it equals
 * a recount after any logs, edits, deletes and undos, and is computed by the demo and emptied by
 * deleting all data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { undoChanges } from '../../../renderer/db/changes';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { clearAllData, loadDemoProgram } from '../../../renderer/db/demo';
import {
  deleteSession,
  editSession,
  logSession,
  type SessionInput,
} from '../../../renderer/features/pairing/data/sessions';
import { addDaysIso, KNOWLEDGE_HALF_LIFE_DAYS } from '../../../shared/domain';
import { knowledgeCreditRows } from '../../../shared/domain/knowledge-credits';
import { expectSameRows } from '../../fixtures/knowledge-credits';
import { freshDatabases } from '../db/db-helpers';
import { seedPairing, type PairingWorld } from '../pairing/fixtures';

const freshDb = freshDatabases('knowledge-credits');

const input = (w: PairingWorld, over: Partial<SessionInput> = {}): SessionInput => ({
  date: '2026-04-14',
  durationMinutes: 90,
  personId: w.ana.id,
  partnerIds: [w.dev.id],
  appId: w.ledger.id,
  teamId: w.payments.id,
  goldenPathId: w.javaPath.id,
  topic: 'CI pipeline',
  notes: '',
  outcome: 'productive',
  ...over,
});

async function expectRowsEqualRecount(database: AdoptionDatabase) {
  const sessions = await database.pairingSessions.toArray();
  expectSameRows(
    await database.knowledgeCredits.toArray(),
    knowledgeCreditRows(sessions, KNOWLEDGE_HALF_LIFE_DAYS),
    '2026-06-01',
  );
}

describe('the knowledge map’s summary of the sessions', () => {
  it('equals a recount after any sequence of logs, edits, deletes and undos', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            op: fc.constantFrom('log', 'log', 'edit', 'edit-notes', 'delete', 'undo'),
            day: fc.integer({ min: 0, max: 200 }),
            minutes: fc.integer({ min: 1, max: 300 }),
            who: fc.nat(3),
            partners: fc.subarray([0, 1, 2, 3]),
            app: fc.nat(3),
            path: fc.boolean(),
            at: fc.nat(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (ops) => {
          const database = freshDb();
          const w = await seedPairing(database);
          const people = [w.ana, w.bo, w.dev, w.dev2];
          const apps = [w.ledger, w.cards, w.fraud, null];
          const ids: string[] = [];
          const undos = [];
          for (const o of ops) {
            const personId = people[o.who]!.id;
            const fields = {
              date: addDaysIso('2026-01-01', o.day),
              durationMinutes: o.minutes,
              personId,
              partnerIds: o.partners.map((i) => people[i]!.id).filter((id) => id !== personId),
              appId: apps[o.app]?.id ?? null,
              goldenPathId: o.path ? w.javaPath.id : null,
            };
            if (o.op === 'log' || ids.length === 0) {
              const saved = await logSession(input(w, fields), database);
              ids.push(saved.session.id);
              undos.push(saved.undo);
            } else if (o.op === 'edit') {
              undos.push((await editSession(ids[o.at % ids.length]!, fields, undefined, database)).undo);
            } else if (o.op === 'edit-notes') {
              const id = ids[o.at % ids.length]!;
              undos.push((await editSession(id, { notes: `note ${o.at}` }, undefined, database)).undo);
            } else if (o.op === 'delete') {
              const [id] = ids.splice(o.at % ids.length, 1);
              undos.push((await deleteSession(id!, database)).undo);
            } else {
              // The last write undone; refused (and so harmless) when a later one touched the record.
              await undoChanges(database, undos.pop()!).catch(() => undefined);
              ids.splice(0, ids.length, ...(await database.pairingSessions.toCollection().primaryKeys()));
            }
          }
          await expectRowsEqualRecount(database);
          database.close();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('is computed by the demo and emptied by deleting all data', async () => {
    const database = freshDb();
    await loadDemoProgram({ database, today: '2026-06-01' });
    expect(await database.knowledgeCredits.count()).toBeGreaterThan(0);
    await expectRowsEqualRecount(database);
    await clearAllData(database);
    expect(await database.knowledgeCredits.count()).toBe(0);
  });
});
