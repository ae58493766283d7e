/**
 * The Toil audits area's writes on a real (in-memory) IndexedDB: responses added in one
 * transaction with the audit's tally kept beside them, a bad batch refused whole with its rows
 * named, rewording and retiring items, deleting an audit with its responses, Undo of each.
 */
import { describe, expect, it } from 'vitest';
import {
  auditResults,
  DECK_TOIL_TEMPLATE,
  tallyResponses,
  teamInputSchema,
  toilItemInputSchema,
  ValidationError,
  type Team,
  type ToilItem,
  type ToilTally,
} from '../../../shared/domain';
import { undoChanges } from '../../../renderer/db/changes';
import { buildRecord } from '../../../renderer/db/repository';
import {
  addItem,
  addResponses,
  deleteAudit,
  deleteResponse,
  rewordItem,
  saveAudit,
  setItemRetired,
} from '../../../renderer/features/toil/data/toil';
import { setPrivacyThreshold } from '../../../renderer/features/toil/data/preferences';
import { freshDatabases } from '../db/db-helpers';

const freshDb = freshDatabases('toil-data');

async function setUp() {
  const database = freshDb();
  const items = DECK_TOIL_TEMPLATE.map(
    (i) =>
      buildRecord(toilItemInputSchema, {
        kind: i.kind,
        text: i.text,
        order: i.order,
        builtIn: true,
        reversed: i.reversed,
      }) as ToilItem,
  );
  await database.toilItems.bulkAdd(items);
  const team = buildRecord(teamInputSchema, { name: 'Payments', kind: 'product' }) as Team;
  await database.teams.add(team);
  const { audit } = await saveAudit(
    { input: { title: 'Payments: before', date: '2026-03-02', teamId: team.id } },
    database,
  );
  const statements = items.filter((i) => i.kind === 'statement');
  const questions = items.filter((i) => i.kind === 'question');
  return { database, items, statements, questions, team, audit };
}

async function storedTally(database: Awaited<ReturnType<typeof setUp>>['database'], auditId: string) {
  return (await database.toilTallies.get(auditId)) as ToilTally | undefined;
}

