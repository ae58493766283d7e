// @vitest-environment jsdom
// The DesktopApi in a plain browser: saving is a download link, opening is a file input, and
// both follow the same contract (validation, statuses) as the Electron bridge.
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_KEY, DESKTOP_METHODS, type DesktopApi } from '../../../shared/ipc/contract';

vi.stubGlobal('__APP_VERSION__', '9.8.7');
const { acceptFor, browserDesktop } = await import('../../../renderer/desktop/browser');
const { resolveDesktop, desktop } = await import('../../../renderer/desktop/index');
const { useAppInfo } = await import('../../../renderer/desktop/use-app-info');

function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('saveFile in a browser', () => {
  let blobs: Blob[];
  let clicked: HTMLAnchorElement[];
  beforeEach(() => {
    blobs = [];
    clicked = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:http://localhost/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(document.body.contains(this)).toBe(true);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('downloads the content through a link named after the file', async () => {
    const result = await browserDesktop.saveFile({
      suggestedName: 'adoption-2025.csv',
      content: 'app,stage\nPayments,on platform\n',
      mimeType: 'text/csv',
    });
    expect(result).toEqual({ status: 'saved', path: null });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('adoption-2025.csv');
    expect(clicked[0]!.href).toBe('blob:http://localhost/1');
    expect(blobs[0]!.type).toBe('text/csv');
    expect(await textOf(blobs[0]!)).toBe('app,stage\nPayments,on platform\n');
    expect(document.querySelector('a')).toBeNull();
  });

  it('frees the download URL afterwards', async () => {
    vi.useFakeTimers();
    await browserDesktop.saveFile({ suggestedName: 'a.json', content: '{}' });
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/1');
  });

  it('rejects a bad request, naming the field, and downloads nothing', async () => {
    await expect(browserDesktop.saveFile({ suggestedName: '', content: 'x' })).rejects.toThrow(
      'Invalid file:save request: suggestedName: File name is required',
    );
    expect(clicked).toHaveLength(0);
  });
});

