/**
 * The blocker register as CSV, exactly the rows the user sees, in their order. The header names
 * are ones the RAID-log import recognises (shared/import/blockers), so an exported register
 * imports back; the days and the status history are for reading only. Cells a spreadsheet would
 * run as a formula are neutralised as in the apps export (safeCsvCell), and the import removes
 * that apostrophe again.
 */
import Papa from 'papaparse';
import { BLOCKER_SEVERITY_LABELS, BLOCKER_STATUS_LABELS } from '../domain/blockers';
import type { RegisterRow } from '../domain/blocker-register';
import { safeCsvCell } from './apps-csv';

export const BLOCKER_EXPORT_COLUMNS = [
  'Title',
  'Category',
  'Sub-category',
  'Severity',
  'Status',
  'Opened on',
  'Resolved on',
  'Days (open, or to resolve)',
  'Owner',
  'App',
  'Team',
  'Cycle',
  'Notes',
  'Mitigation',
  'Status history',
] as const;

/** The rows as a CSV document (comma-separated, CRLF line breaks, a header row, a BOM for Excel). */
export function blockersToCsv(rows: readonly RegisterRow[], options: { bom?: boolean } = {}): string {
  const data = rows.map(({ blocker: b, ...row }) =>
    [
      b.title,
      row.categoryLabel,
      b.subCategory,
      BLOCKER_SEVERITY_LABELS[b.severity],
      BLOCKER_STATUS_LABELS[b.status],
      b.openedOn,
      b.resolvedOn ?? '',
      row.days === null ? '' : String(row.days),
      row.ownerName,
      row.appName,
      row.teamName,
      row.cycleName,
      b.notes,
      b.mitigation,
      b.statusHistory
        .map((c) => `${BLOCKER_STATUS_LABELS[c.status]} ${c.on}${c.note ? ` (${c.note})` : ''}`)
        .join('; '),
    ].map(safeCsvCell),
  );
  const csv = Papa.unparse({ fields: [...BLOCKER_EXPORT_COLUMNS], data }, { newline: '\r\n', quotes: false });
  return ((options.bom ?? true) ? '\uFEFF' : '') + csv + '\r\n';
}
