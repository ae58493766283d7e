/**
 * The general import reader, apart from any entity: bytes to text by the byte order mark, CSV to
 * header and rows (delimiter, quotes), YAML and JSON to numbered documents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvFile } from '../../shared/import/read/csv';
import {
  parseJsonFile,
  parseYamlFile,
  readDocuments,
  type FileDocument,
} from '../../shared/import/read/documents';
import { decodeText, readTextFile } from '../../shared/import/read/text';
import { fileError } from './import-helpers';

const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));

/** `text` as UTF-16 bytes with a byte order mark, the way Excel's "Unicode text" saves. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

const values = (docs: FileDocument[]) => docs.map((d) => ('value' in d ? d.value : d.error));

describe('decodeText', () => {
  const text = 'Name\tTeam\nÉquipe café\tZürich 🚀\n';

  it('reads UTF-16 little endian by its byte order mark', () => {
    expect(decodeText(utf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('reads UTF-16 big endian by its byte order mark', () => {
    expect(decodeText(utf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('reads UTF-8 with or without a byte order mark, and drops the mark', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(text);
    expect(decodeText(utf8.buffer as ArrayBuffer).text).toBe(text);
  });

  it('only drops the mark of text that came decoded', () => {
    expect(decodeText('\uFEFFName\n')).toEqual({ text: 'Name\n', encoding: 'utf-8' });
  });
});

describe('readTextFile', () => {
  it('recognises UTF-16 without a byte order mark by its NUL bytes in alternate positions', () => {
    const csv = 'Name,Team\nPayments,Core\nÉquipe café,Zürich\n';
    for (const order of ['le', 'be'] as const) {
      const noMark = utf16(csv, order).slice(2);
      expect(decodeText(noMark)).toEqual({ text: csv, encoding: `utf-16${order}` });
      expect(readTextFile(noMark)).toBe(csv);
    }
    // Mostly Cyrillic: only the commas, digits and line breaks have a zero byte.
    const cyrillic = 'Имя,Команда\nПлатежи,Ядро\nСклад,Логистика 2\n';
    expect(readTextFile(utf16(cyrillic, 'le').slice(2))).toBe(cyrillic);
  });

  it('still refuses binary data and UTF-32, whose zero bytes are on both sides', () => {
    const utf32 = new Uint8Array(
      [...'Name,Team\nPayments,Core\n'].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]),
    );
    expect(fileError(() => readTextFile(utf32))).toMatch(/binary data/);
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect(fileError(() => readTextFile(png))).toMatch(/binary data/);
  });

  it('refuses bytes that are not valid UTF-8 and carry no mark', () => {
    const latin1 = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xe9 : 0xff)));
    expect(fileError(() => readTextFile(latin1))).toMatch(/binary data/);
  });

  it('measures the size limit on the bytes, before decoding', () => {
    expect(fileError(() => readTextFile(new Uint8Array(4096).fill(0x41), { maxBytes: 1024 }))).toBe(
      'This file is 4 KB; the largest file that can be imported is 1 KB.',
    );
  });

  it('calls a file of only a byte order mark empty', () => {
    expect(fileError(() => readTextFile(new Uint8Array([0xff, 0xfe])))).toBe('This file is empty.');
  });
});

describe('parseCsvFile', () => {
  it('reads a tab-separated UTF-16 file (Excel’s “Unicode text”)', () => {
    const parsed = parseCsvFile(utf16('Name\tTeam\tBusiness value\nZahlungen\tKasse\t4\n', 'le'));
    expect(parsed).toEqual({
      headers: ['Name', 'Team', 'Business value'],
      rows: [['Zahlungen', 'Kasse', '4']],
      delimiter: '\t',
    });
  });

  it('reads a semicolon file with a UTF-8 byte order mark from its bytes', () => {
    const parsed = parseCsvFile(fixtureBytes('portfolio-semicolon-bom.csv'));
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers[0]).toBe('Name');
    expect(parsed.rows[0]).toEqual(['Orders', 'Orders Team', 'Selected', '4,5', '3']);
  });

  it('finds the semicolon even when commas occur inside quoted header names', () => {
    const parsed = parseCsvFile('"Name, short";Team;Score\nA;B;3,5\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Name, short', 'Team', 'Score']);
    expect(parsed.rows).toEqual([['A', 'B', '3,5']]);
  });

  it('keeps line breaks, delimiters and doubled quotes inside quoted values', () => {
    const parsed = parseCsvFile(
      'Name,Notes\r\n"Web ""shop""","first line\r\nsecond, with comma"\r\nNext,x\r\n',
    );
    expect(parsed.rows).toEqual([
      ['Web "shop"', 'first line\r\nsecond, with comma'],
      ['Next', 'x'],
    ]);
  });
});

describe('parseYamlFile', () => {
  it('reads every document with its number and first line, empty ones included', () => {
    const docs = parseYamlFile('---\nname: a\n---\n---\nname: b\nlist: [1, 2]\n');
    expect(docs.map((d) => [d.number, d.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(values(docs)).toEqual([{ name: 'a' }, null, { name: 'b', list: [1, 2] }]);
  });

  it('returns a broken document with its error and goes on with the next', () => {
    const docs = parseYamlFile('name: a\n---\nname: [unclosed\n---\nname: c\n');
    expect(docs).toHaveLength(3);
    expect(docs[1]).toMatchObject({ number: 2, line: 2, error: { syntax: true } });
    expect(values(docs)).toEqual([{ name: 'a' }, expect.anything(), { name: 'c' }]);
  });

  it('stops an alias that expands without end, in that document only', () => {
    const lines = ['a0: &a0 [x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const docs = parseYamlFile(`ok: 1\n---\n${lines.join('\n')}\n`);
    expect(docs[0]).toMatchObject({ value: { ok: 1 } });
    expect(docs[1]).toMatchObject({ number: 2, error: { syntax: false } });
    expect('error' in docs[1]! && docs[1].error.message).toMatch(/alias/i);
  });

  it('reads UTF-16 YAML by its byte order mark', () => {
    expect(values(parseYamlFile(utf16('name: Zürich\n', 'be')))).toEqual([{ name: 'Zürich' }]);
  });

  it('refuses a file that is not text', () => {
    expect(fileError(() => parseYamlFile('\u0000\u0001\u0002kind: x'))).toMatch(/binary data/);
  });
});

describe('parseJsonFile', () => {
  it('reads the file as one document', () => {
    expect(parseJsonFile('[{"name":"a"},{"name":"b"}]')).toEqual([
      { number: 1, line: 1, value: [{ name: 'a' }, { name: 'b' }] },
    ]);
  });

  it('refuses JSON that does not parse, saying so', () => {
    expect(fileError(() => parseJsonFile('{"name": "a",}'))).toMatch(/^This file is not valid JSON: /);
  });

  it('is chosen for a .json file name, YAML for anything else', () => {
    expect(values(readDocuments('entities.JSON', '{"a": 1}'))).toEqual([{ a: 1 }]);
    expect(values(readDocuments('catalog-info.yaml', 'a: 1\n---\nb: 2\n'))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => readDocuments('entities.json', 'a: 1')).toThrow(/not valid JSON/);
  });
});
