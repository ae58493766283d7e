/**
 * The blocker register as CSV, exactly the rows the user sees, in their order. The header names
 * are ones the RAID-log import recognises (shared/import/blockers), so an exported register
 * imports back; the days and the status history are for reading only. Cells a spreadsheet would
 * run as a formula are neutralised as in the apps export (safeCsvCell), and the import removes
 * that apostrophe again.
 */
import { BLOCKER_SEVERITY_LABELS, BLOCKER_STATUS_LABELS } from '../domain/blockers';
import type { RegisterRow } from '../domain/blocker-register';
import { csvDocument, type CsvOptions } from './csv';

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

/** The rows as a CSV document in the chosen dialect (./csv.ts), with a header row. */
export function blockersToCsv(rows: readonly RegisterRow[], options: CsvOptions = {}): string {
  const data = rows.map(({ blocker: b, ...row }) => [
    b.title,
    row.categoryLabel,
    b.subCategory,
    BLOCKER_SEVERITY_LABELS[b.severity],
    BLOCKER_STATUS_LABELS[b.status],
    b.openedOn,
    b.resolvedOn ?? '',
    row.days,
    row.ownerName,
    row.appName,
    row.teamName,
    row.cycleName,
    b.notes,
    b.mitigation,
    b.statusHistory
      .map((c) => `${BLOCKER_STATUS_LABELS[c.status]} ${c.on}${c.note ? ` (${c.note})` : ''}`)
      .join('; '),
  ]);
  return csvDocument(BLOCKER_EXPORT_COLUMNS, data, options);
}
