/**
 * The table step: map the file's columns to the entity's fields (guessed from the header names),
 * and see at once what the import will do and every row's problems. A missing required column
 * is said in an alert and keeps Import disabled. Texts a field cannot read (a CMDB's criticality
 * words for a score) are mapped to values here too (ValueMappingForm).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type {
  ColumnMapping,
  EntityImport,
  ParsedRecords,
  RecordPlan,
} from '../../../shared/import/definition';
import { guessMapping, mapRows } from '../../../shared/import/mapping';
import {
  distinctValues,
  orderForMapping,
  suggestValues,
  type ValueMapping,
} from '../../../shared/import/values';
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
import { ValueMappingForm, type ColumnValues } from './ValueMappingForm';

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

  // The texts each mapped column holds that its field cannot read: one pass over the rows per
  // column, again only when the column mapping changes (not on every choice).
  const unreadableColumns = useMemo(() => {
    const out: Omit<ColumnValues, 'chosen'>[] = [];
    for (const field of definition.fields) {
      const column = mapping[field.field];
      if (!field.choices || column === undefined) continue;
      const unreadable = orderForMapping(
        field,
        distinctValues(field, table, column).filter((v) => !v.readable),
      );
      if (unreadable.length === 0) continue;
      out.push({ field, column, header: table.headers[column] || `Column ${column + 1}`, unreadable });
    }
    return out;
  }, [definition, table, mapping]);

  // The user's choice per field and text, kept for the column it was made on.
  const [chosen, setChosen] = useState<
    Record<string, { column: number; values: Record<string, string | number | null> }>
  >({});
  const columnValues = useMemo(
    (): ColumnValues[] =>
      unreadableColumns.map((c) => {
        const own = chosen[c.field.field]?.column === c.column ? chosen[c.field.field]!.values : {};
        return { ...c, chosen: { ...suggestValues(c.field, c.unreadable), ...own } };
      }),
    [unreadableColumns, chosen],
  );
  const chosenValues = useMemo(() => {
    const out: ValueMapping = {};
    for (const c of columnValues) out[c.field.field] = c.chosen;
    return out;
  }, [columnValues]);
  // A select shows the choice at once; the rows are read again (20,000 of them in a big export)
  // with the deferred mapping just after, so the page answers the keyboard meanwhile.
  const current = useMemo(() => ({ mapping, values: chosenValues }), [mapping, chosenValues]);
  const reading = useDeferredValue(current);
  const choose = (field: string, text: string, value: string | number | null) =>
    setChosen((was) => {
      const column = mapping[field]!;
      const own = was[field]?.column === column ? was[field]!.values : {};
      return { ...was, [field]: { column, values: { ...own, [text]: value } } };
    });

  const outcome = useMemo((): { parsed: ParsedRecords<T> } | { error: string } => {
    try {
      return { parsed: mapRows(definition, table, reading.mapping, reading.values) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }, [definition, table, reading]);
  const plan = useMemo(() => ('parsed' in outcome ? planOf(outcome.parsed) : null), [outcome, planOf]);

  const warnings = useMemo(() => plan?.warnings ?? [], [plan]);
  const problemsByRow = useMemo(() => {
    const map = new Map<string, RejectedRow[]>();
    for (const r of plan?.rejected ?? []) map.set(r.location, [...(map.get(r.location) ?? []), r]);
    return map;
  }, [plan]);
  const warningsByRow = useMemo(() => {
    const map = new Map<string, RejectedRow[]>();
    for (const r of warnings) map.set(r.location, [...(map.get(r.location) ?? []), r]);
    return map;
  }, [warnings]);

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
      <ValueMappingForm columns={columnValues} onChange={choose} />
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
        onImport={() => {
          // A choice made a moment ago may not be read into the preview yet: plan with it.
          if (reading === current) return plan && onImport(plan);
          let fresh: P;
          try {
            fresh = planOf(mapRows(definition, table, current.mapping, current.values));
          } catch {
            return; // the alert saying why follows with the deferred reading
          }
          onImport(fresh);
        }}
      />
      {plan && (
        <>
          <h3>Preview</h3>
          <RowPreview
            rows={table.rows}
            fields={definition.fields}
            mapping={reading.mapping}
            values={reading.values}
            problemsByRow={problemsByRow}
            warningsByRow={warningsByRow}
          />
          <ProblemList rejected={plan.rejected} title="Rows that will not be imported" />
          <ProblemList rejected={warnings} title="Values that will be left empty" />
        </>
      )}
    </div>
  );
}
