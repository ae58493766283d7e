/**
 * The DesktopApi in a plain web browser, so every screen works without Electron: saving is a
 * download, opening is a file picker. Requests and responses go through the same contract
 * schemas as the Electron bridge, so a screen cannot behave differently in the two shells.
 */
import { decodeTextInSlices } from '../../shared/import/read/text';
import { parseIpc } from '../../shared/ipc/parse';
import type { FileReadReply } from './file-read.worker';
import {
  IPC,
  MAX_OPEN_FILES,
  type AppInfo,
  type DesktopApi,
  type FileFilter,
  type ListAutoBackupsResponse,
  type OpenFileRequest,
  type OpenFileResponse,
  type SaveFileRequest,
  type SaveReportPdfRequest,
  type SaveReportPdfResponse,
  type ReadAutoBackupRequest,
  type ReadAutoBackupResponse,
  type SaveFileResponse,
  type WriteAutoBackupRequest,
  type WriteAutoBackupResponse,
} from '../../shared/ipc/contract';

/** The app's version, set by vite.config.ts; unset only when this file runs unbundled (tests). */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

/** How long a download's object URL is kept: long enough for the browser to start reading it. */
const REVOKE_AFTER_MS = 30_000;

/**
 * The `accept` attribute for a file input: the extensions the desktop dialog shows first
 * (`.csv,.tsv,.txt`); an "All files" filter (`*`) adds nothing, since a browser's picker offers
 * every file on request as the desktop dialog's "All files" does. Empty (anything) when no filter
 * names an extension.
 */
export function acceptFor(filters: FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  return [...new Set(extensions.map((e) => `.${e.toLowerCase()}`))].join(',');
}

function platformName(): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return nav.userAgentData?.platform || nav.platform || 'web';
}

async function appInfo(): Promise<AppInfo> {
  return parseIpc(
    IPC.appInfo.response,
    {
      name: 'Platform Adoption Tracker',
      version: APP_VERSION,
      shell: 'browser',
      platform: platformName(),
      userDataPath: null,
      documentsPath: null,
    },
    IPC.appInfo.channel,
    'response',
  );
}

async function saveFile(input: SaveFileRequest): Promise<SaveFileResponse> {
  const request = parseIpc(IPC.saveFile.request, input, IPC.saveFile.channel, 'request');
  const url = URL.createObjectURL(new Blob([request.content], { type: request.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  // A browser does not say where (or whether) the download was kept.
  return parseIpc(IPC.saveFile.response, { status: 'saved', path: null }, IPC.saveFile.channel, 'response');
}

async function openFile(input: OpenFileRequest): Promise<OpenFileResponse> {
  const request = parseIpc(IPC.openFile.request, input, IPC.openFile.channel, 'request');
  const picked = await pickFiles(acceptFor(request.filters), request.multiple);
  const chosen = picked.slice(0, request.multiple ? MAX_OPEN_FILES : 1);
  const total = chosen.reduce((sum, file) => sum + file.size, 0);
  const tooLarge = chosen.find((file) => file.size > request.maxBytes);
  let response: OpenFileResponse;
  if (chosen.length === 0) response = { status: 'canceled' };
  else if (tooLarge) response = { status: 'too-large', name: tooLarge.name, size: tooLarge.size };
  else if (total > request.maxBytes)
    response = { status: 'too-large', name: `${chosen.length} files`, size: total };
  else {
    const [first, ...more] = await Promise.all(
      chosen.map(async (file) => ({
        name: file.name,
        size: file.size,
        // Bytes are read off the page's thread; text is decoded a slice at a time.
        content: request.read === 'bytes' ? new Uint8Array(await readBytes(file)) : await readText(file),
      })),
    );
    response = { status: 'opened', ...first!, ...(more.length > 0 && { more }) };
  }
  return parseIpc(IPC.openFile.response, response, IPC.openFile.channel, 'response');
}

/**
 * Reads a file's bytes in a worker (./file-read.worker.ts), which hands them back without a copy:
 * the page never holds a task for the whole file. Where no worker starts, by a FileReader.
 */
function readBytes(file: File): Promise<ArrayBuffer> {
  let worker: Worker;
  try {
    if (typeof Worker !== 'function') return readBytesHere(file);
    worker = new Worker(new URL('./file-read.worker.ts', import.meta.url), {
      type: 'module',
      name: 'file-read',
    });
  } catch {
    return readBytesHere(file);
  }
  return new Promise<ArrayBuffer>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FileReadReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(`Could not read ${file.name}: ${event.data.message}`));
    };
    // A worker the platform refused to run: read the file here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      readBytesHere(file).then(resolve, reject);
    };
    worker.postMessage(file);
  });
}

/** Reads a file's bytes in the page (FileReader reads off its thread; the buffer is made on it). */
function readBytesHere(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Reads a file as text, decoded as the desktop shell decodes it (shared/import/read/text.ts):
 * UTF-8 or UTF-16 by the byte order mark, which is dropped, or UTF-16 recognised without one.
 * A slice at a time, the page drawing in between: a 190 MB file decoded at once held it for seconds.
 */
async function readText(file: File): Promise<string> {
  return (await decodeTextInSlices(await readBytes(file), nextTask)).text;
}

/** Resolves in a later task, so that the page can handle input and draw first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Shows the browser's file picker; resolves with the chosen files, none when it is dismissed. */
function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/**
 * Automatic backups are kept by the desktop app only: a browser cannot write files on its own.
 * The Data screen reminds the user to save a backup instead. Requests are still checked, so a
 * bad call fails the same way in both shells.
 */
const UNAVAILABLE = { status: 'unavailable' } as const;

async function listAutoBackups(): Promise<ListAutoBackupsResponse> {
  return parseIpc(IPC.listAutoBackups.response, UNAVAILABLE, IPC.listAutoBackups.channel, 'response');
}

async function writeAutoBackup(input: WriteAutoBackupRequest): Promise<WriteAutoBackupResponse> {
  parseIpc(IPC.writeAutoBackup.request, input, IPC.writeAutoBackup.channel, 'request');
  return UNAVAILABLE;
}

async function readAutoBackup(input: ReadAutoBackupRequest): Promise<ReadAutoBackupResponse> {
  parseIpc(IPC.readAutoBackup.request, input, IPC.readAutoBackup.channel, 'request');
  return UNAVAILABLE;
}

/**
 * A browser cannot print to a PDF file by itself: it answers `unavailable`, and the page opens the
 * print dialog, whose "Save as PDF" destination uses the same print stylesheet.
 */
async function saveReportPdf(input: SaveReportPdfRequest): Promise<SaveReportPdfResponse> {
  parseIpc(IPC.saveReportPdf.request, input, IPC.saveReportPdf.channel, 'request');
  return UNAVAILABLE;
}

export const browserDesktop = {
  appInfo,
  saveFile,
  openFile,
  listAutoBackups,
  writeAutoBackup,
  readAutoBackup,
  saveReportPdf,
} satisfies DesktopApi;
