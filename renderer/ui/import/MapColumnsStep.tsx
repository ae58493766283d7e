/**
 * The table step: map the file's columns to the entity's fields (guessed from the header names),
 * and see at once what the import will do and every row's problems. A missing required column
 * is said in an alert and keeps Import disabled.
 */
import { useMemo, useState } from 'react';
import type {
  ColumnMapping,
  EntityImport,
  ParsedRecords,
  RecordPlan,
} from '../../../shared/import/definition';
import { guessMapping, mapRows } from '../../../shared/import/mapping';
import type { ParsedCsv } from '../../../shared/import/read/csv';
import type { RejectedRow } from '../../../shared/import/types';
import { describeError } from '../../db/errors';
import { ColumnMappingForm } from './ColumnMappingForm';
import { count, FileLine } from './parts';
import { PlanBar } from './PlanBar';
import { ProblemList } from './ProblemList';
import { RowPreview } from './RowPreview';
import type { Fact } from './types';
import { useStepFocus } from './use-step-focus';

export function MapColumnsStep<T, P extends RecordPlan<T>>({
  definition,
  file,
  table,
  plan: planOf,
  planFacts,
  onCancel,
  onImport,
}: {
  definition: EntityImport<T>;
  file: { name: string; size: number };
  table: ParsedCsv;
  plan: (parsed: ParsedRecords<T>) => P;
  planFacts?: ((plan: P) => Fact[]) | undefined;
  onCancel: () => void;
  onImport: (plan: P) => void;
}) {
  const heading = useStepFocus();
  const [mapping, setMapping] = useState<ColumnMapping>(() => guessMapping(definition.fields, table.headers));

  const outcome = useMemo((): { parsed: ParsedRecords<T> } | { error: string } => {
    try {
      return { parsed: mapRows(definition, table, mapping) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }, [definition, table, mapping]);
  const plan = useMemo(() => ('parsed' in outcome ? planOf(outcome.parsed) : null), [outcome, planOf]);

  const problemsByRow = useMemo(() => {
    const map = new Map<string, RejectedRow[]>();
    for (const r of plan?.rejected ?? []) map.set(r.location, [...(map.get(r.location) ?? []), r]);
    return map;
  }, [plan]);

  const setColumn = (field: string, column: number | undefined) =>
    setMapping((m) => {
      const next = { ...m };
      if (column === undefined) delete next[field];
      else next[field] = column;
      return next;
    });

  const { one, many } = definition.noun;
  return (
    <div className="card">
      <h2 ref={heading} tabIndex={-1}>
        Map the columns
      </h2>
      <FileLine name={file.name} size={file.size} what={`${count(table.rows.length, 'row')} in`} />
      <ColumnMappingForm
        fields={definition.fields}
        headers={table.headers}
        mapping={mapping}
        onChange={setColumn}
      />
      {'error' in outcome && (
        <div className="form-error" role="alert">
          {outcome.error}
        </div>
      )}
      <PlanBar
        plan={plan}
        extra={plan && planFacts ? planFacts(plan) : []}
        noun={definition.noun}
        label={plan ? `Import ${count(plan.creates.length + plan.updates.length, one, many)}` : 'Import'}
        onCancel={onCancel}
        onImport={() => plan && onImport(plan)}
      />
      {plan && (
        <>
          <h3>Preview</h3>
          <RowPreview
            rows={table.rows}
            fields={definition.fields}
            mapping={mapping}
            problemsByRow={problemsByRow}
          />
          <ProblemList rejected={plan.rejected} title="Rows that will not be imported" />
        </>
      )}
    </div>
  );
}
