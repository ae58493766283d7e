/**
 * Who seeded whom, as a layered list: each generation indented under its seeders, from the
 * first team outward, readable with hundreds of people — branches open and close, a search
 * shows the matches with the seeders above them, and only the rows in view are drawn.
 *
 * One tab stop (a tree): ↑/↓ move, → opens a branch or goes into it, ← closes it or goes up to
 * the seeder, Home/End, Enter opens or closes, Space marks the person as leaving (the what-if;
 * the people marked are the tree's selection).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatIsoDate, type Lineage, type SinglePoint } from '../../../../shared/domain';
import { allParents, lineageRows, type LineageRow } from './lineage-rows';
import { plural, type Names } from './names';
import './knowledge.css';

const ROW_HEIGHT = 44;

interface LineageTreeProps {
  lineage: Lineage;
  names: Names;
  singlePoints: ReadonlyMap<string, readonly SinglePoint[]>;
  leaving: ReadonlySet<string>;
  onToggleLeaving: (personId: string) => void;
}

export function LineageTree({ lineage, names, singlePoints, leaving, onToggleLeaving }: LineageTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(lineage.roots));
  const [query, setQuery] = useState('');
  const searchId = useId();
  const helpId = useId();

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return null;
    const found = new Set<string>();
    for (const id of lineage.nodes.keys()) {
      if (
        names.person(id).toLocaleLowerCase().includes(q) ||
        names.teamOf(id).toLocaleLowerCase().includes(q)
      )
        found.add(id);
    }
    return found;
  }, [query, lineage, names]);
  const rows = useMemo(() => lineageRows(lineage, expanded, matches), [lineage, expanded, matches]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => r.personId === activeId),
  );
  const focusPending = useRef(false);
  const items = virtualizer.getVirtualItems();
  // After a keyboard move the row may only exist once the list has scrolled to it.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  }, [activeIndex, items]);

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setActiveId(row.personId);
    focusPending.current = true;
    virtualizer.scrollToIndex(rows.indexOf(row));
  };
  const setOpen = (id: string, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent, row: LineageRow, index: number) => {
    const parent = lineage.nodes.get(row.personId)?.seededBy ?? null;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.childCount === 0 || matches) return;
        if (row.expanded) moveTo(index + 1);
        else setOpen(row.personId, true);
        break;
      case 'ArrowLeft':
        if (row.expanded && !matches) setOpen(row.personId, false);
        else if (parent !== null) moveTo(rows.findIndex((r) => r.personId === parent));
        else return;
        break;
      case 'Enter':
        if (row.childCount === 0 || matches) return;
        setOpen(row.personId, !row.expanded);
        break;
      case ' ':
        onToggleLeaving(row.personId);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <section className="card knowledge-lineage" aria-labelledby={`${searchId}-title`}>
      <div className="knowledge-card-head">
        <h3 id={`${searchId}-title`}>Who seeded whom</h3>
        <div className="toolbar">
          <label className="visually-hidden" htmlFor={searchId}>
            Find a person or team in the lineage
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Find a person or team"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" onClick={() => setExpanded(allParents(lineage))} disabled={matches !== null}>
            Expand all
          </button>
          <button type="button" onClick={() => setExpanded(new Set())} disabled={matches !== null}>
            Collapse all
          </button>
        </div>
      </div>
      <ol className="generation-counts" aria-label="People per generation">
        {lineage.generations.map((people, g) => (
          <li key={g}>
            <span className="badge">{g === 0 ? 'First team' : `Generation ${g}`}</span>{' '}
            {plural(people.length, 'person', 'people')}
          </li>
        ))}
      </ol>
      <p id={helpId} className="muted knowledge-help">
        ↑ ↓ move, → opens, ← closes or goes up to the seeder, Space marks a person as leaving.
      </p>
      {rows.length === 0 ? (
        <p className="empty">
          {matches ? `No one in the lineage matches “${query.trim()}”.` : 'No one has seeded anyone yet.'}
        </p>
      ) : (
        <div
          ref={scrollRef}
          className="lineage-scroll"
          role="tree"
          aria-label="Seeding lineage"
          aria-multiselectable="true"
          aria-describedby={helpId}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              const node = lineage.nodes.get(row.personId)!;
              const points = singlePoints.get(row.personId);
              const lonely = points?.filter((p) => p.onlyHolder).length ?? 0;
              const team = names.teamOf(row.personId);
              const isLeaving = leaving.has(row.personId);
              return (
                <div
                  key={row.personId}
                  data-index={item.index}
                  role="treeitem"
                  aria-level={row.depth + 1}
                  aria-expanded={row.childCount > 0 ? row.expanded : undefined}
                  aria-selected={isLeaving}
                  tabIndex={item.index === activeIndex ? 0 : -1}
                  className={`lineage-row${row.match ? ' is-match' : ''}${isLeaving ? ' is-leaving' : ''}`}
                  style={{
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                    paddingInlineStart: 8 + row.depth * 20,
                  }}
                  onFocus={() => setActiveId(row.personId)}
                  onKeyDown={(e) => onKeyDown(e, row, item.index)}
                  onClick={() => {
                    setActiveId(row.personId);
                    if (row.childCount > 0 && !matches) setOpen(row.personId, !row.expanded);
                  }}
                >
                  <span className="lineage-twisty" aria-hidden="true">
                    {row.childCount === 0 ? '' : row.expanded ? '▾' : '▸'}
                  </span>
                  <span className="lineage-name">{names.person(row.personId)}</span>
                  {team && <span className="muted lineage-team">{team}</span>}
                  <span className="muted lineage-source">
                    {node.seededBy === null
                      ? `first taught ${formatIsoDate(node.since)}`
                      : `${node.via === 'seeding' ? 'seeded' : 'paired'} by ${names.person(node.seededBy)}, ${formatIsoDate(node.since)}`}
                  </span>
                  {row.childCount > 0 && (
                    <span className="badge">{plural(row.childCount, 'person', 'people')} seeded</span>
                  )}
                  {points && (
                    <span
                      className={`badge ${lonely > 0 ? 'badge-danger' : 'badge-warning'}`}
                      title="Knowledge with no second holder in their team"
                    >
                      Single point ×{points.length}
                    </span>
                  )}
                  {isLeaving && <span className="badge badge-danger">Leaving</span>}
                  {node.left && <span className="badge">Left</span>}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
