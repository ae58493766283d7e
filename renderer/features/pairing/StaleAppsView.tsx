/**
 * The onboarding apps nobody paired on in the last two weeks (today included): never paired
 * first, then the longest without a session. Each leads to its app, to its sessions, and to
 * quick entry for it.
 */
import { useMemo, useState } from 'react';
import {
  cycleLabel,
  daysBetween,
  formatIsoDate,
  STALE_AFTER_DAYS,
  todayIso,
  type App,
  type StaleApp,
} from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { useCycles, useStaleApps, useTeams } from './data/queries';
import { usePairingUi } from './pairing-store';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import { CycleOptions } from '../../ui/filters';

const COLUMNS: readonly VirtualColumn[] = [
  { label: 'App', width: 200 },
  { label: 'Team', width: 140 },
  { label: 'Cycle', width: 150 },
  { label: 'Last session', width: 150 },
  { label: 'Actions', width: 150 },
];

/** "never", or "12 Mar 2026 (40 days ago)". */
export function lastSessionWords(s: StaleApp<unknown>, today: string): string {
  if (!s.lastDate) return 'never';
  const days = daysBetween(s.lastDate, today);
  return `${formatIsoDate(s.lastDate)} (${days} ${days === 1 ? 'day' : 'days'} ago)`;
}

/** `cycleId`: only that cycle's apps (`#/pairing/stale/<cycle id>`); null: every onboarding app. */
export default function StaleAppsView({ cycleId = null }: { cycleId?: string | null }) {
  const [today] = useState(todayIso);
  const stale = useStaleApps(today, cycleId);
  const teams = useTeams();
  const cycles = useCycles();
  const openQuickEntry = usePairingUi((s) => s.openQuickEntry);
  const showSessions = usePairingUi((s) => s.showSessions);
  const navigate = useUi((s) => s.navigate);
  const replaceRoute = useUi((s) => s.replaceRoute);
  const teamName = useMemo(() => new Map((teams ?? []).map((t) => [t.id, t.name])), [teams]);
  const cycleName = useMemo(() => new Map((cycles ?? []).map((c) => [c.id, cycleLabel(c)])), [cycles]);

  if (!stale || !teams || !cycles) {
    return (
      <p role="status" className="muted">
        Loading the onboarding apps…
      </p>
    );
  }
  const sessionsOf = (app: App) => {
    showSessions({ appId: app.id });
    navigate('pairing');
  };
  // An address naming a cycle that is not there (deleted, mistyped): said so, not an empty list.
  const unknownCycle = cycleId !== null && !cycleName.has(cycleId);
  const inCycle = cycleId === null ? '' : ` of ${cycleName.get(cycleId) ?? 'this cycle'}`;
  return (
    <section aria-label="Stale onboarding apps">
      <div className="toolbar stale-scope">
        <label>
          Cycle{' '}
          <select
            value={unknownCycle ? '' : (cycleId ?? '')}
            onChange={(e) =>
              replaceRoute(e.target.value ? `pairing/stale/${e.target.value}` : 'pairing/stale')
            }
          >
            <option value="">All cycles</option>
            <CycleOptions cycles={cycles} />
          </select>
        </label>
      </div>
      {unknownCycle ? (
        <p role="status">No cycle has this address (it may have been deleted): choose one above.</p>
      ) : (
        <>
          <p role="status">
            {stale.length === 0
              ? `Every onboarding app${inCycle} had a pairing session in the last ${STALE_AFTER_DAYS} days.`
              : `${stale.length.toLocaleString('en')} onboarding ${stale.length === 1 ? 'app' : 'apps'}${inCycle} ${stale.length === 1 ? 'has' : 'have'} had no pairing session in the last ${STALE_AFTER_DAYS} days (${stale.filter((s) => !s.lastDate).length.toLocaleString('en')} never).`}
          </p>
          <VirtualTable
            label={`Stale onboarding apps, ${stale.length.toLocaleString('en')} shown`}
            columns={COLUMNS}
            count={stale.length}
            rowHeight={44}
            item={(i) => stale[i] ?? null}
            itemKey={(s) => s.app.id}
            onOpen={(i) => stale[i] && navigate(`apps/${stale[i].app.id}`)}
            empty="Nothing to catch up on."
            cells={(s) => {
              const { app } = s;
              return [
                <a href={`#/apps/${app.id}`} tabIndex={-1}>
                  {app.name}
                </a>,
                app.teamId ? (teamName.get(app.teamId) ?? 'Deleted team') : '—',
                app.cycleId ? (cycleName.get(app.cycleId) ?? '—') : '—',
                s.lastDate ? (
                  <button type="button" className="link" tabIndex={-1} onClick={() => sessionsOf(app)}>
                    {lastSessionWords(s, today)}
                  </button>
                ) : (
                  'never'
                ),
                <button
                  type="button"
                  className="link"
                  tabIndex={-1}
                  onClick={() => openQuickEntry({ appId: app.id, teamId: app.teamId })}
                >
                  Log a session
                </button>,
              ];
            }}
          />
          <p className="muted pairing-keys">On a row, Enter opens the app.</p>
        </>
      )}
    </section>
  );
}
