/**
 * Streams a generated workspace into a backup file exactly as the app writes one
 * (shared/backup/backup.ts `backupToJson`: the envelope, then one record per line), without
 * holding the workspace or the file's text in memory. Files are cached under bench/.cache/ by
 * scale, seed and generator version, so repeated runs reuse them.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
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

/** Bump when the generator's output changes, so cached files are made again. */
const GENERATOR_VERSION = 2;
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

/** The cached workspace file for a scale (written first when it is not there yet). */
export function workspaceFile(options: WorkspaceOptions): WorkspaceFile {
  const seed = options.seed ?? WORKSPACE_DEFAULT_SEED;
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = resolve(CACHE_DIR, `workspace-v${GENERATOR_VERSION}-s${seed}-x${options.scale}.json`);
  const counts = workspaceCounts(options.scale);
  let generatedMs = 0;
  if (!existsSync(path)) {
    const started = performance.now();
    writeWorkspaceBackup(path, { ...options, seed });
    generatedMs = performance.now() - started;
  }
  return { path, bytes: statSync(path).size, counts, total: totalRecords(counts), generatedMs };
}
