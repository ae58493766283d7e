/**
 * The statement × team heat map over each team's (or app's) latest audit: one row per group,
 * weakest first, one cell per statement coloured by its mean (1 red … 5 green), and a first row of
 * the teams shown together. Groups below the privacy threshold are listed without a figure and
 * left out of the "all teams shown" row, so they cannot be worked out from it. Rows are drawn as
 * the table scrolls (ui/use-virtual-rows: with 1,000 teams, only the rows in view); Enter or a
 * click on a row opens its audit.
 */
import { memo, useMemo } from 'react';
import { formatIsoDate, todayIso, toilHeatMap, type HeatMap, type HeatMapRow } from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { SpacerRow, useVirtualRows } from '../../ui/use-virtual-rows';
import type { ToilData } from './data/queries';
import { formatScore, groupName, heatClass, plural } from './parts';

const ROW_HEIGHT = 30;
/** The scroller's height (toil.css `.toil-heat-scroll`), in rows: drawn from the first render. */
const ROWS_IN_VIEW = Math.ceil(560 / ROW_HEIGHT) + 1;
/**
 * Fixed column widths (the table is laid out from them, not from every cell's text, and columns
 * keep their width as rows scroll in): name, audit date and score, then at least this much for
 * each statement (they share what is left of the card's width).
 */
const FIXED_COLUMNS_PX = 170 + 104 + 52;
const STATEMENT_MIN_PX = 36;

interface Drawn {
  map: HeatMap;
  /** Each row's team or app name, by audit id. */
  names: ReadonlyMap<string, string>;
  /** The statements' ids, the cells of every row. */
  statementIds: string[];
}

/**
 * The heat map last worked out, with what it was worked out from: the area's kept reads (the same
 * objects until a write changes them), the threshold and the day. Opening the view again with
 * nothing written since draws at once instead of going over every team's latest audit again.
 */
let last: { inputs: readonly unknown[]; drawn: Drawn } | null = null;

function heatMapOf(data: ToilData, threshold: number, today: string): Drawn {
  const inputs = [data.audits, data.tallies, data.items, data.teamChoices, data.apps, threshold, today];
  if (last && last.inputs.every((input, i) => input === inputs[i])) return last.drawn;
  const map = toilHeatMap(data.audits, data.tallies, data.items, threshold, today);
  const byAudit = new Map(data.audits.map((a) => [a.id, a]));
  const names = new Map(map.rows.map((r) => [r.auditId, groupName(data, byAudit.get(r.auditId)!)]));
  const drawn = { map, names, statementIds: map.statements.map((s) => s.id) };
  last = { inputs, drawn };
  return drawn;
}

export function HeatMapView({ data, threshold }: { data: ToilData; threshold: number }) {
  const navigate = useUi((s) => s.navigate);
  const { map, names, statementIds } = useMemo(
    () => heatMapOf(data, threshold, todayIso()),
    [data, threshold],
  );
  const virtual = useVirtualRows(
    map.rows.length,
    ROW_HEIGHT,
    (index) => {
      const row = map.rows[index];
      if (row) navigate(`toil/${row.auditId}`);
    },
    { initialRows: ROWS_IN_VIEW },
  );
  const shown = map.rows.length - map.hiddenGroups;
  const weakest = map.statements
    .filter((s) => map.allShown[s.id] !== null)
    .sort((a, b) => (map.allShown[a.id] ?? 0) - (map.allShown[b.id] ?? 0))[0];
  const columns = map.statements.length + 3;

  if (map.rows.length === 0) {
    return <p className="empty">No audit yet: the heat map shows each team’s latest audit.</p>;
  }
  return (
    <section className="card toil-heat" aria-labelledby="toil-heat-title">
      <h2 id="toil-heat-title">Statement × team, latest audits</h2>
      <p className="toil-reading">
        {plural(shown, 'team or app', 'teams and apps')} shown
        {map.hiddenGroups > 0
          ? `; ${plural(map.hiddenGroups, 'is', 'are')} hidden (fewer than ${threshold} responses) and left out of every figure`
          : ''}
        .
        {weakest
          ? ` Weakest across the teams shown: “${weakest.text}” (${formatScore(map.allShown[weakest.id])}).`
          : ''}
      </p>
      <details className="toil-legend">
        <summary>What S1…S{map.statements.length} say</summary>
        <ol>
          {map.statements.map((s, i) => (
            <li key={s.id}>
              <strong>S{i + 1}</strong> {s.text}
              {s.reversed ? ' (reversed)' : ''}
            </li>
          ))}
        </ol>
      </details>
      <div ref={virtual.scrollRef} className="toil-heat-scroll">
        <table
          className="toil-heat-table"
          aria-label={`Heat map, ${plural(map.rows.length, 'team')}`}
          style={{ minWidth: FIXED_COLUMNS_PX + map.statements.length * STATEMENT_MIN_PX }}
        >
          <colgroup>
            <col className="toil-heat-name" />
            <col className="toil-heat-date" />
            <col className="toil-heat-score" />
            {map.statements.map((s) => (
              <col key={s.id} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Team or app</th>
              <th scope="col">Audit</th>
              <th scope="col" className="num">
                Score
              </th>
              {map.statements.map((s, i) => (
                <th key={s.id} scope="col" title={s.text}>
                  S{i + 1}
                </th>
              ))}
            </tr>
            <tr className="toil-heat-all">
              <th scope="row">All teams shown</th>
              <td>{plural(shown, 'team')}</td>
              <td />
              {map.statements.map((s) => (
                <td key={s.id} className={heatClass(map.allShown[s.id] ?? null)} title={s.text}>
                  {formatScore(map.allShown[s.id])}
                </td>
              ))}
            </tr>
          </thead>
          <tbody {...virtual.bodyProps}>
            <SpacerRow height={virtual.padTop} columns={columns} />
            {virtual.items.map((v) => {
              const row = map.rows[v.index]!;
              return (
                <HeatRow
                  key={row.auditId}
                  row={row}
                  index={v.index}
                  active={v.index === virtual.activeIndex}
                  name={names.get(row.auditId) ?? ''}
                  statementIds={statementIds}
                  threshold={threshold}
                />
              );
            })}
            <SpacerRow height={virtual.padBottom} columns={columns} />
          </tbody>
        </table>
      </div>
    </section>
  );
}

const HeatRow = memo(function HeatRow({
  row,
  index,
  active,
  name,
  statementIds,
  threshold,
}: {
  row: HeatMapRow;
  index: number;
  active: boolean;
  name: string;
  statementIds: string[];
  threshold: number;
}) {
  return (
    <tr
      data-index={index}
      tabIndex={active ? 0 : -1}
      className="virtual-row"
      aria-label={`${name}: open its audit`}
    >
      <th scope="row">{name}</th>
      <td>{formatIsoDate(row.date)}</td>
      <td className="num">{row.shown ? formatScore(row.score) : ''}</td>
      {row.shown ? (
        statementIds.map((id) => {
          const mean = row.means[id] ?? null;
          return (
            <td key={id} className={heatClass(mean)}>
              {formatScore(mean)}
            </td>
          );
        })
      ) : (
        <td colSpan={statementIds.length} className="muted">
          Hidden: {plural(row.responses, 'response')}, fewer than {threshold}
        </td>
      )}
    </tr>
  );
});
