/**
 * CSV import of a portfolio (a spreadsheet, a CMDB export): read the file with papaparse, guess
 * which column holds which field from the header names, and turn every data row into an app
 * record or into the reasons it was rejected, numbered as a spreadsheet shows the rows (the
 * header is row 1).
 *
 * Accepted cell formats:
 * - Stage: a stage id or label in any case ("on-platform", "On platform", "ON PLATFORM").
 * - Scores: a number from 1 to 5; a decimal comma ("3,5") is read as a decimal point.
 * - Dates: yyyy-MM-dd only ("2026-01-31"), or a timestamp that starts with one (the date part is
 *   taken). Day/month orders like 03/04/2026 are rejected rather than guessed: the same text is
 *   3 April in Europe and 4 March in the US.
 * - A leading apostrophe before = + - @ (the protection appsToCsv adds against formula
 *   injection) is removed, so an exported file re-imports as it was.
 */
import Papa from 'papaparse';
import type { AppStage } from '../domain/apps';
import { APP_STAGE_LABELS, APP_STAGES } from '../domain/apps';
import type { IsoDate } from '../domain/dates';
import { isoDayNumber } from '../domain/pipeline';
import { checkTextFile, type TextFileLimits } from './file-checks';
import {
  appImportRecordSchema,
  ImportFileError,
  type AppImportRecord,
  type ParsedImport,
  type RejectedRow,
} from './types';

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

export interface AppImportFieldInfo {
  field: AppImportField;
  label: string;
  required: boolean;
  /** Header names this field is guessed from, best first; compared without case, spaces or punctuation. */
  synonyms: readonly string[];
}

/** The fields a CSV column can map to, in the order the mapping form shows them. */
export const APP_IMPORT_FIELDS: readonly AppImportFieldInfo[] = [
  {
    field: 'name',
    label: 'App name',
    required: true,
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
    synonyms: ['team', 'team name', 'owning team', 'owner team', 'owner', 'squad'],
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
  },
  {
    field: 'description',
    label: 'Description',
    required: false,
    synonyms: ['description', 'desc', 'summary'],
  },
  { field: 'lifecycle', label: 'Lifecycle', required: false, synonyms: ['lifecycle', 'lifecycle stage'] },
  { field: 'system', label: 'System', required: false, synonyms: ['system', 'system name'] },
  {
    field: 'businessScore',
    label: 'Business value',
    required: false,
    synonyms: ['business value', 'business score', 'business value score', 'business'],
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
  },
  {
    field: 'selectedOn',
    label: 'Selected on',
    required: false,
    synonyms: ['selected on', 'selected', 'selected date', 'date selected', 'selection date'],
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
  },
];

const FIELD_LABELS = Object.fromEntries(APP_IMPORT_FIELDS.map((f) => [f.field, f.label])) as Record<
  AppImportField,
  string
>;

/** Column index per field; a field without an entry is not imported. */
export type CsvMapping = Partial<Record<AppImportField, number>>;

export interface ParsedCsv {
  /** The header row, trimmed. */
  headers: string[];
  /** The data rows, as read (row i is spreadsheet row i + 2). */
  rows: string[][];
  /** The delimiter found: ',' ';' '\t' or '|'. */
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter that occurs most often, outside quotes, in the header line; ',' when none does. */
function guessDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (DELIMITERS as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Reads a CSV file: checks it is text of a sane size, strips a byte order mark, finds the
 * delimiter, and splits it into the header row and the data rows. Throws an
 * {@link ImportFileError} when the file cannot be read as a CSV.
 */
export function parseCsvFile(text: string, limits?: TextFileLimits): ParsedCsv {
  checkTextFile(text, limits);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false });

  for (const error of result.errors) {
    if (error.type !== 'Quotes') continue;
    const where = typeof error.row === 'number' ? `Row ${error.row + 1}` : 'A row';
    throw new ImportFileError(
      error.code === 'MissingQuotes'
        ? `${where} opens a quoted value (") that is never closed, so the rest of the file cannot be read as rows.`
        : `${where} has a stray quote (") inside a quoted value, so its columns cannot be told apart.`,
    );
  }

  const rows = result.data;
  // The line break after the last row is not an empty row.
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();

  const header = rows.shift();
  const headers = (header ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) {
    throw new ImportFileError(
      'The first row must hold the column names (for example Name, Team, Stage); it is empty.',
    );
  }
  return { headers, rows, delimiter };
}

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * A first guess at the mapping from the header names: each field takes the first column whose
 * name is one of its synonyms (ignoring case, spaces and punctuation, and then a trailing
 * "(…)" such as "Business value (1–5)"); a column is used for one field at most.
 */
