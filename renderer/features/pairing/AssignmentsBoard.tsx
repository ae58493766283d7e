/**
 * Who is where in a cycle: one column per team (or app) people are placed with, one card per
 * assignment, pairing or seeding. A person at more places at once than the load limit (set
 * here, kept on this machine), or seeded in one team while assigned to another, is flagged on
 * each of their cards and in the summary above. The board is one stop in the Tab order: ↑/↓
 * move within a column, ←/→ across columns, Home/End to the first and last card, Enter edits,
 * Delete deletes (Undo in the message).
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  assignmentBoard,
  cycleLabel,
  formatIsoDate,
  ValidationError,
  type Assignment,
  type Cycle,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Field } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useAction } from '../../ui/use-save';
import { useRovingFocus } from '../../ui/use-roving-focus';
import { deleteAssignment } from './data/assignments';
import { MAX_LOAD_LIMIT, setMaxLoad } from './data/preferences';
import {
  shownAppName,
  useAppNames,
  useAssignments,
  useCycles,
  usePairingSettings,
  usePeople,
  useTeams,
} from './data/queries';
import { AssignmentDialog } from './AssignmentDialog';
import { flaggedPeople, flagWords, placeTitle } from './board-flags';
import { usePairingUi } from './pairing-store';
import './board.css';

/** The cycle a board shows when none is picked: the active one, else the last that started. */
export function boardCycle(cycles: readonly Cycle[], picked: string | null): Cycle | undefined {
  return (
    cycles.find((c) => c.id === picked) ??
    cycles.find((c) => c.status === 'active') ??
    [...cycles].reverse().find((c) => c.status === 'closed') ??
    cycles[0]
  );
}

