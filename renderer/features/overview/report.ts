/**
 * The one-page leadership report: the overview laid out for print (the print stylesheet in
 * overview.css, the light theme, the paper chosen) and saved as a PDF. In the desktop app the main
 * process prints the page to PDF and asks where to save it (`report:save-pdf`); in a browser the
 * bridge answers `unavailable` and the print dialog opens instead, whose "Save as PDF" lays the
 * page out the same way. Either way the page is put back as it was afterwards.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { isPageSize, pageSizeForLocale, type PageSize } from '../../../shared/export/page-size';
import type { DesktopApi, SaveReportPdfResponse } from '../../../shared/ipc/contract';
import { db as defaultDb, type AdoptionDatabase } from '../../db/database';
import { useDatabase } from '../../db/DatabaseContext';
import { guardStorage } from '../../db/errors';

export const REPORT_PAGE_SIZE_KEY = 'overview.reportPageSize';

/** The paper the user chose on this machine, else the one of the browser's language; undefined while read. */
export function useReportPageSize(
  locale: string | undefined = globalThis.navigator?.language,
): PageSize | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const stored = (await database.settings.get(REPORT_PAGE_SIZE_KEY))?.value;
    return isPageSize(stored) ? stored : pageSizeForLocale(locale);
  }, [database, locale]);
}

/** Keeps the report's paper as a preference of this machine (never in a backup). */
export async function setReportPageSize(
  size: PageSize,
  database: AdoptionDatabase = defaultDb,
): Promise<void> {
  if (!isPageSize(size)) throw new Error(`“${String(size)}” is not a paper size: choose A4 or Letter`);
  await guardStorage(() => database.settings.put({ key: REPORT_PAGE_SIZE_KEY, value: size }));
}

/** "Northwind Platform report 2026-12-04.pdf": the program's name without the characters file systems refuse. */
export function reportFileName(programName: string, day: string): string {
  const name = programName
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${name || 'Adoption'} report ${day}.pdf`;
}

/**
 * Lays the page out as the report prints: the light theme (a dark page's backgrounds are not
 * printed, its light text would be) and the paper, which the print stylesheet turns into the
 * page's size (a named @page in overview.css; the page's CSP allows no inline style), so a
 * browser's print dialog starts on it too. Returns the function that puts the page back; calling
 * it twice is harmless.
 */
export function applyPrintLayout(pageSize: PageSize, doc: Document = document): () => void {
  const root = doc.documentElement;
  const theme = root.dataset.theme;
  root.dataset.theme = 'light';
  root.dataset.reportPaper = pageSize;
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    delete root.dataset.reportPaper;
    if (theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = theme;
  };
}

/** What became of a report: saved (the desktop), the print dialog shown (a browser), or canceled. */
export type ReportOutcome = Exclude<SaveReportPdfResponse, { status: 'unavailable' }> | { status: 'printed' };

export interface ReportRequest {
  api: Pick<DesktopApi, 'saveReportPdf'>;
  pageSize: PageSize;
  fileName: string;
  /** The browser's print dialog; window.print by default. */
  print?: () => void;
  /** Where `afterprint` fires; window by default. */
  target?: Pick<Window, 'addEventListener'>;
  doc?: Document;
}

/**
 * Makes the report: lays the page out for print, asks the desktop to print it to PDF and save it,
 * and puts the page back when that is done (or failed). Where the desktop cannot (a browser), the
 * print dialog opens and the page is put back after it closes (`afterprint`).
 */
export async function makeReport({
  api,
  pageSize,
  fileName,
  print = () => window.print(),
  target = window,
  doc = document,
}: ReportRequest): Promise<ReportOutcome> {
  const restore = applyPrintLayout(pageSize, doc);
  let response: SaveReportPdfResponse;
  try {
    response = await api.saveReportPdf({ suggestedName: fileName, pageSize });
  } catch (error) {
    restore();
    throw error;
  }
  if (response.status !== 'unavailable') {
    restore();
    return response;
  }
  target.addEventListener('afterprint', restore, { once: true });
  try {
    print();
  } catch (error) {
    restore();
    throw error;
  }
  return { status: 'printed' };
}
