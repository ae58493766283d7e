/**
 * Writing many records inside one command's transaction in chunks, so a long import reports its
 * progress and can be cancelled between chunks; a cancel throws an ImportCanceledError, which
 * rolls the whole transaction back.
 */
import type { BaseRecord } from '../../shared/domain';
import { ImportCanceledError, type ImportApplyOptions } from '../../shared/import/types';
import type { Writer } from './changes';
import type { TableName } from './database';

export interface ChunkProgress extends ImportApplyOptions {
  /** Records written per step (default 500). */
  chunkSize?: number | undefined;
  /** Records already handled before these, and all the command will handle, for the progress. */
  done: number;
  total: number;
}

/** Puts `records` into `table` chunk by chunk; returns the number handled so far (done + records). */
export async function putInChunks<T extends BaseRecord>(
  writer: Writer,
  table: Exclude<TableName, 'settings'>,
  records: readonly T[],
  { chunkSize = 500, signal, onProgress, done, total }: ChunkProgress,
): Promise<number> {
  let handled = done;
  onProgress?.({ done: handled, total });
  for (let start = 0; start < records.length; start += chunkSize) {
    if (signal?.aborted) throw new ImportCanceledError();
    const chunk = records.slice(start, start + chunkSize);
    await writer.put(table, chunk);
    handled += chunk.length;
    onProgress?.({ done: handled, total });
  }
  if (signal?.aborted) throw new ImportCanceledError();
  return handled;
}
