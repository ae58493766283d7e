/**
 * The step of a file read straight into records (a Backstage catalog): what the file holds, what
 * the import will make of it against what is stored, a preview of the first records, and every
 * rejected document with its problem.
 */
import { useMemo, type ReactNode } from 'react';
import type { ParsedRecords, RecordPlan } from '../../../shared/import/definition';
import { count, FactList, FileLine, ScrollBox } from './parts';
import { PlanBar } from './PlanBar';
import { ProblemList } from './ProblemList';
import { PREVIEW_ROWS } from './RowPreview';
import type { Fact, RecordsDefinition, RecordsReading, RecordsSource } from './types';
import { useStepFocus } from './use-step-focus';

export function RecordsStep<T, P extends RecordPlan<T>, R extends ParsedRecords<T>>({
  definition,
  source,
  file,
  reading,
  plan: planOf,
  planFacts,
  planOptions,
  onCancel,
  onImport,
}: {
  definition: RecordsDefinition;
  source: RecordsSource<T, R, P>;
  file: { name: string; size: number };
  reading: RecordsReading<R>;
  plan: (parsed: R) => P;
  planFacts?: ((plan: P) => Fact[]) | undefined;
  planOptions?: ((plan: P) => ReactNode) | undefined;
  onCancel: () => void;
  onImport: (plan: P) => void;
}) {
  const heading = useStepFocus();
  const plan = useMemo(() => planOf(reading.parsed), [planOf, reading.parsed]);
  const { one, many } = definition.noun;
  const records = reading.parsed.records;
  return (
    <div className="card">
      <h2 ref={heading} tabIndex={-1}>
        {source.heading}
      </h2>
      <FileLine name={file.name} size={file.size} what="Read" />
      <FactList label="What the file holds" facts={reading.facts} />
      {reading.note && <p className="muted">{reading.note}</p>}
      <h3>The import will make</h3>
      <PlanBar
        plan={plan}
        extra={planFacts?.(plan) ?? []}
        noun={definition.noun}
        label={
          source.importLabel?.(plan) ??
          `Import ${count(plan.creates.length + plan.updates.length, one, many)}`
        }
        onCancel={onCancel}
        onImport={() => onImport(plan)}
      />
      {planOptions?.(plan)}
      {records.length > 0 && (
        <ScrollBox label="Preview rows">
          <table className="data import-preview" aria-label="Preview">
            <thead>
              <tr>
                {source.columns.map((c) => (
                  <th scope="col" key={c.label}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {records.slice(0, PREVIEW_ROWS).map((record) => (
                <tr key={record.location}>
                  {source.columns.map((c) => (
                    <td key={c.label}>{c.value(record)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <ProblemList rejected={plan.rejected} title={source.rejectedTitle} />
    </div>
  );
}
