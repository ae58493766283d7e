/**
 * Streams a generated workspace into a backup file exactly as the app writes one
 * (shared/backup/backup.ts `backupToJson`: the envelope, then one record per line), without
 * holding the workspace or the file's text in memory. Files are cached under bench/.cache/ by
 * scale, seed and a fingerprint of the generator (its source and the schema version), so repeated
 * runs reuse them and a changed generator makes them again.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../shared/backup/backup';
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/migrations';
import { DATA_TABLE_NAMES, type DataTableName } from '../../shared/schema/tables';
import {
  generateWorkspace,
  totalRecords,
  WORKSPACE_DEFAULT_SEED,
  workspaceCounts,
  type WorkspaceCounts,
  type WorkspaceOptions,
} from './generate';

/** The files whose change changes the generated workspace. */
const GENERATOR_SOURCES = ['generate.ts', 'calendar.ts', 'write.ts'];
const APP_VERSION = 'bench';
const EXPORTED_AT = '2025-12-15T18:00:00.000Z';
const FLUSH_AT = 1 << 20;

export const CACHE_DIR = resolve(import.meta.dirname, '../.cache');

export interface WorkspaceFile {
  path: string;
  bytes: number;
  counts: WorkspaceCounts;
  total: number;
  /** Milliseconds spent generating it; 0 when it came from the cache. */
  generatedMs: number;
}

/** Writes the workspace of `options` to `path` as a backup file; returns the counts. */
export function writeWorkspaceBackup(path: string, options: WorkspaceOptions): WorkspaceCounts {
  const temp = `${path}.partial`;
  const fd = openSync(temp, 'w');
  let buffer = '';
  const write = (text: string) => {
    buffer += text;
    if (buffer.length >= FLUSH_AT) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    write(
      [
        '{',
        `  "format": ${JSON.stringify(BACKUP_FORMAT)},`,
        `  "version": ${JSON.stringify(BACKUP_VERSION)},`,
        `  "schemaVersion": ${JSON.stringify(CURRENT_SCHEMA_VERSION)},`,
        `  "exportedAt": ${JSON.stringify(EXPORTED_AT)},`,
        `  "appVersion": ${JSON.stringify(APP_VERSION)},`,
        '  "tables": {',
        '',
      ].join('\n'),
    );
    const last = DATA_TABLE_NAMES.at(-1) as DataTableName;
    let rows = 0;
    const counts = generateWorkspace(options, {
      begin(name) {
        rows = 0;
        write(`    ${JSON.stringify(name)}: [`);
      },
      record(record) {
        write(`${rows++ === 0 ? '\n' : ',\n'}      ${JSON.stringify(record)}`);
      },
      end(name) {
        write(`${rows === 0 ? ']' : '\n    ]'}${name === last ? '' : ','}\n`);
      },
    });
    write('  }\n}\n');
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(temp, path);
    return counts;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * A short fingerprint of the generator: its source files and the schema version the backup
 * declares. A cached file made by another generator (before an area added its records, say) is
 * not reused.
 */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(resolve(import.meta.dirname, file)));
  hash.update(`schema ${CURRENT_SCHEMA_VERSION}`);
  return hash.digest('hex').slice(0, 10);
}

/** The cached workspace file for a scale (written first when it is not there yet). */
export function workspaceFile(options: WorkspaceOptions): WorkspaceFile {
  const seed = options.seed ?? WORKSPACE_DEFAULT_SEED;
  mkdirSync(CACHE_DIR, { recursive: true });
  const name = `workspace-${generatorFingerprint()}-s${seed}-x${options.scale}.json`;
  const path = resolve(CACHE_DIR, name);
  const counts = workspaceCounts(options.scale);
  let generatedMs = 0;
  if (!existsSync(path)) {
    // Files of an older generator at this scale and seed are stale: remove them (up to 1 GB at x5).
    const stale = new RegExp(`^workspace-.+-s${seed}-x${String(options.scale).replace('.', '\\.')}\\.json$`);
    for (const file of readdirSync(CACHE_DIR)) {
      if (file !== name && stale.test(file)) rmSync(resolve(CACHE_DIR, file), { force: true });
    }
    const started = performance.now();
    writeWorkspaceBackup(path, { ...options, seed });
    generatedMs = performance.now() - started;
  }
  return { path, bytes: statSync(path).size, counts, total: totalRecords(counts), generatedMs };
}
