import { describe, expect, it } from 'vitest';
import { checkTextFile, formatBytes, LineTooLongError, NO_LINE_LIMIT } from '../../shared/import/file-checks';
import { ImportFileError } from '../../shared/import/types';

function errorOf(fn: () => void): ImportFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('checkTextFile', () => {
  it('accepts an ordinary CSV or YAML file', () => {
    expect(() => checkTextFile('Name,Team\r\nPayments,Payments Team\r\n')).not.toThrow();
    expect(() => checkTextFile('apiVersion: backstage.io/v1alpha1\nkind: Component\n')).not.toThrow();
    expect(() => checkTextFile('Name\tTeam\nÉquipe café,Zürich 🚀\n')).not.toThrow();
  });

  it('rejects an empty file and one of blank lines only', () => {
    expect(errorOf(() => checkTextFile('')).message).toBe('This file is empty.');
    expect(errorOf(() => checkTextFile('\n \r\n\t\n')).message).toMatch(/empty/);
    expect(errorOf(() => checkTextFile('\uFEFF')).message).toMatch(/empty/);
  });

  it('rejects binary data with NUL bytes', () => {
    const png = '\x89PNG\r\n\x1a\n\0\0\0\rIHDR';
    expect(errorOf(() => checkTextFile(png)).message).toMatch(
      /^This file is not text — it looks like binary data/,
    );
  });

  it('rejects text full of control characters or undecodable bytes', () => {
    const noise = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 3 === 0 ? 0x03 : 0x41)).join(
      '',
    );
    expect(errorOf(() => checkTextFile(noise)).message).toMatch(/binary data/);
    const mojibake = 'ab\uFFFD\uFFFD\uFFFDcd\uFFFD'.repeat(100);
    expect(errorOf(() => checkTextFile(mojibake)).message).toMatch(/binary data/);
  });

  it('tolerates a few stray control characters in real text', () => {
    const text = `${'Name,Team\n'.repeat(200)}odd\x07value\n`;
    expect(() => checkTextFile(text)).not.toThrow();
  });

  it('rejects a file over the size limit, in UTF-8 bytes', () => {
    expect(errorOf(() => checkTextFile('a'.repeat(2048), { maxBytes: 1024 })).message).toBe(
      'This file is 2 KB; the largest file that can be imported is 1 KB.',
    );
    // 400 characters of 3 UTF-8 bytes each are 1,200 bytes.
    expect(errorOf(() => checkTextFile('€'.repeat(400), { maxBytes: 1024 })).message).toMatch(/1 KB/);
    expect(() => checkTextFile('€'.repeat(300), { maxBytes: 1024 })).not.toThrow();
  });

  it('names the line that is too long and its length', () => {
    const text = `header\nok\n${'x'.repeat(250)}\nok\n`;
    const error = errorOf(() => checkTextFile(text, { maxLineLength: 200 }));
    expect(error.message).toBe(
      'Line 3 is 250 characters long; the longest line that can be imported is 200 characters.',
    );
    expect(error).toBeInstanceOf(LineTooLongError);
    expect(error).toMatchObject({ line: 3, length: 250, maxLineLength: 200 });
    expect(
      errorOf(() => checkTextFile(`a\r\nb\r\n${'y'.repeat(201)}`, { maxLineLength: 200 })).message,
    ).toMatch(/^Line 3 is 201 characters/);
    expect(() => checkTextFile(`a\n${'x'.repeat(200)}\n`, { maxLineLength: 200 })).not.toThrow();
  });

  it('lets a file of documents have lines of any length', () => {
    const json = `[${'{"kind":"Component"},'.repeat(20_000)}{}]`;
    expect(errorOf(() => checkTextFile(json)).message).toMatch(/^Line 1 is 420,/);
    expect(() => checkTextFile(json, { maxLineLength: NO_LINE_LIMIT })).not.toThrow();
  });

  it('answers 50 MB of one line quickly, with the size in the message', () => {
    const text = 'a'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const error = errorOf(() => checkTextFile(text, { maxBytes: 100 * 1024 * 1024 }));
    const elapsed = performance.now() - started;
    expect(error.message).toMatch(/^Line 1 is 52,428,800 characters long/);
    // A single pass: far below a second even on a slow machine (a backtracking regex would hang).
    expect(elapsed).toBeLessThan(5000);
    // With the default limits the size alone rejects it, without reading it.
    expect(errorOf(() => checkTextFile(text)).message).toMatch(/^This file is 50\.0 MB/);
  });
});

describe('formatBytes', () => {
  it('formats sizes for people', () => {
    expect(formatBytes(90)).toBe('90 bytes');
    expect(formatBytes(812 * 1024)).toBe('812 KB');
    expect(formatBytes(52_428_800)).toBe('50.0 MB');
  });
});
