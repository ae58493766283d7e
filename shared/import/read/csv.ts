/**
 * Reading a CSV file, whatever it holds: the text is decoded and checked (text.ts), the delimiter
 * found (comma, semicolon, tab or pipe: whichever occurs most often, outside quotes, in the header
 * line), and papaparse splits it into the header row and the data rows, quoted delimiters and line
 * breaks included. Which column means what is not known here: that is the entity's field list
 * (definition.ts) and the user's mapping.
 */
import Papa from 'papaparse';
import { LineTooLongError, type TextFileLimits } from '../file-checks';
import { ImportFileError } from '../types';
import { decodeText, readTextFile, type FileContent } from './text';

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
 * What a file with a line too long for a table is, from its first characters: a line of JSON (as
 * the Backstage catalog API writes it) or a YAML catalog belongs to the catalog import.
 */
function notATable(content: FileContent, error: LineTooLongError): ImportFileError {
  const start = decodeText(typeof content === 'string' ? content.slice(0, 4096) : content)
    .text.slice(0, 4096)
    .trimStart();
  const what =
    start.startsWith('{') || start.startsWith('[')
      ? 'It is JSON, not a CSV: to import a Backstage catalog (the catalog API writes it on one line), choose “Backstage catalog”.'
      : /^(apiVersion|kind)\s*:/m.test(start)
        ? 'It is a Backstage catalog, not a CSV: choose “Backstage catalog” to import it.'
        : 'No row of a CSV file is that long, so this does not look like a CSV file.';
  return new ImportFileError(`${error.message} ${what}`);
}

/**
 * Reads a CSV file: checks it is text of a sane size, strips a byte order mark, finds the
 * delimiter, and splits it into the header row and the data rows. Throws an
 * {@link ImportFileError} when the file cannot be read as a CSV.
 */
export function parseCsvFile(content: FileContent, limits?: TextFileLimits): ParsedCsv {
  let body: string;
  try {
    body = readTextFile(content, limits);
  } catch (error) {
    if (error instanceof LineTooLongError) throw notATable(content, error);
    throw error;
  }
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
