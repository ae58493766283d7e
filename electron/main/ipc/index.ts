/** Registers every IPC handler of the shell: one module per area, one call per contract entry. */
import { registerAppHandlers } from './app';
import { registerBackupHandlers } from './backups';
import { registerFileHandlers } from './files';
import { registerReportHandlers } from './report';

export function registerIpcHandlers(): void {
  registerAppHandlers();
  registerFileHandlers();
  registerBackupHandlers();
  registerReportHandlers();
}
