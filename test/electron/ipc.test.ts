// The IPC gate and handlers: bad requests and foreign senders are refused before any handler
// runs; good requests reach the handler; saving writes the file atomically; opening honours the
// size limit. Files are real, in a temporary folder; dialogs are mocked.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { app, dialog, ipcHandlers, resetElectron } from './fake-electron';
import { invoke, senderEvent } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpcHandlers } = await import('../../electron/main/ipc');
const { handle } = await import('../../electron/main/ipc/register');

let folder: string;

beforeEach(() => {
  resetElectron();
  vi.unstubAllEnvs();
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
  folder = mkdtempSync(join(tmpdir(), 'pat-ipc-'));
  app.paths.documents = folder;
  registerIpcHandlers();
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('registration', () => {
  it('registers exactly the calls of the contract', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual([
      'app:info',
      'backups:list',
      'backups:read',
      'backups:write',
      'file:open',
      'file:save',
      'report:save-pdf',
    ]);
  });
});

describe('the sender check', () => {
  it('rejects a call from another origin', async () => {
    await expect(invoke('app:info', undefined, senderEvent('https://example.com/'))).rejects.toThrow(
      /app:info refused: the caller is not the app/,
    );
    await expect(invoke('app:info', undefined, senderEvent('file:///tmp/evil.html'))).rejects.toThrow(
      /not the app/,
    );
  });

  it('rejects a call from a sub-frame, even of the app', async () => {
    await expect(
      invoke('app:info', undefined, senderEvent('app://bundle/index.html', { subFrame: true })),
    ).rejects.toThrow(/only the app's main frame/);
  });

  it('rejects a call whose frame is gone', async () => {
    await expect(invoke('app:info', undefined, senderEvent(undefined, { gone: true }))).rejects.toThrow(
      /frame is gone/,
    );
  });

  it('rejects the dev server origin in a packaged app', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://127.0.0.1:5173/');
    app.isPackaged = true;
    await expect(invoke('app:info', undefined, senderEvent('http://127.0.0.1:5173/'))).rejects.toThrow(
      /not the app/,
    );
    app.isPackaged = false;
    await expect(invoke('app:info', undefined, senderEvent('http://127.0.0.1:5173/'))).resolves.toMatchObject(
      {
        shell: 'desktop',
      },
    );
  });

  it('never runs the handler for a refused call', async () => {
    await expect(
      invoke('file:save', { suggestedName: 'a.csv', content: 'x' }, senderEvent('https://example.com/')),
    ).rejects.toThrow(/refused/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('request validation', () => {
  it('rejects a bad request with a message naming the field and the problem', async () => {
    await expect(invoke('file:save', { suggestedName: '', content: 'x' })).rejects.toThrow(
      'Invalid file:save request: suggestedName: File name is required',
    );
    await expect(invoke('file:save', { suggestedName: '../../etc/passwd', content: 'x' })).rejects.toThrow(
      /suggestedName: File name may not contain slashes/,
    );
    await expect(invoke('file:open', { maxBytes: -5 })).rejects.toThrow(
      /Invalid file:open request: maxBytes: /,
    );
    await expect(invoke('file:save', 'not an object')).rejects.toThrow(
      /Invalid file:save request: request: /,
    );
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('rejects arguments to a call that takes none', async () => {
    await expect(invoke('app:info', { sneaky: true })).rejects.toThrow(/Invalid app:info request/);
  });

  it('checks the handler response against the contract too', async () => {
    const spec = {
      channel: 'test:echo',
      request: z.object({ n: z.number() }),
      response: z.object({ n: z.number() }),
    };
    handle(spec, (request) => ({ n: String(request.n) }) as unknown as { n: number });
    await expect(invoke('test:echo', { n: 1 })).rejects.toThrow(/Invalid test:echo response: n: /);
  });
});

describe('app:info', () => {
  it('reports the desktop shell, version and paths', async () => {
    await expect(invoke('app:info')).resolves.toEqual({
      name: 'Platform Adoption Tracker',
      version: '0.1.0',
      shell: 'desktop',
      platform: process.platform,
      userDataPath: app.paths.userData,
      documentsPath: folder,
    });
  });
});

describe('file:save', () => {
  it('asks where to save, starting in Documents, and writes the content there', async () => {
    const target = join(folder, 'export.csv');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const content = 'name,stage\nPayments,on platform\nÜberweisung,selected\n';
    await expect(
      invoke('file:save', {
        suggestedName: 'export.csv',
        content,
        mimeType: 'text/csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }),
    ).resolves.toEqual({ status: 'saved', path: target });
    expect(readFileSync(target, 'utf8')).toBe(content);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: join(folder, 'export.csv'),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }),
    );
  });

  it('writes bytes as they are (a chart as PNG)', async () => {
    const target = join(folder, 'chart.png');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
    await expect(
      invoke('file:save', { suggestedName: 'chart.png', content: bytes, mimeType: 'image/png' }),
    ).resolves.toEqual({ status: 'saved', path: target });
    expect([...readFileSync(target)]).toEqual([...bytes]);
  });

  it('replaces an existing file whole and leaves no temporary file behind', async () => {
    const target = join(folder, 'backup.json');
    writeFileSync(target, '{"old":true, "much longer content than the new one": 1}');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await invoke('file:save', { suggestedName: 'backup.json', content: '{"new":true}' });
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(folder)).toEqual(['backup.json']);
  });

  it('leaves the existing file untouched when the write fails', async () => {
    const target = join(folder, 'missing-folder', 'export.csv');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(invoke('file:save', { suggestedName: 'export.csv', content: 'x' })).rejects.toThrow(
      /ENOENT/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes nothing when the dialog is canceled', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(invoke('file:save', { suggestedName: 'export.csv', content: 'x' })).resolves.toEqual({
      status: 'canceled',
    });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('file:open', () => {
  it('returns the content of a small file', async () => {
    const path = join(folder, 'apps.csv');
    writeFileSync(path, '\uFEFFname\nPayments\n');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    await expect(
      invoke('file:open', { title: 'Import apps', filters: [{ name: 'CSV', extensions: ['csv'] }] }),
    ).resolves.toEqual({ status: 'opened', name: 'apps.csv', size: 17, content: 'name\nPayments\n' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Import apps', filters: [{ name: 'CSV', extensions: ['csv'] }] }),
    );
  });

  it("gives a backup's bytes undecoded when asked for bytes", async () => {
    const path = join(folder, 'backup.json');
    writeFileSync(path, '\uFEFF{}');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    const result = (await invoke('file:open', { read: 'bytes' })) as { content: Uint8Array; size: number };
    expect(result).toMatchObject({ status: 'opened', name: 'backup.json', size: 5 });
    expect(result.content).toBeInstanceOf(Uint8Array);
    expect([...result.content]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
  });

  it('decodes UTF-16 as the browser does, with or without a byte order mark', async () => {
    const text = 'Name\tTeam\nÉquipe café\tZürich\n';
    const le = Buffer.from(text, 'utf16le');
    const path = join(folder, 'apps.tsv');
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.from(le).swap16()]) {
      writeFileSync(path, bytes);
      await expect(invoke('file:open', {})).resolves.toMatchObject({ status: 'opened', content: text });
    }
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(folder, 'huge.json');
    writeFileSync(path, 'x'.repeat(2048));
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    await expect(invoke('file:open', { maxBytes: 1024 })).resolves.toEqual({
      status: 'too-large',
      name: 'huge.json',
      size: 2048,
    });
  });

  it('returns every file picked together when several are allowed, and only the first otherwise', async () => {
    const paths = ['all.yaml', 'team-b.yaml'].map((name, i) => {
      const path = join(folder, name);
      writeFileSync(path, `kind: Location${i}\n`);
      return path;
    });
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: paths });
    await expect(invoke('file:open', { multiple: true })).resolves.toEqual({
      status: 'opened',
      name: 'all.yaml',
      size: 16,
      content: 'kind: Location0\n',
      more: [{ name: 'team-b.yaml', size: 16, content: 'kind: Location1\n' }],
    });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
    await expect(invoke('file:open', {})).resolves.toEqual(
      expect.not.objectContaining({ more: expect.anything() }),
    );
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ properties: ['openFile'] }),
    );
  });

  it('refuses files picked together that hold more than the limit, before reading any', async () => {
    const paths = ['a.yaml', 'b.yaml'].map((name) => {
      const path = join(folder, name);
      writeFileSync(path, 'x'.repeat(600));
      return path;
    });
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: paths });
    await expect(invoke('file:open', { multiple: true, maxBytes: 1024 })).resolves.toEqual({
      status: 'too-large',
      name: '2 files',
      size: 1200,
    });
  });

  it('says canceled when the user picks nothing', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(invoke('file:open', {})).resolves.toEqual({ status: 'canceled' });
  });

  it('refuses a folder', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [folder] });
    await expect(invoke('file:open', {})).rejects.toThrow(/is not a file/);
  });
});
