/**
 * The first step: what kind of file (when the area takes several), then the file, chosen with the
 * open dialog (the keyboard's way) or dropped on the card. Why the last file was refused shows
 * here, in an alert.
 */
import { useId, useState, type DragEvent } from 'react';
import { useStepFocus } from './use-step-focus';

export interface SourceChoice {
  id: string;
  label: string;
  hint: string;
}

export function ChooseFileStep({
  title,
  sources,
  sourceId,
  onSource,
  error,
  busy,
  note,
  focus,
  onChoose,
  onDrop,
}: {
  title: string;
  sources: readonly SourceChoice[];
  sourceId: string;
  onSource: (id: string) => void;
  error: string | null;
  /** A file is being read. */
  busy: boolean;
  note?: string | undefined;
  /** Take the focus when shown (not on the page's first render). */
  focus: boolean;
  onChoose: () => void;
  /** The files dropped, the first first (a source that reads one file takes the first). */
  onDrop: (files: File[]) => void;
}) {
  const heading = useStepFocus(focus);
  const [dragging, setDragging] = useState(false);
  const group = useId();
  const current = sources.find((s) => s.id === sourceId);

  const over = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !busy) onDrop(files);
  };

  return (
    <div
      className={`card import-choose${dragging ? ' is-dragging' : ''}`}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {sources.length > 1 ? (
        <fieldset className="import-sources">
          <legend>What are you importing?</legend>
          {sources.map((s) => (
            <label key={s.id} className={`import-source${sourceId === s.id ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name={group}
                value={s.id}
                checked={sourceId === s.id}
                onChange={() => onSource(s.id)}
              />
              <span>
                <strong>{s.label}</strong>
                <small className="muted">{s.hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        current && <p className="muted">{current.hint}</p>
      )}
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onChoose} disabled={busy}>
          {busy ? 'Reading the file…' : 'Choose file…'}
        </button>
        <span className="muted import-drop-hint">or drop it here</span>
      </div>
      {note && <p className="muted">{note}</p>}
    </div>
  );
}
