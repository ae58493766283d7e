/**
 * The first look at an imported file, before any parser sees it: is it text at all, and of a
 * size and shape the file can have? A binary file, a 50 MB single line or a huge dump is answered
 * here with a clear message, in one pass over the text (no regular expressions, so no
 * backtracking on a pathological file), instead of hanging or confusing the parser.
 *
 * The line-length limit is for tables (CSV), whose rows are never that long. Files of documents
 * (YAML, JSON) do not take it: the catalog API writes 300 entities of JSON on one line, and an API
 * entity may carry a whole OpenAPI definition on one line; their parsers say what is wrong.
 */
import { ImportFileError } from './types';

export interface TextFileLimits {
  /** Largest file accepted, in UTF-8 bytes. Default 25 MB: a 20,000-app portfolio is about 4 MB. */
  maxBytes?: number;
  /**
   * Longest line accepted, in characters. Default 100,000: no CSV row is that long.
   * {@link NO_LINE_LIMIT} for files whose lines may be of any length (JSON, YAML, backups).
   */
  maxLineLength?: number;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 100_000;
/** `maxLineLength` of a file whose lines may be of any length. */
export const NO_LINE_LIMIT = Number.MAX_SAFE_INTEGER;

/** More than this share of control characters (or U+FFFD from undecodable bytes) means binary. */
const BINARY_SHARE = 0.05;

const numberFormat = new Intl.NumberFormat('en-US');

/** "52.4 MB", "812 KB", "90 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A line longer than the limit: which line, how long, and the limit, for the reader to explain. */
export class LineTooLongError extends ImportFileError {
  constructor(
    readonly line: number,
    readonly length: number,
    readonly maxLineLength: number,
  ) {
    super(
      `Line ${numberFormat.format(line)} is ${numberFormat.format(length)} characters long; ` +
        `the longest line that can be imported is ${numberFormat.format(maxLineLength)} characters.`,
    );
    this.name = 'LineTooLongError';
  }
}

function tooLarge(bytes: number, maxBytes: number): ImportFileError {
  return new ImportFileError(
    `This file is ${formatBytes(bytes)}; the largest file that can be imported is ${formatBytes(maxBytes)}.`,
  );
}

/**
 * Throws an {@link ImportFileError} when `text` is empty, binary data, larger than `maxBytes`
 * or has a line longer than `maxLineLength`; returns nothing when it is fine to parse.
 */
export function checkTextFile(text: string, opts: TextFileLimits = {}): void {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxLineLength = opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const length = text.length;

  // A UTF-8 byte is at most one UTF-16 code unit, so a string longer than the limit is too large
  // whatever it holds: no need to read it.
  if (length > maxBytes) throw tooLarge(length, maxBytes);

  // Bytes beyond one per code unit: the UTF-8 size is length + extraBytes.
  let extraBytes = 0;
  let visible = 0;
  let suspicious = 0;
  let line = 1;
  let lineStart = 0;
  let longLine = 0;
  let longLineLength = 0;

  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    // The common case first: a visible ASCII character.
    if (c > 0x20 && c < 0x7f) {
      visible++;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      if (longLine === 0 && i - lineStart > maxLineLength) {
        longLine = line;
        longLineLength = i - lineStart;
      }
      // \r\n is one line break.
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      lineStart = i + 1;
    } else if (c === 0x20 || c === 0x09 || c === 0x0c) {
      // white space
    } else if (c === 0) {
      throw new ImportFileError('This file is not text — it looks like binary data (it contains NUL bytes).');
    } else if (c < 0x20 || c === 0x7f) {
      // The record/unit separators some CSV tools use are text; other control characters are not.
      if (c === 0x1e || c === 0x1f) visible++;
      else suspicious++;
    } else {
      if (c !== 0xfeff) visible++; // a byte order mark alone is still an empty file
      if (c < 0x800) extraBytes += 1;
      else if (c >= 0xd800 && c <= 0xdfff)
        extraBytes += 1; // each half of a surrogate pair: 4 bytes a pair
      else {
        extraBytes += 2;
        if (c === 0xfffd) suspicious++; // bytes the text decoder could not read
      }
    }
  }
  if (longLine === 0 && length - lineStart > maxLineLength) {
    longLine = line;
    longLineLength = length - lineStart;
  }
  const bytes = length + extraBytes;
  const blank = visible === 0;

  if (length === 0) throw new ImportFileError('This file is empty.');
  if (suspicious > 0 && suspicious / length > BINARY_SHARE) {
    throw new ImportFileError('This file is not text — it looks like binary data.');
  }
  if (blank) throw new ImportFileError('This file is empty: it holds only blank lines.');
  if (bytes > maxBytes) throw tooLarge(bytes, maxBytes);
  if (longLine > 0) throw new LineTooLongError(longLine, longLineLength, maxLineLength);
}
