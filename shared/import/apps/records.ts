/**
 * What an apps import produces, whatever the file: app and team records ready to be planned
 * against the database, the rows or documents that were rejected (with the reason for each), and
 * what was skipped on purpose. The CSV (definition.ts) and Backstage (backstage.ts) readers both
 * end in a {@link ParsedImport}; the keys re-imports match on are defined here.
 *
 * The merge rule for records: an import never blanks out a stored value. An empty cell, an
 * unmapped column or a missing entity field (undefined, null or '') leaves what the app already
 * has as it is; a value replaces it. See `importRecordPatch` in plan.ts.
 */
import { z } from 'zod';
import { APP_STAGES, checkAppDateOrder, type AppStage } from '../../domain/apps';
import type { IsoDate } from '../../domain/dates';
import { isoDayNumber } from '../../domain/pipeline';
import type { ImportResult, RejectedRow, SkippedCount } from '../types';
import type { ValueMapping } from '../values';

export interface AppImportRecord {
  name: string;
  /** The owning team by name; teams that do not exist yet are created by the import. */
  teamName: string | null;
  /**
   * The owning team's entity ref in a catalog (`group:default/payments-team`): the team is found
   * by it before its name (apps/teams.ts). Absent for a CSV, which only names teams.
   */
  teamRef?: string | null;
  description: string;
  /** CMDB id or Backstage entity ref; the key re-imports match on. */
  externalId: string | null;
  lifecycle: string;
  system: string;
  stage?: AppStage;
  businessScore?: number | null;
  technicalScore?: number | null;
  selectedOn?: IsoDate | null;
  firstDeployOn?: IsoDate | null;
  productionOn?: IsoDate | null;
}

/** A team a catalog declares (a Backstage Group). */
export interface TeamImportRecord {
  /** Its display name: the team's name. */
  name: string;
  /** The team's notes. */
  description: string;
  /** Its entity ref, `group:<namespace>/<name>`: the team's external ref. */
  externalId: string | null;
}

export interface ParsedImport {
  apps: (AppImportRecord & { location: string })[];
  teams: TeamImportRecord[];
  rejected: RejectedRow[];
  /** Things left out on purpose, e.g. `{ reason: 'Empty rows', count: 2 }` or `{ reason: 'kind: API', count: 4 }`. */
  skipped: SkippedCount[];
  /** Cells left empty in rows that are imported (an optional value that could not be read). */
  warnings?: RejectedRow[];
  /** The value mapping the rows were read with (see values.ts). */
  values?: ValueMapping;
}

export interface AppImportResult extends ImportResult {
  teamsCreated: number;
  /** Stored teams a catalog's Group renamed, described or linked to its ref. */
  teamsUpdated: number;
}

/** The key names are compared on: trimmed, inner white space collapsed, case-insensitive. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key external ids are compared on: trimmed; null when there is none. */
export function externalKey(externalId: string | null): string | null {
  const key = externalId?.trim() ?? '';
  return key === '' ? null : key;
}

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .refine((v) => Number.isFinite(v) && v >= 1 && v <= 5, `${label} must be between 1 and 5`)
    .nullable()
    .optional();

/**
 * A stored date (see dates.ts isoDateSchema), with the same messages, checked without date-fns
 * parsing so that checking 20,000 rows stays fast.
 */
function importDate(label: string) {
  return z
    .string({ error: `${label} must be a date like 2026-01-31` })
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), `${label} must be a date like 2026-01-31`)
    .refine(
      (v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isoDayNumber(v) !== null,
      `${label} is not a real calendar date`,
    )
    .refine((v) => {
      const year = Number(v.slice(0, 4));
      return !/^\d{4}-\d{2}-\d{2}$/.test(v) || (year >= 1970 && year <= 2200);
    }, `${label} must be between 1970 and 2200`);
}

/**
 * The last check on every record an import produces, with the same limits and messages as a
 * stored app (shared/domain/apps.ts), so that a record that passes here also saves.
 */
export const appImportRecordSchema = z
  .object({
    name: z
      .string({ error: 'App name is required' })
      .trim()
      .min(1, 'App name is required')
      .max(200, 'App name must be at most 200 characters'),
    teamName: z.string().trim().max(200, 'Team must be at most 200 characters').nullable(),
    teamRef: z.string().trim().max(500, 'Owner must be at most 500 characters').nullable().optional(),
    description: z.string().trim().max(5000, 'Description must be at most 5000 characters'),
    externalId: z.string().trim().max(500, 'External id must be at most 500 characters').nullable(),
    lifecycle: z.string().trim().max(100, 'Lifecycle must be at most 100 characters'),
    system: z.string().trim().max(200, 'System must be at most 200 characters'),
    stage: z.enum(APP_STAGES, { error: 'Unknown stage' }).optional(),
    businessScore: score('Business value'),
    technicalScore: score('Technical feasibility'),
    selectedOn: importDate('Selected date').nullable().optional(),
    firstDeployOn: importDate('First deploy date').nullable().optional(),
    productionOn: importDate('In production date').nullable().optional(),
  })
  .superRefine(checkAppDateOrder);