export function guessCsvMapping(headers: readonly string[]): CsvMapping {
  const exact = headers.map(normalizeHeader);
  const loose = headers.map((h) => normalizeHeader(h.replace(/\([^()]*\)/g, '')));
  const used = new Set<number>();
  const mapping: CsvMapping = {};
  for (const info of APP_IMPORT_FIELDS) {
    const synonyms = info.synonyms.map(normalizeHeader);
    const find = (names: string[]) => {
      for (const synonym of synonyms) {
        const index = names.findIndex((n, i) => n === synonym && !used.has(i));
        if (index >= 0) return index;
      }
      return -1;
    };
    let index = find(exact);
    if (index < 0) index = find(loose);
    if (index >= 0) {
      mapping[info.field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/**
 * Removes the apostrophe that appsToCsv puts before a cell starting with = + - @ (formula
 * injection), so an exported file imports back as it was (see safeCsvCell).
 */
function unescapeCell(value: string): string {
  return /^''*[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const STAGE_BY_NAME = new Map<string, AppStage>();
for (const stage of APP_STAGES) {
  STAGE_BY_NAME.set(stage.replace(/[^a-z]/g, ''), stage);
  STAGE_BY_NAME.set(APP_STAGE_LABELS[stage].toLowerCase().replace(/[^a-z]/g, ''), stage);
}
const STAGE_LIST = APP_STAGES.map((s) => APP_STAGE_LABELS[s]).join(', ');

type CellResult<T> = { value: T } | { problem: string };

function quoted(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `“${shown}”`;
}

/** A stage id or label in any case, e.g. "On platform", "on-platform", "ONBOARDING". */
export function parseStageCell(cell: string): CellResult<AppStage> {
  const stage = STAGE_BY_NAME.get(cell.toLowerCase().replace(/[^a-z]/g, ''));
  return stage ? { value: stage } : { problem: `${quoted(cell)} is not a stage; use one of ${STAGE_LIST}` };
}

/** A score from 1 to 5, with a decimal point or a decimal comma. */
export function parseScoreCell(cell: string): CellResult<number> {
  // One or two decimals only: "1,000" is more likely a thousands separator than 1.0.
  const text = /^\d+,\d{1,2}$/.test(cell) ? cell.replace(',', '.') : cell;
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return { problem: `${quoted(cell)} is not a number; scores are 1 to 5` };
  if (value < 1 || value > 5) return { problem: `${quoted(cell)} is outside the 1 to 5 scale` };
  return { value };
}

/** A yyyy-MM-dd date, or a timestamp that starts with one. */
export function parseDateCell(cell: string): CellResult<IsoDate> {
  const date = /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(cell) ? cell.slice(0, 10) : null;
  if (date === null)
    return { problem: `${quoted(cell)} is not a date in the form yyyy-MM-dd (e.g. 2026-01-31)` };
  if (isoDayNumber(date) === null) return { problem: `${quoted(cell)} is not a real calendar date` };
  const year = Number(date.slice(0, 4));
  if (year < 1970 || year > 2200) return { problem: `${quoted(cell)} is not between 1970 and 2200` };
  return { value: date };
}

function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Turns the data rows into app records with the given mapping. A row with any problem is
 * rejected as a whole, with one {@link RejectedRow} per problem ("Row 7", the field's label,
 * the problem); blank rows are skipped and counted. Throws an {@link ImportFileError} when no
 * column is mapped to the app name.
 */
export function mapCsvRows(parsed: Pick<ParsedCsv, 'headers' | 'rows'>, mapping: CsvMapping): ParsedImport {
  const columnCount = parsed.headers.length;
  const column = (field: AppImportField): number | undefined => {
    const index = mapping[field];
    return index !== undefined && Number.isInteger(index) && index >= 0 && index < columnCount
      ? index
      : undefined;
  };
  if (column('name') === undefined) {
    const shown = parsed.headers.filter((h) => h !== '').slice(0, 8);
    throw new ImportFileError(
      'The file has no column for the app name. Name a column “Name” (or “App”, “Application”, “Title”), ' +
        `or choose which column holds the name. Its columns are: ${shown.map((h) => `“${h}”`).join(', ')}` +
        (parsed.headers.length > shown.length ? ', …' : '') +
        '.',
    );
  }

  const out: ParsedImport = { apps: [], teams: [], rejected: [], skipped: [] };
  let blankRows = 0;

  parsed.rows.forEach((row, i) => {
    const location = `Row ${i + 2}`;
    if (isBlankRow(row)) {
      blankRows++;
      return;
    }
    const problems: RejectedRow[] = [];
    const cell = (field: AppImportField): string => {
      const index = column(field);
      return index === undefined ? '' : unescapeCell((row[index] ?? '').trim());
    };
    const typed = <T>(field: AppImportField, parse: (c: string) => CellResult<T>): T | undefined => {
      const text = cell(field);
      if (text === '') return undefined;
      const result = parse(text);
      if ('problem' in result) {
        problems.push({ location, field: FIELD_LABELS[field], problem: result.problem });
        return undefined;
      }
      return result.value;
    };

    const name = cell('name');
    if (name === '')
      problems.push({ location, field: FIELD_LABELS.name, problem: 'is empty; every app needs a name' });

    const record: AppImportRecord = {
      name,
      teamName: cell('teamName') || null,
      description: cell('description'),
      externalId: cell('externalId') || null,
      lifecycle: cell('lifecycle'),
      system: cell('system'),
    };
    const stage = typed('stage', parseStageCell);
    const businessScore = typed('businessScore', parseScoreCell);
    const technicalScore = typed('technicalScore', parseScoreCell);
    const selectedOn = typed('selectedOn', parseDateCell);
    const firstDeployOn = typed('firstDeployOn', parseDateCell);
    const productionOn = typed('productionOn', parseDateCell);
    if (stage !== undefined) record.stage = stage;
    if (businessScore !== undefined) record.businessScore = businessScore;
    if (technicalScore !== undefined) record.technicalScore = technicalScore;
    if (selectedOn !== undefined) record.selectedOn = selectedOn;
    if (firstDeployOn !== undefined) record.firstDeployOn = firstDeployOn;
    if (productionOn !== undefined) record.productionOn = productionOn;

    if (problems.length === 0) {
      const checked = appImportRecordSchema.safeParse(record);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = issue.path[0];
          problems.push({
            location,
            field:
              typeof field === 'string' && field in FIELD_LABELS ? FIELD_LABELS[field as AppImportField] : '',
            problem: issue.message,
          });
        }
      }
    }

    if (problems.length > 0) out.rejected.push(...problems);
    else out.apps.push({ ...record, location });
  });

  if (blankRows > 0)
    out.skipped.push({ reason: blankRows === 1 ? 'Empty row' : 'Empty rows', count: blankRows });
  return out;
}
