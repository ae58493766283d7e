/**
 * Loading the demo program with progress and a Cancel, shared by the welcome screen and the Data
 * screen. The loader replaces every data table in one transaction, so a cancel or a failure
 * leaves the database as it was; this hook only turns that into state a screen can show.
 */
import { useEffect, useRef, useState } from 'react';
import { useDatabase } from '../db/DatabaseContext';
import { loadDemoProgram } from '../db/demo';
import { describeError } from '../db/errors';
import { useUi } from '../store/ui';

export type DemoLoad =
  | { state: 'idle' }
  | { state: 'loading'; done: number; total: number }
  | { state: 'failed'; message: string };

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || /abort|cancel/i.test(error.message));
}

export interface DemoLoader {
  demo: DemoLoad;
  load(): Promise<void>;
  cancel(): void;
}

/** `onLoaded` runs once the demo is in the database (navigate, toast). */
export function useDemoLoader(onLoaded: () => void): DemoLoader {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [demo, setDemo] = useState<DemoLoad>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  // Leaving the screen mid-load cancels it: the loader then leaves the database as it was.
  useEffect(() => () => abort.current?.abort(), []);

  async function load() {
    const controller = new AbortController();
    abort.current = controller;
    setDemo({ state: 'loading', done: 0, total: 0 });
    try {
      await loadDemoProgram({
        database,
        signal: controller.signal,
        onProgress: (done: number, total: number) => {
          if (!controller.signal.aborted) setDemo({ state: 'loading', done, total });
        },
      });
      setDemo({ state: 'idle' });
      onLoaded();
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) {
        setDemo({ state: 'idle' });
        toast({ kind: 'info', text: 'Loading the demo program was cancelled. Nothing was changed.' });
      } else {
        setDemo({ state: 'failed', message: describeError(error) });
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  return { demo, load, cancel: () => abort.current?.abort() };
}
