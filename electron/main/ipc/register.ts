/**
 * The one way main-process IPC handlers are registered. Every call goes through the same gate:
 * the sender must be the app's own top-level page (not an iframe, not a page that navigated
 * elsewhere), the request must match the contract's schema, and so must the handler's response.
 * A handler therefore only ever sees a parsed, typed request.
 */
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { parseIpc } from '../../../shared/ipc/parse';
import { entryUrl, isAppUrl } from '../origin';

/** The shape of one entry of `IPC` in shared/ipc/contract.ts. */
export interface CallSpec {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}

export type Handler<S extends CallSpec> = (
  request: z.output<S['request']>,
  event: IpcMainInvokeEvent,
) => Promise<z.input<S['response']>> | z.input<S['response']>;

/**
 * Throws unless the call comes from the main frame of a page served by the app. `senderFrame`
 * is null when the frame navigated away or was destroyed while the call was in flight.
 */
export function assertTrustedSender(event: IpcMainInvokeEvent, channel: string, entry: string): void {
  const frame = event.senderFrame;
  if (!frame) throw new Error(`${channel} refused: the calling frame is gone`);
  if (frame.parent !== null || frame !== event.sender.mainFrame) {
    throw new Error(`${channel} refused: only the app's main frame may call it`);
  }
  if (!isAppUrl(frame.url, entry)) throw new Error(`${channel} refused: the caller is not the app`);
}

export function handle<S extends CallSpec>(spec: S, handler: Handler<S>): void {
  ipcMain.handle(spec.channel, async (event, raw: unknown) => {
    assertTrustedSender(event, spec.channel, entryUrl(process.env, app.isPackaged));
    const request = parseIpc<S['request']>(spec.request, raw, spec.channel, 'request');
    const response = await handler(request, event);
    return parseIpc(spec.response, response, spec.channel, 'response');
  });
}
