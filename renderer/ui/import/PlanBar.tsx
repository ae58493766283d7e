/** What the import will do, counted from the plan, with the two ways on: import, or choose another file. */
import type { RecordPlan } from '../../../shared/import/definition';
import { rejectedRowCount } from '../../../shared/import/types';
import { FactList } from './parts';
import type { Fact } from './types';

export function PlanBar<T>({
  plan,
  extra,
  noun,
  label,
  onCancel,
  onImport,
}: {
  plan: RecordPlan<T> | null;
  /** The area's own counts ("new teams"): shown, and work to do. */
  extra: readonly Fact[];
  noun: { one: string; many: string };
  label: string;
  onCancel: () => void;
  onImport: () => void;
}) {
  const work = plan ? plan.creates.length + plan.updates.length + extra.reduce((n, f) => n + f.count, 0) : 0;
  const rejectedRows = plan ? rejectedRowCount(plan.rejected) : 0;
  return (
    <div className="import-plan-bar">
      {plan && (
        <FactList
          label="What the import will do"
          facts={[
            { label: `new ${noun.many}`, count: plan.creates.length },
            { label: `${noun.many} updated`, count: plan.updates.length },
            ...extra,
            { label: 'rejected', count: rejectedRows, bad: rejectedRows > 0 },
            { label: 'skipped', count: plan.skipped },
          ]}
        />
      )}
      <div className="toolbar import-plan-actions">
        <button type="button" onClick={onCancel}>
          Choose another file
        </button>
        <button type="button" className="primary" disabled={work === 0} onClick={onImport}>
          {label}
        </button>
      </div>
    </div>
  );
}
