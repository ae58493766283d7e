/**
 * The session log: every pairing session, newest first, filtered by person (who paired or was a
 * partner), app, team, cycle, topic and dates. 200,000 sessions stay fast: the list is
 * virtualized and, when one index answers the filter, only the page in view is read
 * (data/queries.ts). Enter on a row edits it, Delete deletes it (Undo in the message), and a
 * session logged anywhere shows at once: one quick entry has logged shows at the top, marked as
 * saving while it is stored, until the log has read it back (pairing-store.ts `pending`).
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  formatDuration,
  formatHours,
  formatIsoDate,
  hasSessionFilter,
  isIsoDate,
  matchesSessionFilter,
  type PairingSession,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Field } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useAction } from '../../ui/use-save';
import {
  searchApps,
  shownAppName,
  nameOptions,
  readsByPage,
  useCycles,
  useRowNames,
  useSessionLog,
  useSessionPage,
  useTopics,
} from './data/queries';
import { deleteSession, sessionLabel } from './data/sessions';
import { EditSessionDialog } from './EditSessionDialog';
import { usePairingUi, type PendingSession } from './pairing-store';
import { matchOptions, Picker } from './Picker';
import { OUTCOME_LABELS } from './SessionFields';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import './session-log.css';
import { CycleOptions } from '../../ui/filters';

const ROW_HEIGHT = 46;
/** Sessions read per page; three pages around the rows in view are kept. */
const PAGE = 60;

/** An empty cell. */
const NONE = <span className="muted">—</span>;

const COLUMNS: readonly VirtualColumn[] = [
  { label: 'Date', width: 90 },
  { label: 'Who paired', width: 120 },
  { label: 'Partners', width: 140 },
  { label: 'Team', width: 110 },
  { label: 'App', width: 130 },
  { label: 'Topic', width: 140 },
  { label: 'Duration', width: 80, numeric: true },
  { label: 'Outcome', width: 90 },
  { label: 'Actions', width: 110 },
];

