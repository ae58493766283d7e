/**
 * Typing anonymous responses fast: one row per respondent, one narrow cell per statement (1–5;
 * empty is "not applicable") and one per open question. With the keyboard alone: a digit 1–5
 * fills a cell and moves on to the next, N (or 0, -) marks "not applicable" and moves on, ← / →
 * move between cells, ↑ / ↓ between respondents, Enter in the last row adds a respondent, and
 * Ctrl+Enter saves. Blank rows are left out; a cell that is not 1–5 stops the save with its
 * respondent and statement named, and nothing is written.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { askedOn, parseAgreement, wordingAt, type ToilAudit, type ToilItem } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { FormError } from '../../ui/Field';
import { useOfferUndo } from '../../ui/undo';
import { useSaveForm } from '../../ui/use-save';
import { addResponses, type ResponseDraft } from './data/toil';
import { plural } from './parts';

type Row = Record<string, string>;

const START_ROWS = 5;
const NOT_APPLICABLE_KEYS = new Set(['n', 'N', '0', '-']);

/** How the grid is typed in. */
export function EntryHelp() {
  return (
    <p className="muted">
      One row per respondent, no names. Type 1 (strongly disagree) to 5 (strongly agree) and the cursor moves
      on; N marks “not applicable”. ↑ ↓ ← → move, Enter in the last row adds one, Ctrl+Enter saves.
    </p>
  );
}

export function ResponseGrid({ audit, items }: { audit: ToilAudit; items: readonly ToilItem[] }) {
  const database = useDatabase();
  const offerUndo = useOfferUndo();
  const gridRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const columns = useMemo(() => items.filter((i) => askedOn(i, audit.date)), [items, audit.date]);
  const statements = columns.filter((i) => i.kind === 'statement');
  const questions = columns.filter((i) => i.kind === 'question');
  const [rows, setRows] = useState<Row[]>(() => Array.from({ length: START_ROWS }, () => ({})));
  const [problems, setProblems] = useState<string[]>([]);
  const { formError, saving, save } = useSaveForm();
  const labelOf = (item: ToilItem) => wordingAt(item, audit.date);
  const code = (item: ToilItem) =>
    item.kind === 'statement' ? `S${statements.indexOf(item) + 1}` : `Q${questions.indexOf(item) + 1}`;

  const filled = rows.filter((r) => Object.values(r).some((v) => v.trim() !== ''));

  const setCell = (row: number, itemId: string, value: string) =>
    setRows((rs) => rs.map((r, i) => (i === row ? { ...r, [itemId]: value } : r)));

  const focusCell = (row: number, col: number) => {
    const cell = gridRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    cell?.focus();
    if (cell instanceof HTMLInputElement) cell.select();
  };

  const addRow = (focus: boolean) => {
    setRows((rs) => [...rs, {}]);
    if (focus) requestAnimationFrame(() => focusCell(rows.length, 0));
  };

  const onSave = async () => {
    const drafts: ResponseDraft[] = [];
    const found: string[] = [];
    const names: string[] = [];
    rows.forEach((r, index) => {
      if (!Object.values(r).some((v) => v.trim() !== '')) return;
      const draft: ResponseDraft = { scores: {}, answers: {} };
      for (const s of statements) {
        const text = r[s.id] ?? '';
        const read = parseAgreement(text);
        if ('problem' in read)
          found.push(`Respondent ${index + 1}, ${code(s)} “${labelOf(s)}”: ${read.problem}`);
        else if (read.value !== null) draft.scores[s.id] = read.value;
      }
      for (const q of questions) {
        const text = (r[q.id] ?? '').trim();
        if (text) draft.answers[q.id] = text;
      }
      drafts.push(draft);
      names.push(`Respondent ${index + 1}`);
    });
    setProblems(found);
    if (found.length || drafts.length === 0) return;
    const saved = await save(() =>
      addResponses(audit.id, drafts, database, { rowName: (i) => names[i] ?? `Respondent ${i + 1}` }),
    );
    if (!saved) return;
    setRows(Array.from({ length: START_ROWS }, () => ({})));
    offerUndo(`Added ${plural(saved.added, 'response')} to “${audit.title}”.`, saved.undo);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, row: number, col: number, isStatement: boolean) => {
    const last = columns.length - 1;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void onSave();
      return;
    }
    if (isStatement && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (/^[1-5]$/.test(event.key) || NOT_APPLICABLE_KEYS.has(event.key)) {
        event.preventDefault();
        setCell(row, columns[col]!.id, /^[1-5]$/.test(event.key) ? event.key : '');
        if (col < last) focusCell(row, col + 1);
        else if (row < rows.length - 1) focusCell(row + 1, 0);
        return;
      }
      if (event.key === 'ArrowLeft' && col > 0) return (event.preventDefault(), focusCell(row, col - 1));
      if (event.key === 'ArrowRight' && col < last) return (event.preventDefault(), focusCell(row, col + 1));
    }
    if (event.key === 'ArrowUp' && row > 0) return (event.preventDefault(), focusCell(row - 1, col));
    if (event.key === 'ArrowDown' && row < rows.length - 1)
      return (event.preventDefault(), focusCell(row + 1, col));
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (row === rows.length - 1) addRow(true);
      else focusCell(row + 1, 0);
    }
  };

  return (
    <section className="card toil-entry" aria-labelledby={captionId}>
      <h3 id={captionId}>Enter responses</h3>
      <EntryHelp />
      <details className="toil-legend">
        <summary>
          What S1…S{statements.length} and Q1…Q{questions.length} ask
        </summary>
        <ol>
          {columns.map((item) => (
            <li key={item.id}>
              <strong>{code(item)}</strong> {labelOf(item)}
              {item.reversed ? ' (reversed: agreeing means more toil)' : ''}
            </li>
          ))}
        </ol>
      </details>
      <FormError message={formError} />
      <div role="alert">
        {problems.length > 0 && (
          <ul className="toil-problems" aria-label="Answers to fix">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="toil-grid-scroll">
        <table ref={gridRef} className="toil-grid" aria-label="Responses to enter">
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((item) => (
                <th
                  key={item.id}
                  scope="col"
                  title={labelOf(item)}
                  className={item.kind === 'question' ? 'toil-q' : undefined}
                >
                  {code(item)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, row) => (
              <tr key={row}>
                <th scope="row">{row + 1}</th>
                {columns.map((item, col) => (
                  <td key={item.id} className={item.kind === 'question' ? 'toil-q' : undefined}>
                    <input
                      data-row={row}
                      data-col={col}
                      aria-label={`Respondent ${row + 1}: ${labelOf(item)}`}
                      value={r[item.id] ?? ''}
                      maxLength={item.kind === 'statement' ? 3 : 10_000}
                      inputMode={item.kind === 'statement' ? 'numeric' : undefined}
                      className={
                        item.kind === 'statement' && 'problem' in parseAgreement(r[item.id] ?? '')
                          ? 'invalid'
                          : undefined
                      }
                      onChange={(e) => setCell(row, item.id, e.target.value)}
                      onKeyDown={(e) => onKeyDown(e, row, col, item.kind === 'statement')}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => addRow(true)}>
          + Add a respondent
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving || filled.length === 0}
          onClick={() => void onSave()}
        >
          {saving
            ? 'Saving…'
            : filled.length
              ? `Save ${plural(filled.length, 'response')}`
              : 'Save responses'}
        </button>
      </div>
    </section>
  );
}
