/** An area's heading: its name, one line on what is there, and its main actions on the right. */
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  summary,
  actions,
}: {
  title: string;
  summary: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        <p>{summary}</p>
      </div>
      {actions && <div className="toolbar">{actions}</div>}
    </header>
  );
}
