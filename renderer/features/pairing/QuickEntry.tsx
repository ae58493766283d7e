/**
 * Quick entry's dialog (opened by ./QuickEntryShortcut.tsx, mounted in the app frame): Ctrl+Shift+L
 * (⌘+Shift+L on a Mac) opens it from any screen, prefilled from the advocate's current assignment and last
 * session — date today, duration, partners, team and app, topic, golden path — with the focus on
 * the duration. Enter saves, so a session the defaults fit takes two keys. What can be checked
 * without the database is checked at once (a refusal stays in the form, with messages at the
 * fields); then the dialog closes and the log shows the session at once, marked as saving, while
 * it is stored: once stored, the message says so and offers Undo; if the write fails, the
 * session leaves the log and the message says why. A date in a closed cycle is allowed and said
 * so, beside the date and in the message after saving.
 *
 * The first time, it asks who the advocate at this machine is (remembered on this machine).
 */
import { useRef, useState, type FormEvent } from 'react';
import {
  cycleLabel,
  durationText,
  formatDuration,
  formatIsoDate,
  parseDuration,
  quickEntryDefaults,
  todayIso,
  ValidationError,
} from '../../../shared/domain';
import { describeError } from '../../db/errors';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useSaveForm } from '../../ui/use-save';
import { setLastEntry, setMe } from './data/preferences';
import {
  loadPersonContext,
  useAppNames,
  useCycles,
  useGoldenPaths,
  usePeople,
  useQuickEntryContext,
  useTeams,
  useTopics,
  type QuickEntryContext,
} from './data/queries';
import { logSession, prepareSession, sessionLabel } from './data/sessions';
import { usePairingUi, type QuickEntryPreset } from './pairing-store';
import { QUICK_ENTRY_KEYS } from './QuickEntryShortcut';
import { useStartField } from './use-start-field';
import { inputOfDraft, SessionFields, type SessionDraft, type SessionLists } from './SessionFields';

/** The dialog, loaded when quick entry is first opened (./QuickEntryShortcut.tsx listens for the keys). */
export default function QuickEntryDialog() {
  const close = usePairingUi((s) => s.closeQuickEntry);
  const [today] = useState(todayIso);
  // Opened again while the last session is still being stored: its defaults (who, where, topic)
  // come from that session, so the form waits for a read asked for after it was stored.
  const storing = usePairingUi((s) => s.pending.some((p) => p.storedAt === null));
  const logReads = usePairingUi((s) => s.logReads);
  const context = useQuickEntryContext(today, !storing, logReads);
  const people = usePeople();
  const teams = useTeams();
  const cycles = useCycles();
  const goldenPaths = useGoldenPaths();
  const topics = useTopics();
  const ready = context && context.read === logReads && people && teams && cycles && goldenPaths && topics;
  return (
    <Dialog open title="Log a pairing session" onClose={close} wide>
      {ready ? (
        <QuickEntryForm
          today={today}
          context={context}
          lists={{ people, teams, cycles, goldenPaths, topics, appName: undefined }}
          onDone={close}
        />
      ) : (
        <p role="status">Loading…</p>
      )}
    </Dialog>
  );
}

/** The draft's fields that follow from an assignment and a last session. */
function defaultsFor(
  today: string,
  context: Pick<QuickEntryContext, 'assignment' | 'last'>,
  preset: QuickEntryPreset | null,
): Omit<SessionDraft, 'personId' | 'outcome' | 'notes'> {
  // Opened for one app (the stale apps list): its place, as an assignment there would give.
  const assignment = preset ? { targetTeamId: preset.teamId, appId: preset.appId } : context.assignment;
  const defaults = quickEntryDefaults({ today, assignment, last: context.last });
  return {
    date: defaults.date,
    duration: durationText(defaults.durationMinutes),
    teamId: defaults.teamId,
    appId: defaults.appId,
    partnerIds: defaults.partnerIds,
    topic: defaults.topic,
    goldenPathId: defaults.goldenPathId,
  };
}

