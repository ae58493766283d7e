/**
 * The filters the register, the board and the trends share: category, sub-category, severity,
 * status, cycle, team, app, owner and words. They live in the route's query, so a filtered view
 * can be linked and every count can open its list; changing one replaces the address (it is not
 * a step to go back to). Filters that only a count sets (open on a day, an age, a range of days)
 * show as chips that can be removed.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  BLOCKER_CATEGORIES,
  BLOCKER_CATEGORY_IDS,
  BLOCKER_SEVERITIES,
  BLOCKER_SEVERITY_LABELS,
  BLOCKER_STATUSES,
  BLOCKER_STATUS_LABELS,
  cycleLabel,
  formatIsoDate,
  type BlockerCategory,
} from '../../../shared/domain';
import { AGE_BUCKETS } from '../../../shared/domain/blocker-stats';
import {
  EMPTY_BLOCKER_FILTERS,
  hasBlockerFilters,
  NONE,
  parseRange,
  type BlockerFilters,
} from '../../../shared/domain/blocker-filters';
import { useUi } from '../../store/ui';
import { NamePicker } from '../../ui/NamePicker';
import { AppPicker } from './AppPicker';
import type { BlockerLookups } from './data/queries';
import { viewRoute, type View } from './route';

/** Replaces the address (no history step) with the view and these filters. */
export function useReplaceFilters(view: View) {
  const replaceRoute = useUi((s) => s.replaceRoute);
  return (filters: BlockerFilters) => replaceRoute(viewRoute(view, filters));
}

function rangeText(value: string): string {
  const range = parseRange(value);
  if (!range) return value;
  if (range.from && range.to) return `${formatIsoDate(range.from)} – ${formatIsoDate(range.to)}`;
  return range.from ? `since ${formatIsoDate(range.from)}` : `until ${formatIsoDate(range.to)}`;
}

const NO_TEAM = { value: NONE, label: 'No team' };
const NO_OWNER = { value: NONE, label: 'No owner' };

/** The filters only a count sets, as the chips say them. */
const CHIPS: { key: 'openOn' | 'age' | 'opened' | 'resolved'; label: (value: string) => string }[] = [
  { key: 'openOn', label: (v) => `Unresolved on ${formatIsoDate(v)}` },
  { key: 'age', label: (v) => `Open ${AGE_BUCKETS.find((b) => b.id === v)?.label.toLowerCase() ?? v}` },
  { key: 'opened', label: (v) => `Opened ${rangeText(v)}` },
  { key: 'resolved', label: (v) => `Resolved ${rangeText(v)}` },
];

export function FilterBar({
  view,
  filters,
  lookups,
}: {
  view: View;
  filters: BlockerFilters;
  lookups: BlockerLookups;
}) {
  const replace = useReplaceFilters(view);
  const set = (patch: Partial<BlockerFilters>) => replace({ ...filters, ...patch });
  const setTeam = (teamId: string) => set({ teamId });
  const setOwner = (ownerId: string) => set({ ownerId });
  // The words are typed here and written to the address as they are typed.
  const [text, setText] = useState(filters.text);
  // The address keeps the words trimmed: a space just typed stays in the box.
  useEffect(() => setText((typed) => (typed.trim() === filters.text ? typed : filters.text)), [filters.text]);
  // Thousands of owners and teams at scale: their options are made once per list, so a key typed
  // in the search does not make React compare 6,000 new <option> elements again.
  const cycleOptions = useMemo(
    () =>
      lookups.cycles.map((c) => (
        <option key={c.id} value={c.id}>
          {cycleLabel(c)}
        </option>
      )),
    [lookups.cycles],
  );
  // Thousands of teams and owners: chosen by typing a name (NamePicker), not from a select.
  const teamRecords = lookups.teams;
  const ownerRecords = useMemo(() => {
    const teamName = new Map(lookups.teams.map((t) => [t.id, t.name]));
    return lookups.people.map((p) => ({ id: p.id, name: p.name, detail: teamName.get(p.teamId ?? '') }));
  }, [lookups.people, lookups.teams]);
  const subCategories: readonly string[] = filters.category
    ? BLOCKER_CATEGORIES[filters.category].subCategories
    : [];

  return (
    <div className="toolbar blockers-filters" role="search" aria-label="Filter blockers">
      <input
        type="search"
        className="blockers-search"
        aria-label="Search blockers"
        placeholder="Search blockers…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          set({ text: e.target.value });
        }}
      />
      <select
        aria-label="Category"
        value={filters.category}
        onChange={(e) => set({ category: e.target.value as BlockerCategory | '', subCategory: '' })}
      >
        <option value="">All categories</option>
        {BLOCKER_CATEGORY_IDS.map((c) => (
          <option key={c} value={c}>
            {BLOCKER_CATEGORIES[c].label}
          </option>
        ))}
      </select>
      {filters.category && (
        <select
          aria-label="Sub-category"
          value={filters.subCategory}
          onChange={(e) => set({ subCategory: e.target.value })}
        >
          <option value="">All sub-categories</option>
          {subCategories.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Severity"
        value={filters.severity}
        onChange={(e) => set({ severity: e.target.value as BlockerFilters['severity'] })}
      >
        <option value="">All severities</option>
        {BLOCKER_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {BLOCKER_SEVERITY_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filters.status}
        onChange={(e) => set({ status: e.target.value as BlockerFilters['status'] })}
      >
        <option value="">All statuses</option>
        <option value="unresolved">Unresolved (open or mitigating)</option>
        {BLOCKER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {BLOCKER_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select aria-label="Cycle" value={filters.cycleId} onChange={(e) => set({ cycleId: e.target.value })}>
        <option value="">All cycles</option>
        <option value={NONE}>No cycle</option>
        {cycleOptions}
      </select>
      <NamePicker
        label="Team"
        allLabel="All teams"
        none={NO_TEAM}
        records={teamRecords}
        value={filters.teamId}
        onChange={setTeam}
        noun="team"
      />
      <NamePicker
        label="Owner"
        allLabel="All owners"
        none={NO_OWNER}
        records={ownerRecords}
        value={filters.ownerId}
        onChange={setOwner}
        noun="owner"
      />
      <AppPicker
        label="App"
        placeholder="All apps"
        appId={filters.appId && filters.appId !== NONE ? filters.appId : null}
        onChange={(appId) => set({ appId: appId ?? '' })}
      />
      {CHIPS.filter((chip) => filters[chip.key]).map((chip) => (
        <span key={chip.key} className="badge blockers-chip">
          {chip.label(filters[chip.key])}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove the filter: ${chip.label(filters[chip.key])}`}
            onClick={() => set({ [chip.key]: '' })}
          >
            ×
          </button>
        </span>
      ))}
      {hasBlockerFilters(filters) && (
        <button type="button" className="link" onClick={() => replace(EMPTY_BLOCKER_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
