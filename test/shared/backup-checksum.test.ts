/** The backup file's checksum and clocks: a changed file is refused, clocks are checked like records. */
import { describe, expect, it } from 'vitest';
import {
  BackupFileError,
  backupFileText,
  backupToJson,
  makeBackup,
  parseBackup,
  verifyBackupChecksum,
} from '../../shared/backup/backup';
import { generateDemoProgram } from '../../shared/demo/generate';
import { DATA_TABLE_NAMES } from '../../shared/schema/tables';
import { fallbackHlc, formatHlc } from '../../shared/sync/hlc';

const META = { appVersion: '0.4.0', exportedAt: '2026-03-15T10:00:00.000Z' };
const demo = generateDemoProgram({ today: '2026-03-15' }) as unknown as Record<string, { id: string }[]>;
const tables = Object.fromEntries(DATA_TABLE_NAMES.map((n) => [n, (demo[n] ?? []).slice(0, 2)]));
const app = tables.apps![0]!;
const at = formatHlc({ ms: 1_700_000_000_000, counter: 0, device: 'dev-a' });
const clock = { id: `apps:${app.id}`, table: 'apps', key: app.id, fields: { name: at } };

describe('backup checksum', () => {
  it('writes a checksum that verifies, and reads the clocks back', async () => {
    const text = await backupFileText(makeBackup(tables, META, [clock]));
    expect(text.split('\n')[6]).toMatch(/^ {2}"checksum": "sha256-[0-9a-f]{64}",$/);
    expect(await verifyBackupChecksum(text)).toBe('verified');
    expect(await verifyBackupChecksum(`\ufeff${text}`)).toBe('verified');
    expect(parseBackup(text).clocks).toEqual([clock]);
    // A merge's clock of absent fields is kept (issue 13).
    const merged = { ...clock, absent: fallbackHlc('2026-02-01T00:00:00.000Z') };
    expect(parseBackup(await backupFileText(makeBackup(tables, META, [merged]))).clocks).toEqual([merged]);
  });

  it('refuses a file changed after export, naming what to do', async () => {
    const text = await backupFileText(makeBackup(tables, META, [clock]));
    const changed = text.replace(JSON.stringify(app.id), JSON.stringify(app.id.replace(/.$/, '0')));
    expect(changed).not.toBe(text);
    await expect(verifyBackupChecksum(changed)).rejects.toThrow(/changed or damaged after it was exported/);
    await expect(verifyBackupChecksum(text.slice(0, -40))).rejects.toBeInstanceOf(BackupFileError);
  });

  it('reads a file without a checksum (an older app, or reformatted by hand) as absent', async () => {
    const text = backupToJson(makeBackup(tables, META));
    expect(await verifyBackupChecksum(text)).toBe('absent');
    expect(parseBackup(text).clocks).toEqual([]);
    const minified = JSON.stringify(JSON.parse(await backupFileText(makeBackup(tables, META, [clock]))));
    expect(await verifyBackupChecksum(minified)).toBe('absent');
    expect(parseBackup(minified).clocks).toEqual([clock]);
  });

  it('refuses bad clocks with the entry and field', () => {
    const refuse = (clocks: unknown) => () =>
      parseBackup(JSON.stringify({ ...JSON.parse(backupToJson(makeBackup(tables, META))), clocks }));
    expect(refuse('x')).toThrow('clocks must be a list of clock entries');
    expect(refuse([{ ...clock, fields: { name: 'yesterday' } }])).toThrow(
      /clocks, entry 1, fields\.name: must be a clock/,
    );
    expect(refuse([{ ...clock, id: 'apps:other' }])).toThrow(
      /clocks, entry 1, id: id must be the table and the key/,
    );
    expect(refuse([{ ...clock, id: `nope:${app.id}`, table: 'nope' }])).toThrow(
      /"nope" is not a table of the backup/,
    );
    expect(refuse([clock, clock])).toThrow(/clocks, entry 2, id: .* is there twice/);
    expect(refuse([{ ...clock, deleted: at }])).toThrow(/is both there and deleted/);
    expect(refuse([{ ...clock, absent: 'later' }])).toThrow(/clocks, entry 1, absent: must be a clock/);
  });
});
