/**
 * The apps' import definition: the fields a portfolio column (a spreadsheet, a CMDB export) can be
 * mapped to, how their cells read, how a row becomes an app record, and how a re-import finds the
 * app a row updates (by external id, else by name). The general pipeline (read/, mapping.ts,
 * matching.ts) and the wizard do the rest; `guessCsvMapping` and `mapCsvRows` are that pipeline
 * with this definition.
 *
 * Accepted cell formats:
 * - Stage: a stage id or label in any case ("on-platform", "On platform", "ON PLATFORM").
 * - Scores: a plain decimal from 1 to 5 ("4", "3.5"); a decimal comma ("3,5") is read as a
 *   decimal point; "0x3", "1e0" or " 4 " with inner spaces are not scores. Text such as a CMDB's
 *   "1 - Mission Critical" is mapped to a score by the user in the wizard (values.ts), starting
 *   from a suggestion (scoreFromText).
 * - Common CMDB headers are recognised: "Owner Group", support_group, owned_by (team),
 *   short_description (description), "Business Criticality" (business value).
 * - Dates: yyyy-MM-dd, or a timestamp that starts with one (cells.ts).
 * - A leading apostrophe before = + - @ (the protection appsToCsv adds against formula
 *   injection) is removed, so an exported file re-imports as it was (mapping.ts).
 */
import type { AppStage } from '../../domain/apps';
import { APP_STAGE_LABELS, APP_STAGES } from '../../domain/apps';
import type { IsoDate } from '../../domain/dates';
import { parseDateCell, plainDecimal, quoted } from '../cells';
import type { CellResult, ColumnMapping, EntityImport, ImportField } from '../definition';
import { guessMapping, mapRows } from '../mapping';
import { scoreFromText, type ValueChoice, type ValueMapping } from '../values';
import type { ParsedCsv } from '../read/csv';
import {
  appImportRecordSchema,
  externalKey,
  nameKey,
  type AppImportRecord,
  type ParsedImport,
} from './records';

export type AppImportField =
  | 'name'
  | 'teamName'
  | 'externalId'
  | 'stage'
  | 'description'
  | 'lifecycle'
  | 'system'
  | 'businessScore'
  | 'technicalScore'
  | 'selectedOn'
  | 'firstDeployOn'
  | 'productionOn';

export type AppImportFieldInfo = ImportField<AppImportField>;

/** Column index per field; a field without an entry is not imported. */
export type CsvMapping = ColumnMapping<AppImportField>;

const STAGE_BY_NAME = new Map<string, AppStage>();
for (const stage of APP_STAGES) {
  STAGE_BY_NAME.set(stage.replace(/[^a-z]/g, ''), stage);
  STAGE_BY_NAME.set(APP_STAGE_LABELS[stage].toLowerCase().replace(/[^a-z]/g, ''), stage);
}
const STAGE_LIST = APP_STAGES.map((s) => APP_STAGE_LABELS[s]).join(', ');

/** A stage id or label in any case, e.g. "On platform", "on-platform", "ONBOARDING". */
export function parseStageCell(cell: string): CellResult<AppStage> {
  const stage = STAGE_BY_NAME.get(cell.toLowerCase().replace(/[^a-z]/g, ''));
  return stage ? { value: stage } : { problem: `${quoted(cell)} is not a stage; use one of ${STAGE_LIST}` };
}

/** A score from 1 to 5, with a decimal point or a decimal comma. */
export function parseScoreCell(cell: string): CellResult<number> {
  const value = plainDecimal(cell);
  if (value === null) return { problem: `${quoted(cell)} is not a number; scores are 1 to 5` };
  if (value < 1 || value > 5) return { problem: `${quoted(cell)} is outside the 1 to 5 scale` };
  return { value };
}

/** The scores a criticality text can be mapped to. */
const SCORE_CHOICES: readonly ValueChoice[] = [
  { value: 5, label: '5 — highest' },
  { value: 4, label: '4' },
  { value: 3, label: '3' },
  { value: 2, label: '2' },
  { value: 1, label: '1 — lowest' },
];

const STAGE_CHOICES: readonly ValueChoice[] = APP_STAGES.map((s) => ({
  value: s,
  label: APP_STAGE_LABELS[s],
}));

/** Tracker and CMDB words for the stages, for the first mapping of a stage column. */
const STAGE_WORDS: readonly [RegExp, AppStage][] = [
  [/\b(live|production|operational|done|complete|completed|migrated|in use)\b/, 'on-platform'],
  [/\b(in progress|migrating|onboarding|in flight|build|building|pilot|development)\b/, 'onboarding'],
  [/\b(planned|next|committed|approved|ready)\b/, 'selected'],
  [/\b(on hold|hold|paused|blocked|waiting)\b/, 'paused'],
  [/\b(retired|cancelled|canceled|decommissioned|rejected|dropped|out of scope)\b/, 'dropped'],
  [/\b(new|backlog|proposed|idea|candidate|not started|to do|todo)\b/, 'candidate'],
];

export function stageFromText(text: string): AppStage | undefined {
  const w = text.toLowerCase().replace(/[^a-z]+/g, ' ');
  return STAGE_WORDS.find(([pattern]) => pattern.test(w))?.[1];
}