export function SessionLog() {
  const database = useDatabase();
  const filter = usePairingUi((s) => s.filter);
  const setFilter = usePairingUi((s) => s.setFilter);
  const showSessions = usePairingUi((s) => s.showSessions);
  const cycles = useCycles();
  const topics = useTopics();
  const logReads = usePairingUi((s) => s.logReads);
  const log = useSessionLog(filter, logReads);
  const offerUndo = useOfferUndo();
  const { run } = useAction();
  const [editing, setEditing] = useState<string | null>(null);

  const [pageStart, setPageStart] = useState(0);
  const [range, setRange] = useState<[number, number]>([0, PAGE]);
  const onRange = useCallback((start: number, end: number) => {
    setRange((r) => (r[0] === start && r[1] === end ? r : [start, end]));
    // The page before the rows in view too: it also covers them when sessions show ahead of it.
    setPageStart(Math.max(0, (Math.floor(start / PAGE) - 1) * PAGE));
  }, []);
  const paged = log?.kind === 'paged';
  // The page is read beside the count (whether the filter reads by page is known before either).
  const page = useSessionPage(filter, pageStart, pageStart + 3 * PAGE, readsByPage(filter), logReads);

  // Sessions quick entry logged that this log has not read back yet show at the top: every one
  // not stored yet, or stored but not yet in an answer to a read asked for after its commit (by
  // both the count and the page).
  const pending = usePairingUi((s) => s.pending);
  const dropPending = usePairingUi((s) => s.dropPending);
  const pageRead = page && page.filter === filter ? page.read : -1;
  const read = !log ? -1 : paged ? Math.min(log.read, pageRead) : log.read;
  const shown = useMemo(
    () => pending.filter((p) => !isReadBack(p, read) && matchesSessionFilter(p.session, filter)),
    [pending, filter, read],
  );
  const readBackIds = pending
    .filter((p) => isReadBack(p, read))
    .map((p) => p.session.id)
    .join(',');
  useEffect(() => {
    if (readBackIds) dropPending(readBackIds.split(','));
  }, [readBackIds, dropPending]);
  const ahead = shown.length;

  const sessionAt = (index: number): PairingSession | null => {
    if (!log) return null;
    if (index < ahead) return shown[index]!.session;
    const at = index - ahead;
    if (log.kind === 'loaded') return log.sessions[at] ?? null;
    if (!page || page.filter !== filter || at < page.start) return null;
    return page.sessions[at - page.start] ?? null;
  };
  /** Row `index` is a session still being stored. */
  const saving = (index: number) => index < ahead && shown[index]!.storedAt === null;
  const inView: PairingSession[] = [];
  for (let i = range[0]; i < range[1]; i++) {
    const s = sessionAt(i);
    if (s) inView.push(s);
  }
  // Names of the people, teams and apps in view (and in the filters) only, in one read; a row
  // waits for its names.
  const names = useRowNames({
    people: [
      ...(filter.personId ? [filter.personId] : []),
      ...inView.flatMap((s) => [s.personId, ...s.partnerIds]),
    ],
    teams: [
      ...(filter.teamId ? [filter.teamId] : []),
      ...inView.flatMap((s) => (s.teamId ? [s.teamId] : [])),
    ],
    apps: [...(filter.appId ? [filter.appId] : []), ...inView.flatMap((s) => (s.appId ? [s.appId] : []))],
  });
  const { person: personName, team: teamName, app: appNames } = names;
  const named = (s: PairingSession) =>
    personName(s.personId) !== undefined &&
    s.partnerIds.every((id) => personName(id) !== undefined) &&
    (s.teamId === null || teamName(s.teamId) !== undefined);
  const filterAppName = appNames(filter.appId ?? '');

  const remove = useCallback(
    (session: PairingSession) =>
      run(async () => {
        const { undo } = await deleteSession(session.id, database);
        offerUndo(`Deleted the session of ${sessionLabel(session)}.`, undo);
      }, 'The session was not deleted'),
    [run, database, offerUndo],
  );

  // A row's cells: the same function while the names and the sessions being saved are, so rows
  // that stay in view are not drawn again (VirtualTable).
  const cells = useCallback(
    (s: PairingSession, index: number): ReactNode[] => {
      const partners = s.partnerIds.map((id) => personName(id) ?? 'Unknown').join(', ');
      const isSaving = index < shown.length && shown[index]!.storedAt === null;
      return [
        formatIsoDate(s.date, 'd MMM yy'),
        personName(s.personId) ?? 'Unknown person',
        partners ? <span title={partners}>{partners}</span> : NONE,
        s.teamId ? (teamName(s.teamId) ?? 'Deleted team') : NONE,
        s.appId ? shownAppName(appNames(s.appId)) : NONE,
        <span title={s.notes || undefined}>{s.topic}</span>,
        formatDuration(s.durationMinutes),
        OUTCOME_LABELS[s.outcome],
        isSaving ? (
          <span className="muted">Saving…</span>
        ) : (
          <span className="session-actions">
            <button type="button" className="link" tabIndex={-1} onClick={() => setEditing(s.id)}>
              Edit
            </button>
            <button
              type="button"
              className="link"
              tabIndex={-1}
              aria-label={`Delete the session of ${sessionLabel(s)}`}
              onClick={() => void remove(s)}
            >
              Delete
            </button>
          </span>
        ),
      ];
    },
    [personName, teamName, appNames, shown, remove],
  );

  if (!log || !cycles || !topics) {
    return (
      <p role="status" className="muted">
        Loading the sessions…
      </p>
    );
  }

  const total = log.total + ahead;
  const minutes =
    log.minutes === null ? null : shown.reduce((sum, p) => sum + p.session.durationMinutes, log.minutes);

  return (
    <section className="session-log" aria-label="Session log">
      <div className="session-filters" role="search" aria-label="Filter sessions">
        <Field label="Person">
          <Picker
            value={filter.personId}
            valueLabel={
              filter.personId
                ? (personName(filter.personId) ?? (personName(filter.personId) === null ? 'Unknown' : '…'))
                : ''
            }
            search={async (text) => matchOptions(await nameOptions(database, 'people'), text)}
            onChange={(id) => setFilter({ personId: id })}
            placeholder="Anyone"
          />
        </Field>
        <Field label="Team">
          <Picker
            value={filter.teamId}
            valueLabel={
              filter.teamId
                ? (teamName(filter.teamId) ?? (teamName(filter.teamId) === null ? 'Deleted team' : '…'))
                : ''
            }
            search={async (text) => matchOptions(await nameOptions(database, 'teams'), text)}
            onChange={(id) => setFilter({ teamId: id })}
            placeholder="Any team"
          />
        </Field>
        <Field label="App">
          <Picker
            value={filter.appId}
            valueLabel={filter.appId ? shownAppName(filterAppName) : ''}
            search={async (text) =>
              (await searchApps(database, text, filter.teamId)).map((a) => ({ id: a.id, label: a.name }))
            }
            onChange={(id) => setFilter({ appId: id })}
            placeholder="Any app"
          />
        </Field>
        <Field label="Cycle">
          <select
            name="cycleId"
            value={filter.cycleId ?? ''}
            onChange={(e) => setFilter({ cycleId: e.target.value || null })}
          >
            <option value="">Any cycle</option>
            <CycleOptions cycles={cycles} />
          </select>
        </Field>
        <Field label="Topic">
          <select
            name="topic"
            value={filter.topic ?? ''}
            onChange={(e) => setFilter({ topic: e.target.value || null })}
          >
            <option value="">Any topic</option>
            {[...topics].sort().map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        <DateFilter label="From" value={filter.from} onChange={(from) => setFilter({ from })} />
        <DateFilter label="To" value={filter.to} onChange={(to) => setFilter({ to })} />
      </div>
      <div className="session-summary">
        <span role="status" aria-live="polite">
          {total.toLocaleString('en')} {total === 1 ? 'session' : 'sessions'}
          {minutes !== null && ` · ${formatHours(minutes)} h`}
          {hasSessionFilter(filter) ? ' match the filters' : ' in all'}
        </span>
        {hasSessionFilter(filter) && (
          <button type="button" className="link" onClick={() => showSessions({})}>
            Clear filters
          </button>
        )}
      </div>
      <VirtualTable
        label={`Sessions, ${total.toLocaleString('en')} shown`}
        busy={log.filter !== filter}
        columns={COLUMNS}
        count={total}
        rowHeight={ROW_HEIGHT}
        testId="session-log-scroll"
        onRange={onRange}
        item={(i) => {
          const s = sessionAt(i);
          return s && named(s) ? s : null;
        }}
        itemKey={(s) => s.id}
        cells={cells}
        onOpen={(i) => {
          const s = sessionAt(i);
          if (s && !saving(i)) setEditing(s.id);
        }}
        onDelete={(i) => {
          const s = sessionAt(i);
          if (s && !saving(i)) void remove(s);
        }}
        empty={
          hasSessionFilter(filter)
            ? 'No session matches these filters.'
            : 'No session logged yet. Press Ctrl+Shift+L on any screen to log one.'
        }
      />
      <p className="muted pairing-keys">On a row: Enter edits, Delete deletes (Undo in the message).</p>
      {editing && <EditSessionDialog id={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** A date filter: applied once it is a date (or empty); otherwise said so at the field. */
function DateFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
}) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Cleared or set from elsewhere (Clear filters, a number on the Hours view).
    setShown(value);
    setText(value ?? '');
  }
  const trimmed = text.trim();
  const error = trimmed !== '' && !isIsoDate(trimmed) ? `${label} must be a date (yyyy-mm-dd)` : undefined;
  return (
    <Field label={label} error={error}>
      <input
        type="text"
        inputMode="numeric"
        placeholder="yyyy-mm-dd"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim();
          if (next === '') onChange(null);
          else if (isIsoDate(next)) onChange(next);
        }}
      />
    </Field>
  );
}

/** A stored session the log's answer to read `read` holds (that read was asked for after its commit). */
function isReadBack(p: PendingSession, read: number): boolean {
  return p.storedAt !== null && p.storedAt <= read;
}
