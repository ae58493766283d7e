// `report:save-pdf` in the main process, with `electron` mocked: the calling page is printed to
// PDF on the paper asked for (backgrounds, 10 mm margins), then saved where the user chooses,
// atomically; a canceled dialog writes nothing; bad requests never print. Files are real, in a
// temporary folder.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, resetElectron } from './fake-electron';
import { invoke as invokeIpc, senderEvent } from './ipc-harness';

vi.mock('electron', () => import('./fake-electron'));

const { registerIpcHandlers } = await import('../../electron/main/ipc');

/** A PDF's first bytes and a little body, as printToPDF hands it back (a Buffer). */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n%%EOF\n', 'latin1');

/** An invoke event from the app's main frame whose web contents print `pdf`. */
function eventPrinting(pdf: Buffer = PDF) {
  const printToPDF = vi.fn(async () => pdf);
  return { event: senderEvent(undefined, { contents: { printToPDF } }), printToPDF };
}

const invoke = (request: unknown, event: IpcMainInvokeEvent) => invokeIpc('report:save-pdf', request, event);

let folder: string;
beforeEach(() => {
  resetElectron();
  vi.unstubAllEnvs();
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
  folder = mkdtempSync(join(tmpdir(), 'pat-report-'));
  app.paths.documents = folder;
  registerIpcHandlers();
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('report:save-pdf', () => {
  it('prints the page on A4 with backgrounds and 10 mm margins, then saves the PDF where the user chose', async () => {
    const target = join(folder, 'Northwind report.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const { event, printToPDF } = eventPrinting();

    await expect(invoke({ suggestedName: 'Northwind report.pdf', pageSize: 'A4' }, event)).resolves.toEqual({
      status: 'saved',
      path: target,
      size: PDF.byteLength,
    });
    const margin = 10 / 25.4;
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'A4',
      printBackground: true,
      landscape: false,
      margins: { top: margin, bottom: margin, left: margin, right: margin },
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: join(folder, 'Northwind report.pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    // The bytes as printed, nothing re-encoded; no temporary file left beside it.
    expect(readFileSync(target).equals(PDF)).toBe(true);
    expect(readdirSync(folder)).toEqual(['Northwind report.pdf']);
  });

  it('prints on Letter when the user chose Letter', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(folder, 'r.pdf') });
    const { event, printToPDF } = eventPrinting();
    await invoke({ suggestedName: 'r.pdf', pageSize: 'Letter' }, event);
    expect(printToPDF.mock.calls[0]).toEqual([expect.objectContaining({ pageSize: 'Letter' })]);
  });

  it('prints before the dialog opens, so the PDF is the page as it was when asked', async () => {
    const order: string[] = [];
    const { event, printToPDF } = eventPrinting();
    printToPDF.mockImplementation(async () => {
      order.push('print');
      return PDF;
    });
    dialog.showSaveDialog.mockImplementation(async () => {
      order.push('dialog');
      return { canceled: true, filePath: '' };
    });
    await invoke({ suggestedName: 'r.pdf', pageSize: 'A4' }, event);
    expect(order).toEqual(['print', 'dialog']);
  });

  it('writes nothing when the dialog is canceled', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const { event } = eventPrinting();
    await expect(invoke({ suggestedName: 'r.pdf', pageSize: 'A4' }, event)).resolves.toEqual({
      status: 'canceled',
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses an empty PDF instead of saving it', async () => {
    const { event } = eventPrinting(Buffer.alloc(0));
    await expect(invoke({ suggestedName: 'r.pdf', pageSize: 'A4' }, event)).rejects.toThrow(/empty PDF/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a bad request before printing, naming the field', async () => {
    const { event, printToPDF } = eventPrinting();
    await expect(invoke({ suggestedName: 'r.pdf', pageSize: 'A3' }, event)).rejects.toThrow(
      'Invalid report:save-pdf request: pageSize: Page size must be A4 or Letter',
    );
    await expect(invoke({ suggestedName: '../r.pdf', pageSize: 'A4' }, event)).rejects.toThrow(
      /suggestedName: File name may not contain slashes/,
    );
    await expect(invoke({ suggestedName: 'report.exe', pageSize: 'A4' }, event)).rejects.toThrow(
      /suggestedName: File name must end in \.pdf/,
    );
    await expect(invoke(undefined, event)).rejects.toThrow(/Invalid report:save-pdf request/);
    expect(printToPDF).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a call from another page without printing it', async () => {
    const { event, printToPDF } = eventPrinting();
    const frame = (event as unknown as { senderFrame: { url: string } }).senderFrame;
    frame.url = 'https://example.com/';
    await expect(invoke({ suggestedName: 'r.pdf', pageSize: 'A4' }, event)).rejects.toThrow(/not the app/);
    expect(printToPDF).not.toHaveBeenCalled();
  });
});
