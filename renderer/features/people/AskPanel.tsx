/**
 * A question a delete asks inside its form's dialog (the person has records, the team has
 * people): what is at stake, and the two ways on. The focus moves to the first button, so the
 * keyboard user hears the question and answers it at once.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function AskPanel({
  question,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
}: {
  question: string;
  children: ReactNode;
  /** No confirm button when absent: the panel only explains. */
  confirmLabel?: string | undefined;
  cancelLabel?: string;
  onConfirm?: () => void;
  onCancel: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const headingId = useId();
  return (
    <section className="ask-panel" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{question}</h3>
      {children}
      <div className="form-actions">
        <button type="button" ref={confirmLabel ? undefined : first} onClick={onCancel}>
          {cancelLabel}
        </button>
        {confirmLabel && (
          <button type="button" ref={first} className="primary" onClick={onConfirm}>
            {confirmLabel}
          </button>
        )}
      </div>
    </section>
  );
}
