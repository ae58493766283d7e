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
import {
  DESKTOP_API_KEY,
  IPC,
  type DesktopApi,
  type OpenFileRequest,
  type SaveFileRequest,
} from '../../shared/ipc/contract';
import { parseIpc } from '../../shared/ipc/parse';

export const desktopApi = {
  async appInfo() {
    const { channel, request, response } = IPC.appInfo;
    const raw: unknown = await ipcRenderer.invoke(channel, parseIpc(request, undefined, channel, 'request'));
    return parseIpc(response, raw, channel, 'response');
  },
  async saveFile(input: SaveFileRequest) {
    const { channel, request, response } = IPC.saveFile;
    const raw: unknown = await ipcRenderer.invoke(channel, parseIpc(request, input, channel, 'request'));
    return parseIpc(response, raw, channel, 'response');
  },
  async openFile(input: OpenFileRequest) {
    const { channel, request, response } = IPC.openFile;
    const raw: unknown = await ipcRenderer.invoke(channel, parseIpc(request, input, channel, 'request'));
    return parseIpc(response, raw, channel, 'response');
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, desktopApi);
