/**
 * The activities, newest first, filtered by kind, cycle and words; the filters live in the
 * address (replaced as they change, not a step to go back to). Each title opens the activity's
 * form; the totals above the table are those of the activities shown.
 */
import { useMemo } from 'react';
import {
  activityCycleId,
  cycleLabel,
  filterActivities,
  formatIsoDate,
  MARKETING_KIND_LABELS,
  MARKETING_KINDS,
  type ActivityFilter,
  type Cycle,
  type MarketingActivity,
} from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { FilterSelect, SearchField } from '../../ui/filters';
import { activityRoute, listRoute } from './route';

export function ActivityList({
  activities,
  cycles,
  filter,
}: {
  activities: readonly MarketingActivity[];
  cycles: readonly Cycle[];
  filter: ActivityFilter;
}) {
  const replaceRoute = useUi((s) => s.replaceRoute);
  const shown = useMemo(() => filterActivities(activities, filter, cycles), [activities, filter, cycles]);
  const cycleById = useMemo(() => new Map(cycles.map((c) => [c.id, c])), [cycles]);
  const reach = shown.reduce((sum, a) => sum + a.reach, 0);
  const filtered = Boolean(filter.kind || filter.cycleId || filter.text);

  const change = (patch: Partial<ActivityFilter>) => {
    replaceRoute(listRoute({ ...filter, ...patch }));
  };
  const kindChoices = useMemo(
    () => [
      { value: '', label: 'Every kind' },
      ...MARKETING_KINDS.map((k) => ({ value: k, label: MARKETING_KIND_LABELS[k] })),
    ],
    [],
  );
  const cycleChoices = useMemo(
    () => [
      { value: '', label: 'Every cycle' },
      ...[...cycles].reverse().map((c) => ({ value: c.id, label: cycleLabel(c) })),
      { value: 'none', label: 'Outside every cycle' },
    ],
    [cycles],
  );

  return (
    <section className="card mk-list" aria-labelledby="mk-list-title">
      <h2 id="mk-list-title" className="visually-hidden">
        Activities
      </h2>
      <div className="mk-filters" role="search" aria-label="Filter activities">
        <FilterSelect
          label="Kind"
          value={filter.kind}
          choices={kindChoices}
          onChange={(v) => change({ kind: v as ActivityFilter['kind'] })}
        />
        <FilterSelect
          label="Cycle"
          value={filter.cycleId}
          choices={cycleChoices}
          onChange={(v) => change({ cycleId: v })}
        />
        <SearchField
          label="Search activities"
          placeholder="Search titles and notes"
          value={filter.text}
          onChange={(v) => change({ text: v })}
        />
        {filtered && (
          <button type="button" className="link" onClick={() => change({ kind: '', cycleId: '', text: '' })}>
            Clear filters
          </button>
        )}
      </div>
      <p className="muted" role="status">
        {shown.length === activities.length
          ? `${shown.length.toLocaleString('en-US')} activities, ${reach.toLocaleString('en-US')} reached.`
          : `${shown.length.toLocaleString('en-US')} of ${activities.length.toLocaleString('en-US')} activities, ${reach.toLocaleString('en-US')} reached.`}
      </p>
      {shown.length === 0 ? (
        <p className="empty">
          {activities.length === 0
            ? 'No activity logged yet. Log the first newsletter, demo day or office hours with “+ Log activity”.'
            : 'No activity matches these filters.'}
        </p>
      ) : (
        <div className="mk-table-scroll" tabIndex={-1}>
          <table className="data mk-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">Title</th>
                <th scope="col" className="numeric">
                  Reach
                </th>
                <th scope="col">Cycle</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => {
                const cycleId = activityCycleId(a, cycles);
                const cycle = cycleId ? cycleById.get(cycleId) : undefined;
                return (
                  <tr key={a.id}>
                    <td className="mk-date">{formatIsoDate(a.date)}</td>
                    <td>
                      <span className={`mk-kind mk-kind-${a.kind}`}>{MARKETING_KIND_LABELS[a.kind]}</span>
                    </td>
                    <td className="mk-title">
                      <a href={`#/${activityRoute(a.id, filter)}`}>{a.title}</a>
                      {a.notes && <span className="mk-notes muted">{a.notes}</span>}
                    </td>
                    <td className="numeric">{a.reach.toLocaleString('en-US')}</td>
                    <td>{cycle ? cycleLabel(cycle) : <span className="muted">No cycle</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
