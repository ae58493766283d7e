/**
 * The first step of every import: the file's bytes become text. The encoding comes from the byte
 * order mark (UTF-8, UTF-16 LE or BE). Without one, UTF-16 is recognised by its NUL bytes in
 * alternate positions (Latin text in UTF-16 is every other byte zero, which UTF-8 text never has);
 * anything else is UTF-8, as spreadsheets, YAML and JSON write today. The text then passes the checks of file-checks.ts (binary data, size, line length)
 * before any parser sees it. Text that arrives already decoded (the desktop bridge returns a
 * string) only has a leading byte order mark removed.
 */
import { checkTextFile, DEFAULT_MAX_BYTES, formatBytes, type TextFileLimits } from '../file-checks';
import { ImportFileError } from '../types';

/** A file's content: its bytes, or its text when something has already decoded it. */
export type FileContent = string | Uint8Array | ArrayBuffer;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text, without a byte order mark. */
  text: string;
  /** The encoding read from the byte order mark or recognised without one; 'utf-8' for text that came decoded. */
  encoding: TextEncoding;
}

/** How much of a file is looked at to recognise UTF-16 without a byte order mark. */
const SNIFF_BYTES = 4096;

/**
 * UTF-16 without a byte order mark: in a sample of code units, at least a tenth have one zero
 * byte always on the same side (the high byte of Latin characters, digits, commas, line breaks)
 * and almost none have it on the other side or are zero whole (binary data and UTF-32 do).
 */
function sniffUtf16(bytes: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs === 0) return null;
  let highZero = 0; // little endian: the second byte of a unit is zero
  let lowZero = 0; // big endian: the first byte is zero
  let bothZero = 0;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i]!;
    const second = bytes[2 * i + 1]!;
    if (first === 0 && second === 0) bothZero++;
    else if (second === 0) highZero++;
    else if (first === 0) lowZero++;
  }
  const few = pairs * 0.02;
  if (highZero >= pairs * 0.1 && lowZero + bothZero <= few) return 'utf-16le';
  if (lowZero >= pairs * 0.1 && highZero + bothZero <= few) return 'utf-16be';
  return null;
}

/** The encoding a byte order mark at the start of `bytes` names, with the mark's length. */
function encodingOf(bytes: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: sniffUtf16(bytes) ?? 'utf-8', bom: 0 };
}

/**
 * Decodes a file's bytes by its byte order mark, or as UTF-16 recognised without one, else as
 * UTF-8. Bytes that are not valid in the encoding become U+FFFD, which the binary check of
 * {@link readTextFile} counts, so a file in an encoding that cannot be recognised is refused
 * rather than imported garbled. The desktop's file dialog and the browser's file picker decode
 * with this too, so a file reads the same however it was chosen.
 */
export function decodeText(content: FileContent): DecodedText {
  if (typeof content === 'string') {
    return { text: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content, encoding: 'utf-8' };
  }
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
  const { encoding, bom } = encodingOf(bytes);
  // The decoder is told to keep the mark, and the mark is cut off here: one rule for every encoding.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom));
  return { text, encoding };
}

/**
 * Decodes a file and checks that it is text a parser can take: not empty, not binary, no larger
 * than `limits.maxBytes` (measured on the bytes before decoding, as the file dialog measures it)
 * and without an absurdly long line. Throws an {@link ImportFileError} saying why otherwise.
 */
export function readTextFile(content: FileContent, limits?: TextFileLimits): string {
  if (typeof content !== 'string') {
    const maxBytes = limits?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (content.byteLength > maxBytes) {
      throw new ImportFileError(
        `This file is ${formatBytes(content.byteLength)}; the largest file that can be imported is ${formatBytes(maxBytes)}.`,
      );
    }
  }
  // The check runs on the text as it came: a lone byte order mark is an empty file, not a blank one.
  if (typeof content === 'string') {
    checkTextFile(content, limits);
    return decodeText(content).text;
  }
  const { text } = decodeText(content);
  checkTextFile(text, limits);
  return text;
}
