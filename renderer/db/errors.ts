/**
 * Turns storage failures into messages people can act on. A full disk or a refused quota must
 * reach the user as a clear message, never as a blank screen.
 */
import Dexie from 'dexie';
import { ValidationError } from '../../shared/domain';

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(
      'There is no room left to save this: the disk is full or the browser refused more storage. ' +
        'Free some disk space (or export a backup and delete old data), then try again. Nothing was changed.',
    );
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

export function isQuotaError(error: unknown): boolean {
  if (error instanceof Dexie.QuotaExceededError) return true;
  if (error instanceof Error) {
    if (error.name === 'QuotaExceededError') return true;
    const inner = (error as { inner?: unknown }).inner;
    if (inner && inner !== error) return isQuotaError(inner);
  }
  return false;
}

/** Runs a write; a quota failure becomes a StorageFullError, anything else is rethrown as is. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** A sentence for any error a write may throw, for a toast or a form banner. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) return error.message;
  if (error instanceof StorageFullError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Asks the browser to keep our data even under storage pressure. Returns whether storage is
 * persistent; false is not an error (the browser decides), but the Data screen shows it.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
) {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
