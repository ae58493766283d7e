/**
 * A pairing session's fields, shared by quick entry and the edit dialog: who paired, date,
 * duration (as typed: "1.5", "1:30", "90m"), team, app, partners, topic, golden path, outcome,
 * notes. Each shows its own message; a date in a closed cycle is said so beside the date
 * (allowed: sessions are often logged late). The form around it owns the draft and the save.
 */
import { useId, useMemo } from 'react';
import {
  cycleContaining,
  cycleLabel,
  durationText,
  PAIRING_OUTCOMES,
  parseDuration,
  type Cycle,
  type GoldenPath,
  type PairingOutcome,
  type PairingSession,
  type Person,
  type Team,
} from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { Field } from '../../ui/Field';
import { searchApps, shownAppName } from './data/queries';
import type { SessionInput } from './data/sessions';
import { matchOptions, PartnersPicker, Picker, type PickerOption } from './Picker';
import './session-form.css';

/** The form's values: the session's fields, the duration as typed. */
export interface SessionDraft {
  personId: string | null;
  date: string;
  duration: string;
  teamId: string | null;
  appId: string | null;
  partnerIds: string[];
  topic: string;
  goldenPathId: string | null;
  outcome: PairingOutcome;
  notes: string;
}

export const OUTCOME_LABELS: Record<PairingOutcome, string> = {
  productive: 'Productive',
  blocked: 'Blocked',
  'follow-up': 'Needs a follow-up',
  completed: 'Completed',
};

export function draftOfSession(
  s: Pick<
    PairingSession,
    | 'personId'
    | 'date'
    | 'durationMinutes'
    | 'teamId'
    | 'appId'
    | 'partnerIds'
    | 'topic'
    | 'goldenPathId'
    | 'outcome'
    | 'notes'
  >,
): SessionDraft {
  return {
    personId: s.personId,
    date: s.date,
    duration: durationText(s.durationMinutes),
    teamId: s.teamId,
    appId: s.appId,
    partnerIds: [...s.partnerIds],
    topic: s.topic,
    goldenPathId: s.goldenPathId,
    outcome: s.outcome,
    notes: s.notes,
  };
}

/** The session the draft describes; a duration that cannot be read gives NaN (the check is `durationProblem`). */
export function inputOfDraft(d: SessionDraft): SessionInput {
  const duration = parseDuration(d.duration);
  return {
    personId: d.personId ?? '',
    date: d.date.trim(),
    durationMinutes: duration.ok ? duration.minutes : Number.NaN,
    teamId: d.teamId,
    appId: d.appId,
    partnerIds: d.partnerIds,
    topic: d.topic,
    goldenPathId: d.goldenPathId,
    outcome: d.outcome,
    notes: d.notes,
  };
}

/** The duration field's message, when what is typed is not a duration. */
export function durationProblem(d: SessionDraft): Record<string, string> {
  const duration = parseDuration(d.duration);
  return duration.ok ? {} : { durationMinutes: duration.message };
}

export interface SessionLists {
  people: readonly Person[];
  teams: readonly Team[];
  cycles: readonly Cycle[];
  goldenPaths: readonly GoldenPath[];
  /** Topics used before, most used first. */
  topics: readonly string[];
  /** The chosen app's name; null when it was deleted, undefined while it is read. */
  appName: string | null | undefined;
}

interface SessionFieldsProps {
  draft: SessionDraft;
  set<K extends keyof SessionDraft>(key: K, value: SessionDraft[K]): void;
  errors: Record<string, string>;
  lists: SessionLists;
  /** The field the dialog starts on. */
  start: 'personId' | 'duration';
}

