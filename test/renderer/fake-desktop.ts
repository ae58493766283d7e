/**
 * A DesktopApi for component tests whose file dialog returns the files a test queues:
 * `vi.mock('<path>/renderer/desktop', () => import('<path>/fake-desktop'))`, then push onto
 * `openedFiles` what the next "Choose file…" opens.
 */
import type { OpenFileResponse } from '../../shared/ipc/contract';

export const openedFiles: OpenFileResponse[] = [];

/** A text file the dialog opens. */
export function opened(name: string, content: string): OpenFileResponse {
  return { status: 'opened', name, size: content.length, content };
}

export const desktop = {
  openFile: async () => openedFiles.shift() ?? { status: 'canceled' },
  saveFile: async () => ({ status: 'canceled' }),
  appInfo: async () => ({}),
};
