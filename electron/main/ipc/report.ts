/**
 * `report:save-pdf`: the one-page leadership report as a PDF. The page that asks has already laid
 * itself out for print (the overview's print stylesheet and the light theme); this prints it
 * with Chromium's print-to-PDF on the paper the user chose, then asks where to save it and
 * writes it atomically (files.ts). The renderer names no path, only the file name offered.
 */
import { join } from 'node:path';
import { app, dialog, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  IPC,
  MAX_REPORT_PDF_BYTES,
  type SaveReportPdfResponse,
  type saveReportPdfRequestSchema,
} from '../../../shared/ipc/contract';
import { ownerWindow, writeFileAtomic } from './files';
import { handle } from './register';

type SaveReportPdfRequest = z.output<typeof saveReportPdfRequestSchema>;

/** 10 mm, the print stylesheet's page margin, in the inches printToPDF takes. */
const MARGIN_INCHES = 10 / 25.4;

/** What printToPDF is asked for: the paper chosen, backgrounds (the charts' fills), 10 mm margins. */
export function reportPdfOptions(request: SaveReportPdfRequest): Electron.PrintToPDFOptions {
  return {
    pageSize: request.pageSize,
    printBackground: true,
    landscape: false,
    margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
  };
}

export async function saveReportPdf(
  request: SaveReportPdfRequest,
  event: IpcMainInvokeEvent,
): Promise<SaveReportPdfResponse> {
  // Printed before the dialog opens: the report is the page as it was when the user asked.
  const pdf = await event.sender.printToPDF(reportPdfOptions(request));
  if (pdf.byteLength === 0) throw new Error('Printing the report gave an empty PDF');
  if (pdf.byteLength > MAX_REPORT_PDF_BYTES) throw new Error('The report PDF is too large to save');
  const options = {
    title: 'Save the report as PDF',
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
      'createDirectory' | 'showOverwriteConfirmation'
    >,
  };
  const window = ownerWindow(event);
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { status: 'canceled' };
  await writeFileAtomic(result.filePath, pdf);
  return { status: 'saved', path: result.filePath, size: pdf.byteLength };
}

export function registerReportHandlers(): void {
  handle(IPC.saveReportPdf, saveReportPdf);
}
