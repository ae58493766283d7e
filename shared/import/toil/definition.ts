/**
 * Toil audit responses from a survey tool's CSV export (one response a row, one column per
 * statement or question, headed with its wording): the columns are checked against the template
 * as the audit asks it (checkSurveyColumns: a file none of whose columns is a statement or
 * question of the template is refused whole, with its columns and the template's first items
 * named; columns that are not in the template are listed and left out), and each row is read into
 * one anonymous response. A statement's cell is 1–5, the scale's words, or N/A (empty too); any
 * other value rejects the row with the row and the statement named. A "Response ID" column, when
 * the file has one, lets a re-import update its rows rather than add them twice; names and e-mail
 * addresses are never imported.
 */
import { z } from 'zod';
import { askedOn, parseAgreement, wordingAt } from '../../domain/toil-results';
import type { IsoDate } from '../../domain/dates';
import type { ToilItem } from '../../domain/toil';
import type { EntityImport, ImportField } from '../definition';
import { ImportFileError } from '../types';

/** One row of the export. */
export interface ToilResponseImportRecord {
  /** The survey tool's response id ('' without one). */
  respondent: string;
  scores: Record<string, number>;
  answers: Record<string, string>;
  /** Statement id → what is wrong with its cell (the schema turns these into the row's problems). */
  invalid: Record<string, string>;
}

/** What a re-import needs of a stored response. */
export interface StoredResponse {
  id: string;
  respondent?: string;
}

type Cell = { score: number | null } | { problem: string };

const RESPONSE_ID_SYNONYMS = [
  'response id',
  'responseid',
  'response',
  'submission id',
  'respondent id',
  'id',
];

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The items an audit dated `date` asks, with their codes S1…, Q1… */
export function askedItems(items: readonly ToilItem[], date: IsoDate): { item: ToilItem; code: string }[] {
  let s = 0;
  let q = 0;
  return items
    .filter((i) => askedOn(i, date))
    .map((item) => ({ item, code: item.kind === 'statement' ? `S${++s}` : `Q${++q}` }));
}

/** The names a column of an item may carry: its wordings (now and earlier) and its code. */
function namesOf(item: ToilItem, code: string, date: IsoDate): string[] {
  return [wordingAt(item, date), item.text, ...(item.revisions ?? []).map((r) => r.text), code];
}

/** The entity import of an audit's responses. */
export function toilResponsesImport(
  items: readonly ToilItem[],
  date: IsoDate,
): EntityImport<ToilResponseImportRecord, string, StoredResponse> {
  const asked = askedItems(items, date);
  const fields: ImportField[] = [
    {
      field: 'respondent',
      label: 'Response ID',
      required: false,
      synonyms: RESPONSE_ID_SYNONYMS,
    },
    ...asked.map(({ item, code }) => ({
      field: item.id,
      label: `${code} ${wordingAt(item, date)}`,
      required: false,
      synonyms: namesOf(item, code, date),
      ...(item.kind === 'statement'
        ? {
            // Never fails here: a bad cell must reject the row (the schema below), not be left empty.
            parse: (cell: string) => {
              const read = parseAgreement(cell);
              return { value: ('problem' in read ? read : { score: read.value }) as Cell };
            },
          }
        : {}),
    })),
  ];
  const statements = asked.filter((a) => a.item.kind === 'statement').map((a) => a.item.id);
  const questions = asked.filter((a) => a.item.kind === 'question').map((a) => a.item.id);
  return {
    noun: { one: 'response', many: 'responses' },
    fields,
    toRecord(row) {
      const record: ToilResponseImportRecord = {
        respondent: row.text('respondent'),
        scores: {},
        answers: {},
        invalid: {},
      };
      for (const id of statements) {
        const cell = row.value<Cell>(id);
        if (!cell) continue;
        if ('problem' in cell) record.invalid[id] = cell.problem;
        else if (cell.score !== null) record.scores[id] = cell.score;
      }
      for (const id of questions) {
        const text = row.text(id);
        if (text) record.answers[id] = text;
      }
      return record;
    },
    schema: z.custom<ToilResponseImportRecord>().superRefine((record, ctx) => {
      for (const [id, problem] of Object.entries(record.invalid))
        ctx.addIssue({ code: 'custom', path: [id], message: problem });
      for (const [id, text] of Object.entries(record.answers))
        if (text.length > 10_000)
          ctx.addIssue({ code: 'custom', path: [id], message: 'An answer must be at most 10000 characters' });
      if (
        Object.keys(record.invalid).length === 0 &&
        Object.keys(record.scores).length === 0 &&
        Object.keys(record.answers).length === 0
      )
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: 'No statement answered and no question: every answer is empty or N/A',
        });
    }),
    matchBy: [
      {
        name: 'same response id',
        field: 'respondent',
        ofRecord: (r) => r.respondent || null,
        ofStored: (s) => s.respondent || null,
      },
    ],
  };
}

/**
 * Checks a file's header against the template as the audit asks it: returns the columns that are
 * not in it (left out); throws an ImportFileError when no column is a statement or question.
 */
export function checkSurveyColumns(
  headers: readonly string[],
  items: readonly ToilItem[],
  date: IsoDate,
): string[] {
  const asked = askedItems(items, date);
  const known = new Set<string>();
  for (const { item, code } of asked)
    for (const name of namesOf(item, code, date)) known.add(normalize(name));
  const ids = new Set(RESPONSE_ID_SYNONYMS.map(normalize));
  const loose = (h: string) => normalize(h.replace(/\([^()]*\)/g, ''));
  const matches = (h: string) => known.has(normalize(h)) || known.has(loose(h));
  const shown = headers.filter((h) => h.trim() !== '');
  if (!shown.some(matches)) {
    const columns = shown.slice(0, 6).map((h) => `“${h}”`);
    const first = asked
      .slice(0, 2)
      .map(({ item }) => `“${wordingAt(item, date)}”`)
      .join(' and ');
    throw new ImportFileError(
      `The file’s columns do not match the survey template: none of them is a statement or question of this audit. ` +
        `Head each column with the statement’s wording (e.g. ${first}) or its code (S1, Q1). ` +
        `Its columns are: ${columns.join(', ')}${shown.length > columns.length ? ', …' : ''}.`,
    );
  }
  return shown.filter((h) => !matches(h) && !ids.has(normalize(h)));
}
