// @vitest-environment jsdom
// The report in the renderer: the page is laid out for print (light theme, the paper for the
// print stylesheet's named @page) while the desktop prints it to PDF, and put back after, whatever the outcome; a browser,
// where the bridge answers `unavailable`, opens the print dialog and is put back on `afterprint`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaveReportPdfRequest, SaveReportPdfResponse } from '../../../shared/ipc/contract';
import { browserDesktop } from '../../../renderer/desktop/browser';
import { makeReport, reportFileName } from '../../../renderer/features/overview/report';

const root = document.documentElement;
const paper = () => root.dataset.reportPaper ?? null;

afterEach(() => {
  delete root.dataset.theme;
});

/** A bridge whose print-to-PDF records what the page looked like when it was called. */
function desktopAnswering(response: SaveReportPdfResponse | Error) {
  const seen: { theme: string | undefined; paper: string | null; request: SaveReportPdfRequest }[] = [];
  const saveReportPdf = vi.fn(async (request: SaveReportPdfRequest) => {
    seen.push({ theme: root.dataset.theme, paper: paper(), request });
    if (response instanceof Error) throw response;
    return response;
  });
  return { api: { saveReportPdf }, seen };
}

describe('makeReport in the desktop app', () => {
  it('prints the page in the light theme on the paper chosen, then puts the dark theme back', async () => {
    root.dataset.theme = 'dark';
    const { api, seen } = desktopAnswering({
      status: 'saved',
      path: '/home/u/Documents/r.pdf',
      size: 52_000,
    });
    const print = vi.fn();
    await expect(makeReport({ api, pageSize: 'Letter', fileName: 'r.pdf', print })).resolves.toEqual({
      status: 'saved',
      path: '/home/u/Documents/r.pdf',
      size: 52_000,
    });
    expect(seen).toEqual([
      {
        theme: 'light',
        paper: 'Letter',
        request: { suggestedName: 'r.pdf', pageSize: 'Letter' },
      },
    ]);
    expect(root.dataset.theme).toBe('dark');
    expect(paper()).toBeNull();
    expect(print).not.toHaveBeenCalled();
  });

  it('puts the page back when the user cancels, and when printing fails', async () => {
    const canceled = desktopAnswering({ status: 'canceled' });
    await expect(makeReport({ ...canceled, pageSize: 'A4', fileName: 'r.pdf' })).resolves.toEqual({
      status: 'canceled',
    });
    expect(canceled.seen[0]?.paper).toBe('A4');
    expect(root.dataset.theme).toBeUndefined();
    expect(paper()).toBeNull();

    root.dataset.theme = 'dark';
    const failing = desktopAnswering(
      new Error('Invalid report:save-pdf request: pageSize: Page size must be A4 or Letter'),
    );
    await expect(makeReport({ ...failing, pageSize: 'A4', fileName: 'r.pdf' })).rejects.toThrow(/Page size/);
    expect(root.dataset.theme).toBe('dark');
    expect(paper()).toBeNull();
  });
});

describe('makeReport in a browser', () => {
  it('opens the print dialog in the print layout and puts the page back after printing', async () => {
    root.dataset.theme = 'dark';
    const target = new EventTarget();
    const during: (string | undefined)[] = [];
    const print = vi.fn(() => {
      during.push(root.dataset.theme);
    });
    await expect(
      makeReport({
        api: browserDesktop,
        pageSize: 'A4',
        fileName: 'Northwind report 2026-12-04.pdf',
        print,
        target: target as unknown as Window,
      }),
    ).resolves.toEqual({ status: 'printed' });
    expect(print).toHaveBeenCalledOnce();
    expect(during).toEqual(['light']);
    // Still laid out for print until the dialog closes.
    expect(root.dataset.theme).toBe('light');
    expect(paper()).toBe('A4');
    target.dispatchEvent(new Event('afterprint'));
    expect(root.dataset.theme).toBe('dark');
    expect(paper()).toBeNull();
  });

  it('checks the request as the desktop does', async () => {
    await expect(
      browserDesktop.saveReportPdf({ suggestedName: 'r.pdf', pageSize: 'A3' as 'A4' }),
    ).rejects.toThrow(/pageSize: Page size must be A4 or Letter/);
  });
});

describe('reportFileName', () => {
  it('names the file after the program and the day, without characters file systems refuse', () => {
    expect(reportFileName('Northwind Platform', '2026-12-04')).toBe(
      'Northwind Platform report 2026-12-04.pdf',
    );
    expect(reportFileName('R&D / Ops: "Phase 2"?', '2026-12-04')).toBe(
      'R&D Ops Phase 2 report 2026-12-04.pdf',
    );
    expect(reportFileName(' // ', '2026-12-04')).toBe('Adoption report 2026-12-04.pdf');
  });
});
