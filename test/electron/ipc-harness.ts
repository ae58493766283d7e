/**
 * Calling the main process's IPC handlers as the page would, with `electron` mocked by
 * ./fake-electron (each test file still declares `vi.mock('electron', …)` itself, as vitest hoists
 * it per file): an invoke event from a frame, and the registered handler of a channel called
 * with it.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { ipcHandlers } from './fake-electron';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/**
 * An invoke event as Electron builds it: the sending frame (the app's main frame unless told
 * otherwise; null when the frame is gone) and its web contents, with any of their methods the
 * handler calls (`printToPDF`).
 */
export function senderEvent(
  url = 'app://bundle/index.html',
  options: { subFrame?: boolean; gone?: boolean; contents?: Record<string, unknown> } = {},
): IpcMainInvokeEvent {
  const mainFrame: FakeFrame = { url, parent: null };
  const frame: FakeFrame = options.subFrame ? { url, parent: mainFrame } : mainFrame;
  return {
    senderFrame: options.gone ? null : frame,
    sender: { mainFrame, ...options.contents },
  } as unknown as IpcMainInvokeEvent;
}

/** Calls the handler registered for `channel` with `request`, from `event` (the app's frame). */
export function invoke(
  channel: string,
  request?: unknown,
  event: IpcMainInvokeEvent = senderEvent(),
): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, request));
}
