/**
 * `file:save` and `file:open`: the user picks the file in a native dialog, so the renderer never
 * names a path itself and can only touch files the user chose.
 *
 * Saves are atomic: the content goes to a temporary file in the same folder, then replaces the
 * target with a rename, so a crash or a full disk never leaves a half-written export or backup.
 * Opens check the size before reading, so a huge file is refused instead of filling memory, and
 * decode the file as the browser does (UTF-8, or UTF-16 with or without a byte order mark).
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { decodeText } from '../../../shared/import/read/text';
import {
  IPC,
  MAX_OPEN_FILES,
  type OpenFileResponse,
  type SaveFileResponse,
  type openFileRequestSchema,
  type saveFileRequestSchema,
} from '../../../shared/ipc/contract';
import { handle } from './register';

type SaveRequest = z.output<typeof saveFileRequestSchema>;
type OpenRequest = z.output<typeof openFileRequestSchema>;

/** Writes `content` (text as UTF-8, or bytes as they are) to `path` through a temporary sibling and a rename. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export async function saveFile(request: SaveRequest, event: IpcMainInvokeEvent): Promise<SaveFileResponse> {
  const options = {
    title: 'Save',
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
      'createDirectory' | 'showOverwriteConfirmation'
    >,
  };
  const window = ownerWindow(event);
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return { status: 'canceled' };
  await writeFileAtomic(result.filePath, request.content);
  return { status: 'saved', path: result.filePath };
}

type OpenedFile = { name: string; size: number; content: string | Uint8Array<ArrayBuffer> };

export async function openFile(request: OpenRequest, event: IpcMainInvokeEvent): Promise<OpenFileResponse> {
  const options = {
    title: request.title,
    filters: request.filters,
    properties: (request.multiple ? ['openFile', 'multiSelections'] : ['openFile']) as Array<
      'openFile' | 'multiSelections'
    >,
  };
  const window = ownerWindow(event);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const paths = result.filePaths.slice(0, request.multiple ? MAX_OPEN_FILES : 1);
  if (result.canceled || paths.length === 0) return { status: 'canceled' };

  // Every size is checked before anything is read, so a huge file is refused instead of filling memory.
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${name} is not a file`);
    if (info.size > request.maxBytes) return { status: 'too-large', name, size: info.size };
    total += info.size;
  }
  if (total > request.maxBytes) return { status: 'too-large', name: `${paths.length} files`, size: total };

  const files: OpenedFile[] = [];
  total = 0;
  for (const path of paths) {
    const name = basename(path);
    const bytes = await readFile(path);
    total += bytes.byteLength;
    // A file may have grown between stat and read; the limit holds for what was actually read.
    if (bytes.byteLength > request.maxBytes) return { status: 'too-large', name, size: bytes.byteLength };
    if (total > request.maxBytes) return { status: 'too-large', name: `${paths.length} files`, size: total };
    // Decoded as the renderer decodes a dropped file (shared/import/read/text.ts): UTF-8 or UTF-16
    // by the byte order mark, which is dropped, or UTF-16 recognised without one. A backup goes
    // as bytes: the renderer's restore worker decodes it, off the page's thread.
    const content =
      request.read === 'bytes'
        ? new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
        : decodeText(bytes).text;
    files.push({ name, size: bytes.byteLength, content });
  }
  const [first, ...more] = files as [OpenedFile, ...OpenedFile[]];
  return { status: 'opened', ...first, ...(more.length > 0 && { more }) };
}

export function registerFileHandlers(): void {
  handle(IPC.saveFile, saveFile);
  handle(IPC.openFile, openFile);
}
