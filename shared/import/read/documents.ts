/**
 * Reading a YAML or JSON file into its documents, whatever they describe: a YAML stream holds
 * several documents separated by `---` (as Backstage writes catalog-info.yaml), a JSON file is one
 * document. Each document carries its number (from 1, counting empty ones, so "Document 3" is the
 * third in the file) and the line it starts on, so an entity reader can say where a problem is.
 *
 * A document that is not valid YAML, or cannot be turned into a value (an alias that expands
 * without end, the "billion laughs"), is returned with its error instead of a value: the rest of
 * the file is still read. A file that is not text, or JSON that does not parse, is refused whole.
 *
 * A line may be of any length (file-checks.ts): the catalog API writes its JSON on one line, and
 * an entity may hold a long inline definition. What is wrong with a file that does not parse is
 * what its parser says, with the line and column where it stopped.
 */
import { parseAllDocuments } from 'yaml';
import { NO_LINE_LIMIT, type TextFileLimits } from '../file-checks';
import { ImportFileError } from '../types';
import { readTextFile, type FileContent } from './text';

interface DocumentPlace {
  /** The document's number in the file, from 1. */
  number: number;
  /** The line the document starts on, from 1. */
  line: number;
}

export type FileDocument =
  | (DocumentPlace & {
      /** The document's value; null for an empty document (e.g. after a trailing `---`). */
      value: unknown;
    })
  | (DocumentPlace & {
      error: {
        /** The first line of the parser's message. */
        message: string;
        /** true: the text is not valid YAML; false: valid YAML whose value cannot be built. */
        syntax: boolean;
      };
    });

/** Aliases one document may expand: enough for any real file, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim();
}

/** The checks of a file of documents: its lines may be of any length unless the caller says otherwise. */
function readDocumentText(content: FileContent, limits?: TextFileLimits): string {
  return readTextFile(content, { maxLineLength: NO_LINE_LIMIT, ...limits });
}

/**
 * Text that is one JSON value (the catalog API's answer saved under another name): read as JSON,
 * which is YAML too but parses many times faster; null when it is not JSON.
 */
function asJson(body: string): FileDocument[] | null {
  const start = body.trimStart()[0];
  if (start !== '{' && start !== '[') return null;
  try {
    return [{ number: 1, line: 1, value: JSON.parse(body) as unknown }];
  } catch {
    return null; // flow-style YAML, or broken: the YAML parser says which
  }
}

/**
 * Reads every document of a YAML stream (JSON included: it is YAML). Throws an
 * {@link ImportFileError} when the file is not text.
 */
export function parseYamlFile(content: FileContent, limits?: TextFileLimits): FileDocument[] {
  const body = readDocumentText(content, limits);
  const json = asJson(body);
  if (json) return json;

  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = parseAllDocuments(body, { prettyErrors: true });
  } catch (error) {
    throw new ImportFileError(`This file cannot be read as YAML: ${firstLine(error)}`);
  }
  const docs = Array.isArray(parsed) ? parsed : [];

  // Line numbers, counted incrementally so the whole file is scanned once.
  let offset = 0;
  let line = 1;
  const lineOf = (to: number) => {
    for (; offset < to && offset < body.length; offset++) if (body.charCodeAt(offset) === 10) line++;
    return line;
  };

  return docs.map((doc, i): FileDocument => {
    const place = { number: i + 1, line: lineOf(doc.range?.[0] ?? 0) };
    if (doc.errors.length > 0)
      return { ...place, error: { message: firstLine(doc.errors[0]), syntax: true } };
    try {
      return { ...place, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? null };
    } catch (error) {
      return { ...place, error: { message: firstLine(error), syntax: false } };
    }
  });
}

/** Reads a JSON file as one document. Throws an {@link ImportFileError} when it is not text or not JSON. */
export function parseJsonFile(content: FileContent, limits?: TextFileLimits): FileDocument[] {
  const body = readDocumentText(content, limits);
  try {
    return [{ number: 1, line: 1, value: JSON.parse(body) as unknown }];
  } catch (error) {
    throw new ImportFileError(`This file is not valid JSON: ${firstLine(error)}`);
  }
}

/** Reads a file of documents by its name: `.json` as JSON, anything else (`.yaml`, `.yml`) as YAML. */
export function readDocuments(name: string, content: FileContent, limits?: TextFileLimits): FileDocument[] {
  return /\.json$/i.test(name.trim()) ? parseJsonFile(content, limits) : parseYamlFile(content, limits);
}
