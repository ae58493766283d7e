/** Shared by the import tests: the message of the ImportFileError a call throws. */
import { ImportFileError } from '../../shared/import/types';

export function fileError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error.message;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}
