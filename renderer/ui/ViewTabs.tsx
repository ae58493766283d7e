/**
 * The views of an area as a row of links under its heading (Apps: Table, Pipeline…; People:
 * People, Teams…). Each view is a hash route, so it can be linked and reloaded; the current one
 * is marked for screen readers (aria-current) and by its underline.
 */
import './view-tabs.css';

export interface ViewTab {
  /** The route's second segment; '' for the area's first view. */
  view: string;
  label: string;
}

export function ViewTabs({
  area,
  label,
  tabs,
  current,
}: {
  /** The route's first segment: `apps` links to `#/apps/<view>`. */
  area: string;
  /** The navigation's accessible name: "Apps views". */
  label: string;
  tabs: readonly ViewTab[];
  current: string;
}) {
  return (
    <nav className="view-tabs" aria-label={label}>
      {tabs.map((t) => {
        const active = t.view === current;
        return (
          <a
            key={t.view}
            href={t.view ? `#/${area}/${t.view}` : `#/${area}`}
            aria-current={active ? 'page' : undefined}
            className={active ? 'active' : undefined}
          >
            {t.label}
          </a>
        );
      })}
    </nav>
  );
}
