/**
 * Shown over the whole window when it can no longer use its data (renderer/db/connection.ts):
 * what happened, and a Reload button that has the focus, so a keyboard user is one Enter away.
 */
import { useEffect, useRef } from 'react';
import { connectionMessage, type ConnectionProblem } from '../db/connection';
import './connection-notice.css';

export function ConnectionNotice({
  state,
  reload = () => location.reload(),
}: {
  state: ConnectionProblem;
  reload?: () => void;
}) {
  const { title, text } = connectionMessage(state);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="connection-notice-backdrop">
      <div
        className="connection-notice card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="connection-notice-title"
        aria-describedby="connection-notice-text"
      >
        <h2 id="connection-notice-title">{title}</h2>
        <p id="connection-notice-text">{text}</p>
        <div className="toolbar">
          <button ref={button} type="button" className="primary" onClick={reload}>
            Reload
          </button>
        </div>
      </div>
    </div>
  );
}
