/**
 * Toil audit responses from a survey tool's CSV: columns found by the statements' wording (or
 * S1/Q1), a file whose columns are not the template's refused whole, columns outside it listed,
 * each bad cell rejecting its row with the row and statement named, N/A and the scale's words
 * read, and re-imports matched by response id.
 */
import { describe, expect, it } from 'vitest';
import { DECK_TOIL_TEMPLATE, type ToilItem } from '../../shared/domain';
import { guessMapping, mapRows } from '../../shared/import/mapping';
import { planRecords } from '../../shared/import/matching';
import { parseCsvFile } from '../../shared/import/read/csv';
import { checkSurveyColumns, toilResponsesImport } from '../../shared/import/toil/definition';
import { ImportFileError } from '../../shared/import/types';

const NOW = '2026-01-01T00:00:00.000Z';
const ITEMS: ToilItem[] = DECK_TOIL_TEMPLATE.map((i) => ({
  ...i,
  createdAt: NOW,
  updatedAt: NOW,
  retiredOn: null,
  revisions: [],
}));
const DATE = '2026-03-02';
const [Q1, S1, S2, S3] = ITEMS;
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function read(csv: string) {
  const table = parseCsvFile(csv);
  const leftOut = checkSurveyColumns(table.headers, ITEMS, DATE);
  const definition = toilResponsesImport(ITEMS, DATE);
  const parsed = mapRows(definition, table, guessMapping(definition.fields, table.headers));
  return { leftOut, parsed, definition };
}

describe('a survey export', () => {
  const header = ['Response ID', 'Timestamp', 'Email', Q1!.text, S1!.text, S2!.text, 'S3']
    .map(quote)
    .join(',');

  it('reads every row into an anonymous response; N/A and words are read, other columns left out', () => {
    const { leftOut, parsed } = read(
      [
        header,
        'r1,2026-03-02,a@x.io,Payments,5,Agree,N/A',
        'r2,2026-03-02,b@x.io,,1,,strongly disagree',
      ].join('\n'),
    );
    expect(leftOut).toEqual(['Timestamp', 'Email']);
    expect(parsed.rejected).toEqual([]);
    expect(
      parsed.records.map(({ location, respondent, scores, answers }) => ({
        location,
        respondent,
        scores,
        answers,
      })),
    ).toEqual([
      {
        location: 'Row 2',
        respondent: 'r1',
        scores: { [S1!.id]: 5, [S2!.id]: 4 },
        answers: { [Q1!.id]: 'Payments' },
      },
      { location: 'Row 3', respondent: 'r2', scores: { [S1!.id]: 1, [S3!.id]: 1 }, answers: {} },
    ]);
    expect(JSON.stringify(parsed.records)).not.toContain('@x.io');
  });

  it('rejects a row with a score out of range, naming the row and the statement; the others come in', () => {
    const { parsed } = read([header, 'r1,,,,7,4,', 'r2,,,,3,maybe,', 'r3,,,,,,'].join('\n'));
    expect(parsed.records.map((r) => r.location)).toEqual([]);
    expect(parsed.rejected).toEqual([
      {
        location: 'Row 2',
        field: `S1 ${S1!.text}`,
        problem: '“7” is outside the 1 to 5 scale (or N/A for not applicable)',
      },
      {
        location: 'Row 3',
        field: `S2 ${S2!.text}`,
        problem: '“maybe” is not an agreement: use 1 to 5, “Strongly disagree” … “Strongly agree”, or N/A',
      },
      {
        location: 'Row 4',
        field: '',
        problem: 'No statement answered and no question: every answer is empty or N/A',
      },
    ]);
  });

  it('refuses a file none of whose columns is in the template, naming its columns', () => {
    expect(() => checkSurveyColumns(['Name', 'Rating', 'Comment'], ITEMS, DATE)).toThrow(ImportFileError);
    expect(() => checkSurveyColumns(['Name', 'Rating', 'Comment'], ITEMS, DATE)).toThrow(
      /do not match the survey template.*Its columns are: “Name”, “Rating”, “Comment”/,
    );
  });

  it('finds a reworded statement’s column by its earlier wording, and leaves a retired one out', () => {
    const items = ITEMS.map((i) =>
      i.id === S1!.id
        ? { ...i, text: 'New words', revisions: [{ text: S1!.text, until: '2026-01-01' }] }
        : i.id === S2!.id
          ? { ...i, retiredOn: '2026-01-01' }
          : i,
    );
    const definition = toilResponsesImport(items, DATE);
    expect(definition.fields.some((f) => f.field === S2!.id)).toBe(false);
    const table = parseCsvFile(`${quote(S1!.text)},${quote(S2!.text)}\n4,5`);
    expect(checkSurveyColumns(table.headers, items, DATE)).toEqual([S2!.text]);
    const parsed = mapRows(definition, table, guessMapping(definition.fields, table.headers));
    expect(parsed.records[0]?.scores).toEqual({ [S1!.id]: 4 });
  });

  it('updates the responses of a re-import by response id', () => {
    const { parsed, definition } = read([header, 'r1,,,,5,,', 'r9,,,,4,,'].join('\n'));
    const plan = planRecords(definition, [{ id: 'stored-1', respondent: 'r1' }], parsed);
    expect(plan.updates.map((u) => [u.id, u.record.location])).toEqual([['stored-1', 'Row 2']]);
    expect(plan.creates.map((c) => c.location)).toEqual(['Row 3']);
  });
});
