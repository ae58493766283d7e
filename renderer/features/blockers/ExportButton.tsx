/** Export CSV: the register's rows as shown (filtered and sorted), saved where the user chooses. */
import type { RegisterRow } from '../../../shared/domain/blocker-register';
import { blockersToCsv } from '../../../shared/export/blockers-csv';
import { describeError } from '../../db/errors';
import { desktop } from '../../desktop';
import { useUi } from '../../store/ui';
import { count, today } from './parts';

export function ExportButton({ rows }: { rows: readonly RegisterRow[] }) {
  const toast = useUi((s) => s.toast);
  const exportCsv = async () => {
    try {
      const result = await desktop.saveFile({
        suggestedName: `blockers-${today()}.csv`,
        content: blockersToCsv(rows),
        mimeType: 'text/csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      if (result.status === 'saved') {
        toast({
          kind: 'success',
          text: `Exported ${count(rows.length, 'blocker')}${result.path ? ` to ${result.path}` : ''}.`,
        });
      }
    } catch (error) {
      toast({ kind: 'error', text: `The export failed: ${describeError(error)}` });
    }
  };
  return (
    <button type="button" onClick={() => void exportCsv()} disabled={rows.length === 0}>
      Export CSV
    </button>
  );
}
