/**
 * Merging a backup into a workspace, end to end through the file format and IndexedDB: the
 * "Done when" round trip of issue 13 (a year of the demo survives export → merge → restore →
 * reload identical in every table), the advocate's sessions merged into the owner's workspace,
 * and the same result on two machines whichever merges first.
 */
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../renderer/db/backup';
import { AdoptionDatabase, DATA_TABLES } from '../../../renderer/db/database';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { mergeBackup, MergeRefusedError, previewMerge } from '../../../renderer/db/merge-import';
import { logSession } from '../../../renderer/features/pairing/data/sessions';
import { backupFileText, parseBackup, verifyBackupChecksum } from '../../../shared/backup/backup';
import { recountTotals, type SessionFacts } from '../../../shared/domain/pairing';
import { freshDatabases, snapshot } from './db-helpers';

const freshDb = freshDatabases('merge-import');
const TODAY = '2026-06-15';
/** Every table a backup holds: the data tables and the clocks. */
const ALL = [...DATA_TABLES, 'clocks'];

/** The workspace as a backup file, read back as the Data screen reads it (checksum, then checks). */
async function exported(database: AdoptionDatabase) {
  const text = await backupFileText(await exportBackup(database));
  expect(await verifyBackupChecksum(text)).toBe('verified');
  return parseBackup(text, DATA_TABLES);
}

async function restoredCopy(database: AdoptionDatabase): Promise<AdoptionDatabase> {
  const copy = freshDb();
  await restoreBackup(await exported(database), copy);
  return copy;
}