/** The fields a CSV column can map to, in the order the mapping form shows them. */
export const APP_IMPORT_FIELDS: readonly AppImportFieldInfo[] = [
  {
    field: 'name',
    label: 'App name',
    required: true,
    whenEmpty: 'is empty; every app needs a name',
    synonyms: [
      'name',
      'app name',
      'application name',
      'app',
      'application',
      'title',
      'service name',
      'service',
      'component name',
      'component',
    ],
  },
  {
    field: 'teamName',
    label: 'Team',
    required: false,
    synonyms: [
      'team',
      'team name',
      'owning team',
      'owner team',
      'owner group',
      'owned by group',
      'support group',
      'assignment group',
      'owner',
      'owned by',
      'squad',
    ],
  },
  {
    field: 'externalId',
    label: 'External id',
    required: false,
    synonyms: [
      'external id',
      'cmdb id',
      'entity ref',
      'entity reference',
      'ci id',
      'sys id',
      'app id',
      'application id',
      'id',
      'ref',
    ],
  },
  {
    field: 'stage',
    label: 'Stage',
    required: false,
    synonyms: ['stage', 'pipeline stage', 'adoption stage', 'onboarding stage'],
    parse: parseStageCell,
    choices: STAGE_CHOICES,
    suggest: stageFromText,
  },
  {
    field: 'description',
    label: 'Description',
    required: false,
    synonyms: ['description', 'short description', 'desc', 'summary'],
  },
  { field: 'lifecycle', label: 'Lifecycle', required: false, synonyms: ['lifecycle', 'lifecycle stage'] },
  { field: 'system', label: 'System', required: false, synonyms: ['system', 'system name'] },
  {
    field: 'businessScore',
    label: 'Business value',
    required: false,
    synonyms: [
      'business value',
      'business score',
      'business value score',
      'business criticality',
      'criticality',
      'business',
    ],
    parse: parseScoreCell,
    choices: SCORE_CHOICES,
    suggest: scoreFromText,
  },
  {
    field: 'technicalScore',
    label: 'Technical feasibility',
    required: false,
    synonyms: [
      'technical feasibility',
      'tech score',
      'technical score',
      'tech feasibility',
      'feasibility',
      'technical',
    ],
    parse: parseScoreCell,
    choices: SCORE_CHOICES,
    suggest: scoreFromText,
  },
  {
    field: 'selectedOn',
    label: 'Selected on',
    required: false,
    synonyms: ['selected on', 'selected', 'selected date', 'date selected', 'selection date'],
    parse: parseDateCell,
  },
  {
    field: 'firstDeployOn',
    label: 'First deploy on',
    required: false,
    synonyms: [
      'first deploy on',
      'first deploy',
      'first deploy date',
      'hello world',
      'hello world on',
      'hello world date',
      'first deployed',
    ],
    parse: parseDateCell,
  },
  {
    field: 'productionOn',
    label: 'In production on',
    required: false,
    synonyms: [
      'in production on',
      'in production',
      'production on',
      'production date',
      'production',
      'live on',
      'go live',
      'go live date',
    ],
    parse: parseDateCell,
  },
];

/** What matching needs to know of a stored app. */
export interface StoredApp {
  id: string;
  name: string;
  externalId: string | null;
}

/** Apps for the import pipeline: the definition every apps import (CSV or catalog) goes through. */
export const appsImport: EntityImport<AppImportRecord, AppImportField, StoredApp> = {
  noun: { one: 'app', many: 'apps' },
  fields: APP_IMPORT_FIELDS,
  toRecord(row) {
    const record: AppImportRecord = {
      name: row.text('name'),
      teamName: row.text('teamName') || null,
      description: row.text('description'),
      externalId: row.text('externalId') || null,
      lifecycle: row.text('lifecycle'),
      system: row.text('system'),
    };
    // Empty cells stay out of the record: they never blank a stored value.
    const stage = row.value<AppStage>('stage');
    const businessScore = row.value<number>('businessScore');
    const technicalScore = row.value<number>('technicalScore');
    const selectedOn = row.value<IsoDate>('selectedOn');
    const firstDeployOn = row.value<IsoDate>('firstDeployOn');
    const productionOn = row.value<IsoDate>('productionOn');
    if (stage !== undefined) record.stage = stage;
    if (businessScore !== undefined) record.businessScore = businessScore;
    if (technicalScore !== undefined) record.technicalScore = technicalScore;
    if (selectedOn !== undefined) record.selectedOn = selectedOn;
    if (firstDeployOn !== undefined) record.firstDeployOn = firstDeployOn;
    if (productionOn !== undefined) record.productionOn = productionOn;
    return record;
  },
  schema: appImportRecordSchema,
  matchBy: [
    {
      name: 'external id',
      field: 'externalId',
      ofRecord: (record) => externalKey(record.externalId),
      ofStored: (app) => externalKey(app.externalId),
    },
    {
      name: 'name',
      field: 'name',
      ofRecord: (record) => nameKey(record.name),
      ofStored: (app) => nameKey(app.name),
    },
  ],
  noColumn: () =>
    'The file has no column for the app name. Name a column “Name” (or “App”, “Application”, “Title”), ' +
    'or choose which column holds the name.',
};

/** A first guess at the mapping from the header names (see guessMapping). */
export function guessCsvMapping(headers: readonly string[]): CsvMapping {
  return guessMapping(APP_IMPORT_FIELDS, headers);
}

/**
 * Turns the data rows into app records with the given mapping (see mapRows). Throws an
 * ImportFileError when no column is mapped to the app name.
 */
export function mapCsvRows(
  parsed: Pick<ParsedCsv, 'headers' | 'rows'>,
  mapping: CsvMapping,
  values: ValueMapping<AppImportField> = {},
): ParsedImport {
  const read = mapRows(appsImport, parsed, mapping, values);
  return {
    apps: read.records,
    teams: [],
    rejected: read.rejected,
    skipped: read.skipped,
    warnings: read.warnings ?? [],
    values: read.values ?? {},
  };
}