export function SessionFields({ draft, set, errors, lists, start }: SessionFieldsProps) {
  const database = useDatabase();
  const { people, teams, cycles, goldenPaths, topics } = lists;
  const teamName = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const personName = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  const personOptions = useMemo<PickerOption[]>(
    () =>
      people.map((p) => ({ id: p.id, label: p.name, hint: p.teamId ? teamName.get(p.teamId) : undefined })),
    [people, teamName],
  );
  const teamOptions = useMemo<PickerOption[]>(() => teams.map((t) => ({ id: t.id, label: t.name })), [teams]);
  // Partners: the chosen team's people first.
  const partnerOptions = useMemo(() => {
    if (!draft.teamId) return personOptions;
    const inTeam = new Set(people.filter((p) => p.teamId === draft.teamId).map((p) => p.id));
    return [
      ...personOptions.filter((o) => inTeam.has(o.id)),
      ...personOptions.filter((o) => !inTeam.has(o.id)),
    ];
  }, [draft.teamId, personOptions, people]);
  const topicsId = useId();

  const cycle = /^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim())
    ? cycleContaining(cycles, draft.date.trim())
    : undefined;

  return (
    <>
      <div className="form-grid session-fields">
        <Field label="Who paired" error={errors.personId}>
          <Picker
            data-autofocus={start === 'personId' || undefined}
            value={draft.personId}
            valueLabel={draft.personId ? (personName.get(draft.personId) ?? 'Unknown person') : ''}
            search={(text) => matchOptions(personOptions, text)}
            onChange={(id) => set('personId', id)}
            allowNone={false}
            placeholder="Type a name…"
          />
        </Field>
        <Field
          label="Date"
          error={errors.date}
          hint={
            cycle?.status === 'closed' ? (
              <span className="session-closed-cycle" role="note">
                In {cycleLabel(cycle)}, which is closed: it is logged there all the same.
              </span>
            ) : (
              'yyyy-mm-dd'
            )
          }
        >
          <input
            type="text"
            inputMode="numeric"
            value={draft.date}
            onChange={(e) => set('date', e.target.value)}
          />
        </Field>
        <Field label="Duration (hours)" error={errors.durationMinutes} hint="1.5, 1:30 or 90m">
          <input
            type="text"
            inputMode="decimal"
            data-autofocus={start === 'duration' || undefined}
            value={draft.duration}
            onChange={(e) => set('duration', e.target.value)}
            onFocus={(e) => e.currentTarget.select()}
          />
        </Field>
        <Field label="Team" error={errors.teamId}>
          <Picker
            value={draft.teamId}
            valueLabel={draft.teamId ? (teamName.get(draft.teamId) ?? 'Deleted team') : ''}
            search={(text) => matchOptions(teamOptions, text)}
            onChange={(id) => set('teamId', id)}
            placeholder="None"
          />
        </Field>
        <Field label="App" error={errors.appId}>
          <Picker
            value={draft.appId}
            valueLabel={draft.appId ? shownAppName(lists.appName) : ''}
            search={async (text) =>
              (await searchApps(database, text, draft.teamId)).map((a) => ({
                id: a.id,
                label: a.name,
                hint: a.teamId ? teamName.get(a.teamId) : undefined,
              }))
            }
            onChange={(id) => set('appId', id)}
            placeholder="None"
          />
        </Field>
        <Field label="Partners" error={errors.partnerIds}>
          <PartnersPicker
            ids={draft.partnerIds}
            labelOf={(id) => personName.get(id) ?? 'Unknown person'}
            search={(text) => matchOptions(partnerOptions, text)}
            onChange={(ids) => set('partnerIds', ids)}
          />
        </Field>
        <Field label="Topic" error={errors.topic}>
          <input
            type="text"
            list={topicsId}
            value={draft.topic}
            onChange={(e) => set('topic', e.target.value)}
          />
        </Field>
        <Field label="Golden path" error={errors.goldenPathId}>
          <select
            value={draft.goldenPathId ?? ''}
            onChange={(e) => set('goldenPathId', e.target.value || null)}
          >
            <option value="">None</option>
            {goldenPaths.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Outcome" error={errors.outcome}>
          <select value={draft.outcome} onChange={(e) => set('outcome', e.target.value as PairingOutcome)}>
            {PAIRING_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Notes" error={errors.notes} hint="Ctrl+Enter saves from here">
        <textarea
          rows={2}
          value={draft.notes}
          onChange={(e) => set('notes', e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </Field>
      <datalist id={topicsId}>
        {topics.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </>
  );
}
