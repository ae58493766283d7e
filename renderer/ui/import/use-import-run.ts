/**
 * Running an area's import command from the wizard: progress as it goes, Cancel through an
 * AbortSignal, and when it is done a message with Undo for the whole import (the command's
 * ChangeSet, renderer/ui/undo). A failure or a cancel comes back as the sentence to show; the
 * command's transaction has already put everything back.
 */
import { useRef, useState } from 'react';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type ImportProgress,
  type ImportResult,
} from '../../../shared/import/types';
import type { ChangeSet } from '../../db/changes';
import { describeError } from '../../db/errors';
import { useUi } from '../../store/ui';
import { useOfferUndo } from '../undo';

export type RunState<Res> =
  | { kind: 'idle' }
  | { kind: 'importing'; progress: ImportProgress }
  | { kind: 'done'; result: Res; fileName: string };

export function useImportRun<P, Res extends ImportResult>(
  apply: (plan: P, options: ImportApplyOptions) => Promise<Res & { undo?: ChangeSet }>,
) {
  const [state, setState] = useState<RunState<Res>>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const offerUndo = useOfferUndo();
  const toast = useUi((s) => s.toast);

  /** Imports `plan`; resolves with null when it finished, or with why it did not. */
  const start = async (plan: P, total: number, fileName: string): Promise<string | null> => {
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: 'importing', progress: { done: 0, total } });
    try {
      const result = await apply(plan, {
        signal: controller.signal,
        onProgress: (progress) => setState({ kind: 'importing', progress }),
      });
      setState({ kind: 'done', result, fileName });
      const text = `Imported ${fileName}: ${result.created} created, ${result.updated} updated.`;
      if (result.undo && result.undo.changes.length > 0) offerUndo(text, result.undo);
      else toast({ kind: 'success', text });
      return null;
    } catch (error) {
      setState({ kind: 'idle' });
      return error instanceof ImportCanceledError
        ? error.message
        : `The import failed and was rolled back: ${describeError(error)}`;
    } finally {
      abortRef.current = null;
    }
  };

  return {
    state,
    start,
    cancel: () => abortRef.current?.abort(),
    reset: () => setState({ kind: 'idle' }),
  };
}