describe('openFile in a browser', () => {
  let inputs: HTMLInputElement[];
  let pick: (input: HTMLInputElement) => void;
  beforeEach(() => {
    inputs = [];
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      inputs.push(this);
      pick(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  const choose = (file: File) => (input: HTMLInputElement) => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  };

  it("resolves with the picked file's text", async () => {
    pick = choose(new File(['\uFEFFname\nPayments\n'], 'apps.csv', { type: 'text/csv' }));
    const result = await browserDesktop.openFile({
      title: 'Import apps',
      filters: [{ name: 'Spreadsheets', extensions: ['csv', 'CSV', 'tsv'] }],
    });
    expect(result).toEqual({ status: 'opened', name: 'apps.csv', size: 17, content: 'name\nPayments\n' });
    expect(inputs[0]!.type).toBe('file');
    expect(inputs[0]!.accept).toBe('.csv,.tsv');
    expect(document.querySelector('input')).toBeNull();
  });

  it("gives a backup's bytes undecoded when asked for bytes", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    pick = choose(new File([bytes], 'backup.json'));
    const result = await browserDesktop.openFile({ read: 'bytes' });
    expect(result).toMatchObject({ status: 'opened', name: 'backup.json', size: 5 });
    const { content } = result as { content: unknown };
    expect(content).toBeInstanceOf(Uint8Array);
    expect([...(content as Uint8Array)]).toEqual([...bytes]);
  });

  describe('reading the bytes in a worker', () => {
    /** A stand-in for file-read.worker.ts: replies as `reply` says, after a turn of the loop. */
    class FakeWorker {
      static made: FakeWorker[] = [];
      static reply: 'bytes' | 'failed' | 'refused' = 'bytes';
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      received: unknown[] = [];
      terminated = false;
      constructor(
        readonly url: URL,
        readonly options: WorkerOptions,
      ) {
        FakeWorker.made.push(this);
      }
      postMessage(file: File) {
        this.received.push(file);
        setTimeout(async () => {
          if (FakeWorker.reply === 'refused') return this.onerror?.(new Event('error'));
          if (FakeWorker.reply === 'failed')
            return this.onmessage?.(
              new MessageEvent('message', { data: { ok: false, message: 'disk gone' } }),
            );
          const bytes = new Uint8Array(await textBytes(file)).buffer;
          this.onmessage?.(new MessageEvent('message', { data: { ok: true, bytes } }));
        });
      }
      terminate() {
        this.terminated = true;
      }
    }
    const textBytes = (blob: Blob) =>
      new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blob);
      });
    beforeEach(() => {
      FakeWorker.made = [];
      vi.stubGlobal('Worker', FakeWorker);
    });
    afterEach(() => vi.unstubAllGlobals());

    it('hands the file to the worker and gives back the bytes it read; the worker is ended', async () => {
      FakeWorker.reply = 'bytes';
      const file = new File([new Uint8Array([1, 2, 3])], 'backup.json');
      pick = choose(file);
      const result = await browserDesktop.openFile({ read: 'bytes' });
      expect([...(result as { content: Uint8Array }).content]).toEqual([1, 2, 3]);
      const [worker] = FakeWorker.made;
      expect(worker!.url.pathname).toMatch(/file-read\.worker\.ts$/);
      expect(worker!.received).toEqual([file]);
      expect(worker!.terminated).toBe(true);
    });

    it('reads the file in the page when the worker cannot run', async () => {
      FakeWorker.reply = 'refused';
      pick = choose(new File([new Uint8Array([7, 8])], 'backup.json'));
      const result = await browserDesktop.openFile({ read: 'bytes' });
      expect([...(result as { content: Uint8Array }).content]).toEqual([7, 8]);
      expect(FakeWorker.made[0]!.terminated).toBe(true);
    });

    it('fails naming the file when the worker could not read it', async () => {
      FakeWorker.reply = 'failed';
      pick = choose(new File(['{}'], 'backup.json'));
      await expect(browserDesktop.openFile({ read: 'bytes' })).rejects.toThrow(
        'Could not read backup.json: disk gone',
      );
    });
  });

  it('decodes UTF-16 as the desktop does, with or without a byte order mark', async () => {
    const text = 'Name\tTeam\nÉquipe café\tZürich\n';
    const le = [...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    for (const bytes of [[0xff, 0xfe, ...le], le]) {
      pick = choose(new File([new Uint8Array(bytes)], 'apps.tsv'));
      await expect(browserDesktop.openFile({})).resolves.toMatchObject({ status: 'opened', content: text });
    }
  });

  it('returns every file picked together when several are allowed', async () => {
    const files = [new File(['kind: Location\n'], 'all.yaml'), new File(['kind: Group\n'], 'team-b.yaml')];
    pick = (input) => {
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change'));
    };
    await expect(browserDesktop.openFile({ multiple: true })).resolves.toEqual({
      status: 'opened',
      name: 'all.yaml',
      size: 15,
      content: 'kind: Location\n',
      more: [{ name: 'team-b.yaml', size: 12, content: 'kind: Group\n' }],
    });
    expect(inputs[0]!.multiple).toBe(true);
    await expect(browserDesktop.openFile({ multiple: true, maxBytes: 20 })).resolves.toEqual({
      status: 'too-large',
      name: '2 files',
      size: 27,
    });
    await expect(browserDesktop.openFile({})).resolves.not.toHaveProperty('more');
    expect(inputs[2]!.multiple).toBe(false);
  });

  it('says too-large for a file over the limit, without reading it', async () => {
    const read = vi.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    pick = choose(new File(['x'.repeat(5000)], 'backup.json'));
    await expect(browserDesktop.openFile({ maxBytes: 1000 })).resolves.toEqual({
      status: 'too-large',
      name: 'backup.json',
      size: 5000,
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('says canceled when the picker is dismissed', async () => {
    pick = (input) => input.dispatchEvent(new Event('cancel'));
    await expect(browserDesktop.openFile({})).resolves.toEqual({ status: 'canceled' });
    expect(document.querySelector('input')).toBeNull();
  });

  it('rejects a bad request before showing a picker', async () => {
    pick = () => undefined;
    await expect(browserDesktop.openFile({ maxBytes: 0 })).rejects.toThrow(
      /Invalid file:open request: maxBytes: /,
    );
    expect(inputs).toHaveLength(0);
  });

  it('accepts the extensions the desktop dialog shows first; anything when none is named', () => {
    expect(acceptFor([])).toBe('');
    expect(acceptFor([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptFor([{ name: 'JSON', extensions: ['json'] }])).toBe('.json');
    expect(
      acceptFor([
        { name: 'Backstage catalog', extensions: ['yaml', 'yml', 'json'] },
        { name: 'All files', extensions: ['*'] },
      ]),
    ).toBe('.yaml,.yml,.json');
  });
});

describe('appInfo in a browser', () => {
  it('reports the browser shell, the built version and no paths', async () => {
    await expect(browserDesktop.appInfo()).resolves.toMatchObject({
      name: 'Platform Adoption Tracker',
      version: '9.8.7',
      shell: 'browser',
      userDataPath: null,
      documentsPath: null,
    });
  });
});

describe('automatic backups in a browser', () => {
  it('says they are not available, and writes or reads nothing', async () => {
    await expect(browserDesktop.listAutoBackups()).resolves.toEqual({ status: 'unavailable' });
    await expect(browserDesktop.writeAutoBackup({ kind: 'daily', content: '{}', keep: 3 })).resolves.toEqual({
      status: 'unavailable',
    });
    await expect(browserDesktop.readAutoBackup({ name: 'daily-2026-12-03.json' })).resolves.toEqual({
      status: 'unavailable',
    });
  });

  it('still checks requests as the desktop does', async () => {
    await expect(browserDesktop.readAutoBackup({ name: '../secrets.json' })).rejects.toThrow(
      /backups:read request: name: Not the name of an automatic backup/,
    );
    await expect(browserDesktop.writeAutoBackup({ kind: 'daily', content: '{}', keep: 0 })).rejects.toThrow(
      /keep: Keep at least 1 backup/,
    );
  });
});

describe('choosing the implementation', () => {
  const preloadApi = Object.fromEntries(
    DESKTOP_METHODS.map((name) => [name, vi.fn()]),
  ) as unknown as DesktopApi;

  it("uses the preload's API when Electron exposed one", () => {
    expect(resolveDesktop({ [DESKTOP_API_KEY]: preloadApi })).toBe(preloadApi);
  });

  it('takes a preload for the desktop only when it has every method of the contract', () => {
    for (const missing of DESKTOP_METHODS) {
      const partial = { ...preloadApi } as Partial<DesktopApi>;
      delete partial[missing];
      expect(resolveDesktop({ [DESKTOP_API_KEY]: partial })).toBe(browserDesktop);
    }
  });

  it('falls back to the browser implementation otherwise', () => {
    expect(resolveDesktop({})).toBe(browserDesktop);
    expect(resolveDesktop({ [DESKTOP_API_KEY]: { appInfo: () => null } })).toBe(browserDesktop);
    expect(resolveDesktop(undefined)).toBe(browserDesktop);
    expect(desktop).toBe(browserDesktop);
  });

  it('gives screens the app info through a hook', async () => {
    const { result } = renderHook(() => useAppInfo());
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current?.shell).toBe('browser'));
  });
});
