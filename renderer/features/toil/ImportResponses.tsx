/**
 * Importing one audit's responses from a survey tool's CSV: the one import wizard
 * (renderer/ui/import) with the responses' definition (shared/import/toil), its columns checked
 * against the template as the audit asks it, every problem by row, and the batch written in one
 * transaction (addResponses) or not at all.
 */
import { useMemo, useRef } from 'react';
import { formatIsoDate, type ToilAudit } from '../../../shared/domain';
import type { RecordPlan } from '../../../shared/import/definition';
import { planRecords } from '../../../shared/import/matching';
import { parseCsvFile } from '../../../shared/import/read/csv';
import {
  checkSurveyColumns,
  toilResponsesImport,
  type ToilResponseImportRecord,
} from '../../../shared/import/toil/definition';
import type { ImportResult } from '../../../shared/import/types';
import { useDatabase } from '../../db/DatabaseContext';
import { ImportWizard } from '../../ui/import/ImportWizard';
import type { ImportWizardConfig } from '../../ui/import/types';
import { useAuditResponses, type ToilData } from './data/queries';
import { addResponses, type ResponseDraft } from './data/toil';

type Plan = RecordPlan<ToilResponseImportRecord>;

const draftOf = (r: ToilResponseImportRecord): ResponseDraft => ({
  scores: r.scores,
  answers: r.answers,
  respondent: r.respondent,
});

export default function ImportResponses({ data, audit }: { data: ToilData; audit: ToilAudit }) {
  const database = useDatabase();
  const stored = useAuditResponses(audit.id);
  const leftOut = useRef<string[]>([]);

  const config = useMemo((): ImportWizardConfig<ToilResponseImportRecord, Plan, ImportResult> | null => {
    if (!stored) return null;
    const definition = toilResponsesImport(data.items, audit.date);
    return {
      title: `Import responses to “${audit.title}”`,
      definition,
      sources: [
        {
          kind: 'table',
          id: 'csv',
          label: 'CSV file',
          hint: 'A survey tool’s export: one response a row, one column per statement or question, headed with its wording (or S1…, Q1…).',
          dialogTitle: 'Import toil audit responses from a CSV file',
          filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
          read: (file) => {
            const table = parseCsvFile(file.content);
            leftOut.current = checkSurveyColumns(table.headers, data.items, audit.date);
            return table;
          },
        },
      ],
      plan: (parsed) => planRecords(definition, stored, parsed),
      planOptions: () =>
        leftOut.current.length > 0 ? (
          <p className="muted">
            Not in the template, left out: {leftOut.current.map((h) => `“${h}”`).join(', ')}.
          </p>
        ) : null,
      apply: async (plan, options) => {
        const names = [...plan.creates, ...plan.updates.map((u) => u.record)].map((r) => r.location);
        const done = await addResponses(audit.id, plan.creates.map(draftOf), database, {
          updates: plan.updates.map((u) => ({ id: u.id, row: draftOf(u.record) })),
          rowName: (i) => names[i] ?? `Row ${i + 2}`,
        });
        const total = plan.creates.length + plan.updates.length;
        options.onProgress?.({ done: total, total });
        return {
          created: done.added,
          updated: done.updated,
          skipped: plan.skipped,
          rejected: plan.rejected,
          ...(plan.warnings ? { warnings: plan.warnings } : {}),
          undo: done.undo,
        };
      },
      note: `Answers go to the audit of ${formatIsoDate(audit.date)}, anonymously: names and e-mail columns are left out. Importing the same export again updates the rows it matches by “Response ID”.`,
      doneLink: { href: `#/toil/${audit.id}`, label: 'See the results' },
    };
  }, [stored, data.items, audit, database]);

  return (
    <div className="toil-import">
      <a href={`#/toil/${audit.id}`} className="back-link">
        ← {audit.title}
      </a>
      {config ? (
        <ImportWizard config={config} />
      ) : (
        <div role="status" className="empty">
          Loading…
        </div>
      )}
    </div>
  );
}
