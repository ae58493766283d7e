/**
 * The preload: the only bridge between the page and the main process. It exposes one object
 * under DESKTOP_API_KEY with exactly one method per contract call, never a generic invoke, so
 * the page cannot reach any channel the contract does not list. Each method validates its
 * request before sending (a bad call fails fast, with the field named) and the response after
 * (the page only ever sees data that matches the contract).
 *
 * It runs sandboxed, where `require` knows only 'electron': the build bundles zod and the
 * contract into this one file.
 */
// First: zod's settings apply to schemas built from here on (shared/zod-config.ts says why).
import '../../shared/zod-config';
import { contextBridge, ipcRenderer } from 'electron';
import type { z } from 'zod';
import {
  DESKTOP_API_KEY,
  IPC,
  type DesktopApi,
  type OpenFileRequest,
  type ReadAutoBackupRequest,
  type SaveFileRequest,
  type SaveReportPdfRequest,
  type WriteAutoBackupRequest,
} from '../../shared/ipc/contract';
import { parseIpc } from '../../shared/ipc/parse';

type Spec = (typeof IPC)[keyof typeof IPC];

/** Checks the request, sends it on the call's own channel, and checks the response. */
async function call<S extends Spec>(spec: S, input: unknown): Promise<z.output<S['response']>> {
  const { channel, request, response } = spec;
  const raw: unknown = await ipcRenderer.invoke(channel, parseIpc(request, input, channel, 'request'));
  return parseIpc(response, raw, channel, 'response') as z.output<S['response']>;
}

export const desktopApi = {
  appInfo: () => call(IPC.appInfo, undefined),
  saveFile: (input: SaveFileRequest) => call(IPC.saveFile, input),
  openFile: (input: OpenFileRequest) => call(IPC.openFile, input),
  listAutoBackups: () => call(IPC.listAutoBackups, undefined),
  writeAutoBackup: (input: WriteAutoBackupRequest) => call(IPC.writeAutoBackup, input),
  readAutoBackup: (input: ReadAutoBackupRequest) => call(IPC.readAutoBackup, input),
  saveReportPdf: (input: SaveReportPdfRequest) => call(IPC.saveReportPdf, input),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, desktopApi);
