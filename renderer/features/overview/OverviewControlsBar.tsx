/**
 * The overview's controls: time range (a preset or two dates), granularity, team and "as of".
 * Each change is handed up at once as a whole new set of controls; the dates shown are the
 * range the preset resolves to, and typing a date switches the range to custom dates.
 */
import { memo, useId, useMemo, useState } from 'react';
import {
  cycleLabel,
  formatIsoDate,
  GRANULARITIES,
  isIsoDate,
  type Cycle,
  type Granularity,
} from '../../../shared/domain';
import {
  cycleLastDay,
  GRANULARITY_LABELS,
  pastCycles,
  RANGE_PRESET_LABELS,
  RANGE_PRESETS,
  type OverviewControls,
  type RangePreset,
} from '../../../shared/domain/overview-scope';
import type { OverviewScope } from '../../ui/contributions';
import type { TeamChoice } from './data/queries';

/** Memo: the overview renders again as its charts catch up with a change; the bar's props do not move. */
export const OverviewControlsBar = memo(function OverviewControlsBar({
  controls,
  scope,
  cycles,
  teams,
  today,
  onChange,
}: {
  controls: OverviewControls;
  scope: OverviewScope;
  cycles: readonly Cycle[];
  teams: readonly TeamChoice[];
  today: string;
  onChange: (next: OverviewControls) => void;
}) {
  const id = useId();
  // A thousand teams: their options are made once, and React skips them on every other change.
  const teamOptions = useMemo(
    () =>
      teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      )),
    [teams],
  );
  const set = (patch: Partial<OverviewControls>) => onChange({ ...controls, ...patch });
  const past = pastCycles(cycles, today).reverse();
  // A team or cycle that was removed since it was chosen: shown as "all" / "today".
  const teamValue = controls.teamId && teams.some((t) => t.id === controls.teamId) ? controls.teamId : '';
  const asOfValue =
    controls.asOfCycleId && past.some((c) => c.id === controls.asOfCycleId) ? controls.asOfCycleId : '';

  const setDate = (which: 'from' | 'to', value: string) => {
    // The other end keeps the date on screen, so switching to custom keeps the range seen.
    set({
      range: 'custom',
      from: which === 'from' ? value : scope.from,
      to: which === 'to' ? value : scope.to,
    });
  };

  return (
    <form
      className="card overview-controls"
      aria-label="Overview controls"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="overview-control">
        <label htmlFor={`${id}-range`}>Time range</label>
        <select
          id={`${id}-range`}
          value={controls.range}
          onChange={(e) => {
            const range = e.target.value as RangePreset;
            // Custom starts from the dates on screen when none were typed yet.
            set(
              range === 'custom'
                ? { range, from: controls.from ?? scope.from, to: controls.to ?? scope.to }
                : { range },
            );
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {RANGE_PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <DateControl
        id={`${id}-from`}
        label="From"
        value={scope.from}
        max={scope.to}
        onCommit={(v) => setDate('from', v)}
      />
      <DateControl
        id={`${id}-to`}
        label="To"
        value={scope.to}
        min={scope.from}
        onCommit={(v) => setDate('to', v)}
      />
      <div className="overview-control">
        <label htmlFor={`${id}-granularity`}>Granularity</label>
        <select
          id={`${id}-granularity`}
          value={controls.granularity}
          onChange={(e) => set({ granularity: e.target.value as Granularity })}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {GRANULARITY_LABELS[g]}
            </option>
          ))}
        </select>
      </div>
      <div className="overview-control">
        <label htmlFor={`${id}-team`}>Team</label>
        <select id={`${id}-team`} value={teamValue} onChange={(e) => set({ teamId: e.target.value || null })}>
          <option value="">All teams</option>
          {teamOptions}
        </select>
      </div>
      <div className="overview-control">
        <label htmlFor={`${id}-asof`}>As of</label>
        <select
          id={`${id}-asof`}
          value={asOfValue}
          onChange={(e) => set({ asOfCycleId: e.target.value || null })}
        >
          <option value="">Today ({formatIsoDate(today)})</option>
          {past.map((c) => (
            <option key={c.id} value={c.id}>
              End of {cycleLabel(c)} ({formatIsoDate(cycleLastDay(c))})
            </option>
          ))}
        </select>
      </div>
    </form>
  );
});

/**
 * A date field that applies each whole, plausible date at once. While a year is typed digit by
 * digit the field holds real but absurd dates (0002-05-01): those stay on screen as typed (a
 * draft) and only a date the app could store (1970–2200) changes the range.
 */
function DateControl({
  id,
  label,
  value,
  min,
  max,
  onCommit,
}: {
  id: string;
  label: string;
  value: string;
  min?: string;
  max?: string;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="overview-control">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={draft ?? value}
        min={min}
        max={max}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (isIsoDate(next) && next >= '1970-01-01' && next <= '2200-12-31') onCommit(next);
        }}
        onBlur={() => setDraft(null)}
      />
    </div>
  );
}
