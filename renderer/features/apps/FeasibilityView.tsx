/**
 * Picking apps by feasibility: a matrix of business value × technical feasibility (quadrants
 * shaded and labelled, points coloured by stage, the app names in the tooltip) beside the ranked
 * list. Apps picked in either (click a point, tick a row) are selected into a cycle with "Select
 * into cycle…", which shows the playbook's range for that cycle as the owner chooses.
 *
 * Apps with the same scores and stage share one point, sized by how many they are: 20,000 apps
 * have at most a few thousand distinct positions, so the chart stays quick.
 */
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  APP_STAGE_LABELS,
  QUADRANT_LABELS,
  QUADRANT_THRESHOLD,
  STAGE_ORDER,
  quadrantOfApp,
  rankApps,
  type App,
  type AppStage,
  type Quadrant,
} from '../../../shared/domain';
import { useAppsUi } from '../../store/apps';
import { useRovingFocus } from '../../ui/use-roving-focus';
import { SelectIntoCycleDialog } from './SelectIntoCycleDialog';
import { StageBadge, count, formatScore } from './parts';
import type { AppsData } from './data/queries';

/** Rows of the ranked list shown before "Show more". */
const RANK_PAGE = 100;

interface Point {
  x: number;
  y: number;
  stage: AppStage;
  apps: App[];
}

/** The axes run a little past 1 and 5 so that points on the edge are drawn whole. */
const LOW = 0.7;
const HIGH = 5.3;

const QUADRANT_AREAS: {
  quadrant: Quadrant;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  position: string;
}[] = [
  {
    quadrant: 'start-here',
    x1: QUADRANT_THRESHOLD,
    x2: HIGH,
    y1: QUADRANT_THRESHOLD,
    y2: HIGH,
    position: 'insideTopRight',
  },
  {
    quadrant: 'worth-the-effort',
    x1: LOW,
    x2: QUADRANT_THRESHOLD,
    y1: QUADRANT_THRESHOLD,
    y2: HIGH,
    position: 'insideTopLeft',
  },
  {
    quadrant: 'quick-wins',
    x1: QUADRANT_THRESHOLD,
    x2: HIGH,
    y1: LOW,
    y2: QUADRANT_THRESHOLD,
    position: 'insideBottomRight',
  },
  {
    quadrant: 'not-now',
    x1: LOW,
    x2: QUADRANT_THRESHOLD,
    y1: LOW,
    y2: QUADRANT_THRESHOLD,
    position: 'insideBottomLeft',
  },
];

function radiusFor(n: number): number {
  return Math.min(20, 6 + 2.5 * Math.sqrt(n - 1));
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
  if (!point) return null;
  const names = point.apps.slice(0, 8).map((a) => a.name);
  return (
    <div className="chart-tooltip">
      <strong>{names.join(', ')}</strong>
      {point.apps.length > names.length && <div>and {point.apps.length - names.length} more</div>}
      <div className="muted">
        {APP_STAGE_LABELS[point.stage]} · business {formatScore(point.y)} · technical {formatScore(point.x)}
      </div>
    </div>
  );
}