describe('responses', () => {
  it('adds a batch in one go, keeps the tally equal to a recount, and Undo takes both away', async () => {
    const { database, statements, questions, audit } = await setUp();
    const rows = [4, 5, 3, 4, 2].map((n) => ({
      scores: { [statements[0]!.id]: n, [statements[1]!.id]: 6 - n },
      answers: { [questions[0]!.id]: `Answer ${n}` },
    }));
    const { added, undo } = await addResponses(audit.id, rows, database);
    expect(added).toBe(5);
    const responses = await database.toilResponses.where('auditId').equals(audit.id).toArray();
    expect(responses).toHaveLength(5);
    expect(await storedTally(database, audit.id)).toEqual(tallyResponses(responses)[0]);
    const results = auditResults(
      audit,
      await storedTally(database, audit.id),
      await database.toilItems.toArray(),
      5,
    );
    expect(results.shown).toBe(true);
    expect(results.statements.find((s) => s.itemId === statements[0]!.id)?.mean).toBeCloseTo(3.6);

    await undoChanges(database, undo);
    expect(await database.toilResponses.count()).toBe(0);
    expect(await storedTally(database, audit.id)).toBeUndefined();
  });

  it('refuses a batch with a score out of range or an item the audit does not ask, naming the rows, writing nothing', async () => {
    const { database, statements, questions, audit } = await setUp();
    const good = { scores: { [statements[0]!.id]: 3 }, answers: {} };
    const outOfRange = { scores: { [statements[2]!.id]: 7 }, answers: {} };
    const wrongKind = { scores: { [questions[0]!.id]: 3 }, answers: {} };
    const error = await addResponses(
      audit.id,
      [good, outOfRange, wrongKind, { scores: {}, answers: {} }],
      database,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const messages = (error as ValidationError).problems.map((p) => p.message);
    expect(messages).toEqual([
      `Respondent 2, “${statements[2]!.text}”: 7 is outside the 1 to 5 scale`,
      `Respondent 3: “${questions[0]!.text}” is not a statement this audit asks`,
      'Respondent 4: no answer at all; leave the row out',
    ]);
    expect(await database.toilResponses.count()).toBe(0);
    expect(await database.toilTallies.count()).toBe(0);
  });

  it('deletes one response, and the tally follows', async () => {
    const { database, statements, audit } = await setUp();
    await addResponses(
      audit.id,
      [
        { scores: { [statements[0]!.id]: 1 }, answers: {} },
        { scores: { [statements[0]!.id]: 5 }, answers: {} },
      ],
      database,
    );
    const [first] = await database.toilResponses.toArray();
    await deleteResponse(first!.id, database);
    const tally = await storedTally(database, audit.id);
    expect(tally?.responses).toBe(1);
    expect(tally?.counts[statements[0]!.id]?.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('audits', () => {
  it('refuses an audit without a team or an app, and one whose team does not exist', async () => {
    const { database } = await setUp();
    await expect(saveAudit({ input: { title: 'x', date: '2026-03-02' } }, database)).rejects.toThrow(
      'Choose a team or an app',
    );
    await expect(
      saveAudit({ input: { title: 'x', date: '2026-03-02', teamId: crypto.randomUUID() } }, database),
    ).rejects.toThrow('This team no longer exists');
  });

  it('deletes an audit with its responses and tally; Undo brings all back', async () => {
    const { database, statements, audit } = await setUp();
    await addResponses(audit.id, [{ scores: { [statements[0]!.id]: 2 }, answers: {} }], database);
    const { responses, undo } = await deleteAudit(audit.id, database);
    expect(responses).toBe(1);
    expect(await database.toilAudits.count()).toBe(0);
    expect(await database.toilResponses.count()).toBe(0);
    expect(await database.toilTallies.count()).toBe(0);
    await undoChanges(database, undo);
    expect(await database.toilResponses.count()).toBe(1);
    expect((await storedTally(database, audit.id))?.responses).toBe(1);
  });
});

describe('the template', () => {
  it('rewords an item: audits before keep the old wording; a second rewording the same day keeps it too', async () => {
    const { database, statements } = await setUp();
    const item = statements[0]!;
    const { item: once } = await rewordItem(
      item.id,
      'We know what we build and why.',
      item.text,
      '2026-06-01',
      database,
    );
    expect(once.revisions).toEqual([{ text: item.text, until: '2026-06-01' }]);
    const { item: twice } = await rewordItem(item.id, 'We know why.', once.text, '2026-06-01', database);
    expect(twice.revisions).toEqual([{ text: item.text, until: '2026-06-01' }]);
    expect(twice.text).toBe('We know why.');
  });

  it('refuses a rewording over a change made elsewhere', async () => {
    const { database, statements } = await setUp();
    const item = statements[0]!;
    await rewordItem(item.id, 'Changed elsewhere', item.text, '2026-06-01', database);
    await expect(rewordItem(item.id, 'Mine', item.text, '2026-06-01', database)).rejects.toThrow();
    expect((await database.toilItems.get(item.id))?.text).toBe('Changed elsewhere');
  });

  it('retires an item (no longer accepted in later audits) and asks it again', async () => {
    const { database, statements, audit, team } = await setUp();
    const item = statements[0]!;
    await setItemRetired(item.id, '2026-04-01', database);
    const { audit: later } = await saveAudit(
      { input: { title: 'later', date: '2026-05-02', teamId: team.id } },
      database,
    );
    await expect(
      addResponses(later.id, [{ scores: { [item.id]: 3 }, answers: {} }], database),
    ).rejects.toThrow('is not a statement this audit asks');
    // The earlier audit still asks it.
    await addResponses(audit.id, [{ scores: { [item.id]: 3 }, answers: {} }], database);
    await setItemRetired(item.id, null, database);
    await addResponses(later.id, [{ scores: { [item.id]: 3 }, answers: {} }], database);
    expect(await database.toilResponses.count()).toBe(2);
  });

  it('adds an item last and refuses a duplicate', async () => {
    const { database } = await setUp();
    const { item } = await addItem(
      { kind: 'statement', text: 'Our docs answer my questions.', reversed: false },
      database,
    );
    expect(item.order).toBe(DECK_TOIL_TEMPLATE.length);
    await expect(
      addItem({ kind: 'question', text: ' our docs answer my questions. ', reversed: false }, database),
    ).rejects.toThrow('The template already has this item');
    await expect(addItem({ kind: 'statement', text: '  ', reversed: false }, database)).rejects.toThrow(
      ValidationError,
    );
  });

  it('keeps the privacy threshold between 3 and 50', async () => {
    const { database } = await setUp();
    await setPrivacyThreshold(7, database);
    expect((await database.settings.get('toil.privacyThreshold'))?.value).toBe(7);
    await expect(setPrivacyThreshold(2, database)).rejects.toThrow('from 3 to 50');
    await expect(setPrivacyThreshold(Number.NaN, database)).rejects.toThrow(ValidationError);
  });
});