export default function AssignmentsBoard() {
  const cycles = useCycles();
  const assignments = useAssignments();
  const people = usePeople();
  const teams = useTeams();
  const settings = usePairingSettings();
  const picked = usePairingUi((s) => s.boardCycleId);
  const setBoardCycle = usePairingUi((s) => s.setBoardCycle);
  const [dialog, setDialog] = useState<{ assignment?: Assignment } | null>(null);

  if (!cycles || !assignments || !people || !teams || !settings) {
    return (
      <p role="status" className="muted">
        Loading the assignments…
      </p>
    );
  }
  const cycle = boardCycle(cycles, picked);
  if (!cycle)
    return <p className="empty card">Add a cycle on the Plan first: assignments are made per cycle.</p>;

  return (
    <section className="assignments" aria-label="Assignments">
      <div className="board-controls">
        <Field label="Cycle">
          <select value={cycle.id} onChange={(e) => setBoardCycle(e.target.value)}>
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {cycleLabel(c)}
                {c.status === 'active' ? ' (active)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <LoadLimit value={settings.maxLoad} />
        <button type="button" className="primary" onClick={() => setDialog({})}>
          + Assign someone
        </button>
      </div>
      <Board
        cycle={cycle}
        all={assignments}
        maxLoad={settings.maxLoad}
        personName={new Map(people.map((p) => [p.id, p.name]))}
        teamName={new Map(teams.map((t) => [t.id, t.name]))}
        onEdit={(assignment) => setDialog({ assignment })}
      />
      {dialog && (
        <AssignmentDialog
          assignment={dialog.assignment}
          cycles={cycles}
          cycle={cycle}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

/** The load limit: saved once it is a whole number from 1 to 10, said so at the field otherwise. */
function LoadLimit({ value }: { value: number }) {
  const database = useDatabase();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | undefined>();
  // Only the last value typed says whether it was saved: an earlier save may finish later.
  const latest = useRef(0);
  return (
    <Field label="Flag people at more places at once than" error={error}>
      <input
        type="number"
        min={1}
        max={MAX_LOAD_LIMIT}
        step={1}
        className="load-limit"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
          const mine = ++latest.current;
          setMaxLoad(n, database).then(
            () => mine === latest.current && setError(undefined),
            (err: unknown) =>
              mine === latest.current &&
              setError(err instanceof ValidationError ? err.problems[0]?.message : String(err)),
          );
        }}
      />
    </Field>
  );
}

interface BoardProps {
  cycle: Cycle;
  all: readonly Assignment[];
  maxLoad: number;
  personName: ReadonlyMap<string, string>;
  teamName: ReadonlyMap<string, string>;
  onEdit(assignment: Assignment): void;
}

function Board({ cycle, all, maxLoad, personName, teamName, onEdit }: BoardProps) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const { run } = useAction();
  const board = useMemo(() => assignmentBoard(all, cycle, maxLoad), [all, cycle, maxLoad]);
  const appIds = board.columns.flatMap((c) => c.assignments.flatMap((a) => (a.appId ? [a.appId] : [])));
  const appNames = useAppNames(appIds);
  const columns = board.columns.map((c) => c.assignments.map((a) => a.id));
  const roving = useRovingFocus(columns.flat());
  const flagged = flaggedPeople(board);
  const nameOf = (id: string) => personName.get(id) ?? 'Deleted person';
  const appName = (id: string | null) => (id ? shownAppName(appNames(id)) : null);

  if (board.columns.length === 0) {
    return <p className="card empty">No one is assigned in {cycleLabel(cycle)} yet.</p>;
  }

  const remove = (a: Assignment) =>
    run(async () => {
      const { undo } = await deleteAssignment(a.id, database);
      offerUndo(`${undo.label}.`, undo);
    }, 'The assignment was not deleted');

  const onKeyDown = (event: KeyboardEvent, a: Assignment) => {
    const col = columns.findIndex((c) => c.includes(a.id));
    const row = columns[col]!.indexOf(a.id);
    const move = (target: string | undefined) => {
      event.preventDefault();
      if (target) roving.focus(target);
    };
    if (event.key === 'ArrowUp') move(columns[col]![row - 1]);
    else if (event.key === 'ArrowDown') move(columns[col]![row + 1]);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const next = columns[col + (event.key === 'ArrowLeft' ? -1 : 1)];
      move(next?.[Math.min(row, next.length - 1)]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEdit(a);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      void remove(a);
    } else roving.onKeyDown(event, a.id);
  };

  return (
    <>
      <div className={`board-summary${flagged.length ? ' has-flags' : ''}`} role="status">
        {flagged.length === 0 ? (
          `${board.people.size} ${board.people.size === 1 ? 'person' : 'people'} placed; no one over ${maxLoad} ${maxLoad === 1 ? 'place' : 'places'} at once, no one in two places at once.`
        ) : (
          <>
            <strong>
              {flagged.length} of {board.people.size} {board.people.size === 1 ? 'person' : 'people'} flagged:
            </strong>{' '}
            {flagged.map((p, i) => (
              <span key={p.personId}>
                {i > 0 && '; '}
                {nameOf(p.personId)} ({flagWords(p, maxLoad)})
              </span>
            ))}
          </>
        )}
      </div>
      <div className="pairing-board" role="region" aria-label={`Assignments in ${cycleLabel(cycle)}`}>
        {board.columns.map((column) => {
          const title = placeTitle(column, (id) => teamName.get(id) ?? null, appName);
          return (
            <section key={column.place} className="board-column" aria-label={title}>
              <h3>
                {title} <span className="muted">· {column.assignments.length}</span>
              </h3>
              <ul>
                {column.assignments.map((a) => {
                  const person = board.people.get(a.personId)!;
                  const app = column.targetTeamId ? appName(a.appId) : null;
                  const flags = flagWords(person, maxLoad);
                  return (
                    <li
                      key={a.id}
                      {...roving.itemProps(a.id)}
                      className={`assignment-card${flags ? ' flagged' : ''}`}
                      aria-label={`${nameOf(a.personId)}, ${a.kind}${app ? ` on ${app}` : ''}${flags ? `, ${flags}` : ''}`}
                      onKeyDown={(e) => onKeyDown(e, a)}
                      onDoubleClick={() => onEdit(a)}
                    >
                      <div className="assignment-head">
                        <strong>{nameOf(a.personId)}</strong>
                        <span className={`badge ${a.kind === 'seeding' ? 'badge-scaling' : 'badge-initial'}`}>
                          {a.kind === 'seeding' ? 'Seeding' : 'Pairing'}
                        </span>
                      </div>
                      {app && <div>{app}</div>}
                      <div className="muted">
                        {formatIsoDate(a.startDate, 'd MMM')} –{' '}
                        {a.endDate ? formatIsoDate(a.endDate, 'd MMM yy') : 'open'}
                      </div>
                      {person.overloaded && (
                        <span className="badge badge-warning">{person.load} places at once</span>
                      )}
                      {person.conflicts.some(([x, y]) => x.id === a.id || y.id === a.id) && (
                        <span className="badge badge-danger">Two places at once</span>
                      )}
                      <div className="assignment-actions">
                        <button type="button" className="link" tabIndex={-1} onClick={() => onEdit(a)}>
                          Edit
                        </button>
                        <button type="button" className="link" tabIndex={-1} onClick={() => void remove(a)}>
                          Delete
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
      <p className="muted pairing-keys">
        On the board: ↑/↓ within a team, ←/→ across teams, Enter edits, Delete deletes.
      </p>
    </>
  );
}