export default function FeasibilityView({ data }: { data: AppsData }) {
  const { apps, cycles } = data;
  const selection = useAppsUi((s) => s.selection);
  const toggleSelected = useAppsUi((s) => s.toggleSelected);
  const clearSelection = useAppsUi((s) => s.clearSelection);
  const candidatesOnly = useAppsUi((s) => s.candidatesOnly);
  const setCandidatesOnly = useAppsUi((s) => s.setCandidatesOnly);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [shown, setShown] = useState(RANK_PAGE);

  const pool = useMemo(
    () => (candidatesOnly ? apps.filter((a) => a.stage === 'candidate') : apps),
    [apps, candidatesOnly],
  );
  const selected = useMemo(() => new Set(selection), [selection]);
  const ranked = useMemo(() => rankApps(pool), [pool]);
  const rankedShown = useMemo(() => ranked.slice(0, shown), [ranked, shown]);
  const roving = useRovingFocus(useMemo(() => rankedShown.map((r) => r.app.id), [rankedShown]));
  const unscored = useMemo(() => pool.filter((a) => quadrantOfApp(a) === null).length, [pool]);

  const series = useMemo(() => {
    const points = new Map<string, Point>();
    for (const app of pool) {
      if (app.businessScore === null || app.technicalScore === null) continue;
      const key = `${app.stage}|${app.technicalScore}|${app.businessScore}`;
      let point = points.get(key);
      if (!point)
        points.set(
          key,
          (point = { x: app.technicalScore, y: app.businessScore, stage: app.stage, apps: [] }),
        );
      point.apps.push(app);
    }
    const byStage = new Map<AppStage, Point[]>();
    for (const point of points.values()) {
      const list = byStage.get(point.stage) ?? [];
      list.push(point);
      byStage.set(point.stage, list);
    }
    return STAGE_ORDER.flatMap((stage) =>
      byStage.has(stage) ? [{ stage, points: byStage.get(stage)! }] : [],
    );
  }, [pool]);

  const selectedApps = useMemo(() => apps.filter((a) => selected.has(a.id)), [apps, selected]);
  const plotted = pool.length - unscored;

  return (
    <section aria-label="Feasibility" className="feasibility">
      <div className="toolbar feasibility-toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={candidatesOnly}
            onChange={(e) => setCandidatesOnly(e.target.checked)}
          />
          Candidates only
        </label>
        <span className="muted">
          {count(plotted, 'app')} on the matrix
          {unscored > 0 && (
            <>
              {' '}
              · {count(unscored, 'app')} without both scores (<a href="#/apps">score them on their page</a>)
            </>
          )}
        </span>
        <span className="spacer-flex" />
        <span role="status" aria-live="polite" className="selection-count">
          {selection.length > 0
            ? `${count(selection.length, 'app')} picked`
            : 'Pick apps on the matrix or in the list'}
        </span>
        {selection.length > 0 && (
          <button type="button" className="link" onClick={clearSelection}>
            Clear
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={selection.length === 0}
          onClick={() => setDialogOpen(true)}
        >
          Select into cycle…
        </button>
      </div>

      <div className="feasibility-grid">
        <div className="card matrix-card">
          <h3>Feasibility matrix</h3>
          <div
            className="matrix-chart"
            role="img"
            aria-label={`Scatter chart of ${count(plotted, 'app')}: business value (up) against technical feasibility (right). ${QUADRANT_LABELS['start-here'].label} is the top right. The ranked list beside it has the same apps.`}
          >
            <ResponsiveContainer width="100%" height={440}>
              <ScatterChart margin={{ top: 12, right: 16, bottom: 28, left: 8 }}>
                {QUADRANT_AREAS.map((q) => (
                  <ReferenceArea
                    key={q.quadrant}
                    x1={q.x1}
                    x2={q.x2}
                    y1={q.y1}
                    y2={q.y2}
                    className={`quadrant quadrant-${q.quadrant}`}
                    fill={`var(--quadrant-${q.quadrant})`}
                    fillOpacity={1}
                    stroke="none"
                    ifOverflow="visible"
                    label={{
                      value: QUADRANT_LABELS[q.quadrant].label,
                      position: q.position as 'insideTopRight',
                      fill: 'var(--text-muted)',
                      fontSize: 12,
                      fontWeight: 600,
                    }}
                  />
                ))}
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis
                  type="number"
                  dataKey="x"
                  name="Technical feasibility"
                  domain={[LOW, HIGH]}
                  ticks={[1, 2, 3, 4, 5]}
                  stroke="var(--text-muted)"
                  label={{
                    value: 'Technical feasibility →',
                    position: 'bottom',
                    offset: 8,
                    fill: 'var(--text-muted)',
                  }}
                />
                <YAxis
                  type="number"
                  dataKey="y"
                  name="Business value"
                  domain={[LOW, HIGH]}
                  ticks={[1, 2, 3, 4, 5]}
                  width={48}
                  stroke="var(--text-muted)"
                  label={{
                    value: 'Business value →',
                    angle: -90,
                    position: 'insideLeft',
                    fill: 'var(--text-muted)',
                  }}
                />
                <Tooltip
                  content={<PointTooltip />}
                  cursor={{ strokeDasharray: '3 3' }}
                  isAnimationActive={false}
                />
                {series.map(({ stage, points }) => (
                  <Scatter
                    key={stage}
                    name={APP_STAGE_LABELS[stage]}
                    data={points}
                    fill={`var(--stage-${stage})`}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(item) => {
                      const point = (item as { payload?: Point }).payload;
                      if (point) toggleSelected(point.apps.map((a) => a.id));
                    }}
                    shape={(props: unknown) => {
                      const { cx, cy, payload, fill } = props as {
                        cx?: number;
                        cy?: number;
                        payload: Point;
                        fill: string;
                      };
                      if (cx === undefined || cy === undefined) return <g />;
                      const picked = payload.apps.some((a) => selected.has(a.id));
                      return (
                        <circle
                          cx={cx}
                          cy={cy}
                          r={radiusFor(payload.apps.length)}
                          fill={fill}
                          fillOpacity={0.85}
                          stroke={picked ? 'var(--text)' : 'var(--surface)'}
                          strokeWidth={picked ? 3 : 1.5}
                          className={picked ? 'point picked' : 'point'}
                        />
                      );
                    }}
                  />
                ))}
              </ScatterChart>
            </ResponsiveContainer>
          </div>
          <ul className="matrix-legend" aria-label="Stages">
            {series.map(({ stage }) => (
              <li key={stage}>
                <span
                  className="legend-dot"
                  style={{ background: `var(--stage-${stage})` }}
                  aria-hidden="true"
                />
                {APP_STAGE_LABELS[stage]}
              </li>
            ))}
            <li className="muted">Click a point to pick it; a larger point holds several apps.</li>
          </ul>
        </div>

        <div className="card ranked-card">
          <h3>Ranked by business × technical</h3>
          <p id="ranked-help" className="muted ranked-help">
            ↑ / ↓ move through the list, Space picks, Enter opens the app.
          </p>
          {ranked.length === 0 ? (
            <p className="empty">
              {candidatesOnly
                ? 'No candidates left. Untick “Candidates only” to see every app.'
                : 'No apps yet.'}
            </p>
          ) : (
            <ol className="ranked-list" aria-describedby="ranked-help">
              {rankedShown.map(({ app, rank, combined }) => {
                const quadrant = quadrantOfApp(app);
                const id = `rank-${app.id}`;
                return (
                  <li key={app.id} className={selected.has(app.id) ? 'is-picked' : undefined}>
                    <input
                      type="checkbox"
                      id={id}
                      {...roving.itemProps(app.id)}
                      checked={selected.has(app.id)}
                      onChange={(e) => toggleSelected([app.id], e.target.checked)}
                      onKeyDown={(e) => {
                        if (roving.onKeyDown(e, app.id)) return;
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          location.hash = `#/apps/${app.id}`;
                        }
                      }}
                      aria-label={`Pick ${app.name}`}
                    />
                    <span className="rank">{rank}</span>
                    <span className="ranked-name">
                      <a href={`#/apps/${app.id}`} tabIndex={-1}>
                        {app.name}
                      </a>
                      <small className="muted">
                        {quadrant ? QUADRANT_LABELS[quadrant].label : 'Not scored'}
                        {!candidatesOnly && (
                          <>
                            {' '}
                            · <StageBadge stage={app.stage} />
                          </>
                        )}
                      </small>
                    </span>
                    <span className="ranked-scores" title="Business · technical · combined">
                      {formatScore(app.businessScore)} · {formatScore(app.technicalScore)}
                      <strong>{combined === null ? '—' : combined.toFixed(1)}</strong>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          {ranked.length > shown && (
            <button type="button" className="link" onClick={() => setShown((n) => n + RANK_PAGE)}>
              Show {Math.min(RANK_PAGE, ranked.length - shown)} more of {ranked.length.toLocaleString('en')}
            </button>
          )}
        </div>
      </div>

      <SelectIntoCycleDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        apps={apps}
        picked={selectedApps}
        cycles={cycles}
        onDone={() => {
          setDialogOpen(false);
          clearSelection();
        }}
      />
    </section>
  );
}
