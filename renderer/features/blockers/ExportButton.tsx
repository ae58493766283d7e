/** Export CSV: the register's rows as shown (filtered and sorted), saved where the user chooses. */
import type { RegisterRow } from '../../../shared/domain/blocker-register';
import { blockersToCsv } from '../../../shared/export/blockers-csv';
import { useCsvExport } from '../../ui/csv-export';
import { count, today } from './parts';

export function ExportButton({ rows }: { rows: readonly RegisterRow[] }) {
  const exportCsv = useCsvExport();
  const onExport = () =>
    exportCsv({
      fileName: `blockers-${today()}.csv`,
      build: (format) => blockersToCsv(rows, { format }),
      what: count(rows.length, 'blocker'),
    });
  return (
    <button type="button" onClick={() => void onExport()} disabled={rows.length === 0}>
      Export CSV
    </button>
  );
}