function QuickEntryForm({
  today,
  context,
  lists,
  onDone,
}: {
  today: string;
  context: QuickEntryContext;
  lists: SessionLists;
  onDone(): void;
}) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, formError, saving, save } = useSaveForm(formRef);
  const me = context.settings.me;
  const preset = usePairingUi((s) => s.quickEntryPreset);
  const [draft, setDraft] = useState<SessionDraft>(() => ({
    personId: me?.id ?? null,
    outcome: 'productive',
    notes: '',
    ...defaultsFor(today, context, preset),
  }));
  // Fields the user changed keep their value when the defaults change (another person chosen).
  const touched = useRef(new Set<keyof SessionDraft>());
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => {
    touched.current.add(key);
    setDraft((d) => ({ ...d, [key]: value }));
    if (key === 'personId' && typeof value === 'string') void startFrom(value);
  };
  /** Someone else chosen as who paired: their assignment and last session give the defaults. */
  const startFrom = async (personId: string) => {
    const theirs = await loadPersonContext(database, personId, today, context.settings.lastEntryId);
    const defaults = defaultsFor(today, theirs, preset);
    setDraft((d) => {
      const next = { ...d };
      for (const key of Object.keys(defaults) as (keyof typeof defaults)[]) {
        if (!touched.current.has(key)) (next as Record<string, unknown>)[key] = defaults[key];
      }
      return next;
    });
  };
  const appNames = useAppNames(draft.appId ? [draft.appId] : []);
  const appName = draft.appId ? appNames(draft.appId) : null;

  // The dialog opened before the defaults were read: start on the field the advocate changes most.
  useStartField(formRef);

  const addPending = usePairingUi((s) => s.addPending);
  const storedPending = usePairingUi((s) => s.storedPending);
  const dropPending = usePairingUi((s) => s.dropPending);
  const toast = useUi((s) => s.toast);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputOfDraft(draft);
    // Checked without the database first: a refusal keeps the form open with its messages.
    const prepared = await save(async () => {
      const duration = parseDuration(draft.duration);
      if (!duration.ok) {
        throw new ValidationError([{ field: 'durationMinutes', message: duration.message }], 'The session');
      }
      const known = new Set(lists.people.map((p) => p.id));
      return prepareSession(input, lists.cycles, (id) => known.has(id));
    });
    if (!prepared) return;
    // Shown in the log at once; stored meanwhile (checked again there).
    addPending(prepared);
    onDone();
    let saved;
    try {
      saved = await logSession(input, database, { id: prepared.id });
    } catch (error) {
      dropPending([prepared.id]);
      toast({
        kind: 'error',
        text: `The session of ${sessionLabel(prepared)} was not logged: ${describeError(error)}`,
      });
      return;
    }
    // Remembered before the session counts as stored, so quick entry opened next starts from it.
    // Not remembering it loses only a convenience: the next defaults come from their latest session.
    await Promise.all([
      setLastEntry(saved.session.id, database),
      me ? undefined : setMe(saved.session.personId, database),
    ]).catch(() => undefined);
    storedPending(prepared.id);
    const place = appName ?? lists.teams.find((t) => t.id === saved.session.teamId)?.name;
    const closed =
      saved.inClosedCycle && saved.cycle ? ` It is in ${cycleLabel(saved.cycle)}, which is closed.` : '';
    offerUndo(
      `Logged ${formatDuration(saved.session.durationMinutes)}${place ? ` with ${place}` : ''} on ${formatIsoDate(saved.session.date)}.${closed}`,
      saved.undo,
    );
  };

  return (
    <form
      ref={formRef}
      className="session-form"
      aria-label="Pairing session"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {!me && (
        <p className="muted">
          Who are you? Quick entry remembers it on this machine and starts from your assignment next time.
        </p>
      )}
      <FormError message={formError} />
      <SessionFields
        draft={draft}
        set={set}
        errors={errors}
        lists={{ ...lists, appName }}
        start={me ? 'duration' : 'personId'}
      />
      <div className="form-actions">
        <p className="quick-entry-keys">
          Enter saves · Esc closes · {QUICK_ENTRY_KEYS} opens this from any screen
        </p>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Log session'}
        </button>
      </div>
    </form>
  );
}