describe('merging a backup', () => {
  it('round trip: a year of the demo survives export → merge into an empty workspace → restore → reload, identical in every table', async () => {
    const source = freshDb();
    await loadDemoProgram({ database: source, today: TODAY });
    // A few stamped changes too, so the clocks travel with the records.
    const apps = await source.apps.limit(3).toArray();
    for (const app of apps) await source.apps.update(app.id, { description: `Edited ${app.name}` });
    await source.blockers.delete((await source.blockers.toCollection().first())!.id);
    const expected = await snapshot(source, ALL);
    expect(expected.clocks!.length).toBe(4);

    const target = freshDb();
    const summary = await mergeBackup(target, await exported(source));
    const records = DATA_TABLES.reduce((n, t) => n + expected[t]!.length, 0);
    expect(summary.counts).toEqual({ added: records, changed: 0, deleted: 0 });
    expect(summary.conflictCount).toBe(0);
    expect(await snapshot(target, ALL)).toEqual(expected);

    const restored = await restoredCopy(target);
    const name = restored.name;
    restored.close();
    const reloaded = new AdoptionDatabase(name);
    expect(await snapshot(reloaded, ALL)).toEqual(expected);
    // The derived totals are those of the records.
    expect(await snapshot(reloaded, ['pairingTotals'])).toEqual(await snapshot(source, ['pairingTotals']));
    reloaded.close();
  });

  it('round trip into a differently edited workspace: both sides’ changes kept, and the same on both machines', async () => {
    const owner = freshDb();
    await loadDemoProgram({ database: owner, today: TODAY });
    const copy = await restoredCopy(owner);
    const [a, b] = await owner.apps.limit(2).toArray();
    const blocker = (await owner.blockers.toCollection().first())!;
    // On the owner's machine: a's description; on the other: a's stage notes and b's name, and a blocker deleted.
    await owner.apps.update(a!.id, { description: 'Owner wrote this' });
    await copy.apps.update(a!.id, { name: 'Renamed on the copy' });
    await copy.apps.update(b!.id, { name: 'Also renamed' });
    await copy.blockers.delete(blocker.id);

    const ownerFile = await exported(owner);
    const copyFile = await exported(copy);
    const intoOwner = await mergeBackup(owner, copyFile);
    expect(intoOwner.counts).toEqual({ added: 0, changed: 2, deleted: 1 });
    expect(intoOwner.conflictCount).toBe(0);
    await mergeBackup(copy, ownerFile);

    const merged = await snapshot(owner, ALL);
    expect(await snapshot(copy, ALL)).toEqual(merged);
    const mergedA = (await owner.apps.get(a!.id))!;
    expect([mergedA.name, mergedA.description]).toEqual(['Renamed on the copy', 'Owner wrote this']);
    expect((await owner.apps.get(b!.id))!.name).toBe('Also renamed');
    expect(await owner.blockers.get(blocker.id)).toBeUndefined();

    // Restored and reloaded elsewhere: identical in every table.
    const restored = await restoredCopy(owner);
    expect(await snapshot(restored, ALL)).toEqual(merged);
    // Merging again changes nothing.
    expect((await previewMerge(owner, copyFile)).counts).toEqual({ added: 0, changed: 0, deleted: 0 });
  });

  it('an advocate’s export merged into the owner’s workspace adds the advocate’s sessions and changes nothing else', async () => {
    const owner = freshDb();
    await loadDemoProgram({ database: owner, today: TODAY });
    const advocate = await restoredCopy(owner);
    // The advocate logs three sessions, through the app's own command.
    const person =
      (await advocate.people.toArray()).find((p) => p.roles.includes('advocate')) ??
      (await advocate.people.toCollection().first())!;
    const logged = [];
    for (const topic of ['Pipelines', 'Secrets', 'Dashboards'])
      logged.push(
        (await logSession({ date: '2026-06-10', durationMinutes: 90, personId: person.id, topic }, advocate))
          .session,
      );
    // Meanwhile the owner renames an app.
    const app = (await owner.apps.toCollection().first())!;
    await owner.apps.update(app.id, { name: 'Renamed by the owner' });
    const before = await snapshot(owner, DATA_TABLES);

    const file = await exported(advocate);
    expect((await previewMerge(owner, file)).counts).toEqual({ added: 3, changed: 0, deleted: 0 });
    const summary = await mergeBackup(owner, file);
    expect(summary.perTable).toEqual({ pairingSessions: { added: 3, changed: 0, deleted: 0 } });
    expect(summary.conflictCount).toBe(0);

    const after = await snapshot(owner, DATA_TABLES);
    for (const table of DATA_TABLES) {
      if (table === 'pairingSessions') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    expect(after.pairingSessions).toEqual(
      [...before.pairingSessions!, ...logged].sort((x, y) =>
        (x as { id: string }).id < (y as { id: string }).id ? -1 : 1,
      ),
    );
    expect((await owner.apps.get(app.id))!.name).toBe('Renamed by the owner');
    // The hours totals count the new sessions.
    const totals = recountTotals((await owner.pairingSessions.toArray()) as SessionFacts[]);
    expect(await snapshot(owner, ['pairingTotals'])).toEqual({
      pairingTotals: [...totals].sort((x, y) => (x.id < y.id ? -1 : 1)),
    });
  });

  it('refuses a backup of another program, changing nothing', async () => {
    const mine = freshDb();
    await loadDemoProgram({ database: mine, today: TODAY });
    const file = await exported(mine);
    const other = {
      ...file,
      tables: {
        ...file.tables,
        program: [{ ...file.tables.program[0]!, id: crypto.randomUUID(), name: 'Other' }],
      },
    };
    const before = await snapshot(mine, ALL);
    await expect(mergeBackup(mine, other)).rejects.toBeInstanceOf(MergeRefusedError);
    await expect(previewMerge(mine, other)).rejects.toThrow(/another program \(“Other”/);
    expect(await snapshot(mine, ALL)).toEqual(before);
  });

  it('refuses a merge that would give two cycles the same number (or two metrics one key), naming them, changing nothing', async () => {
    const mine = freshDb();
    await loadDemoProgram({ database: mine, today: TODAY });
    // The demo built around another day: the same program, but cycles and metrics of its own.
    const other = freshDb();
    await loadDemoProgram({ database: other, today: '2025-03-01' });
    const before = await snapshot(mine, ALL);
    const refused = await mergeBackup(mine, await exported(other)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MergeRefusedError);
    expect((refused as Error).message).toMatch(
      /the result would hold two (cycles with index|metrics with key) /,
    );
    expect(await snapshot(mine, ALL)).toEqual(before);
  });

  it('a cancelled merge changes nothing', async () => {
    const owner = freshDb();
    await loadDemoProgram({ database: owner, today: TODAY });
    const target = freshDb();
    const before = await snapshot(target, ALL);
    const controller = new AbortController();
    let calls = 0;
    await expect(
      mergeBackup(target, await exported(owner), {
        signal: controller.signal,
        chunkSize: 100,
        onProgress: () => {
          if (++calls === 3) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(target, ALL)).toEqual(before);
  });
});
