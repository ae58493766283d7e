/**
 * "Toil audit score per team across audits" on the leadership overview (overviewCharts slot):
 * each team's (or app's) audits in the overview's range up to its "as of" day (of the scope's team
 * when one is chosen), as dots on the 1–5 score (5 is least toil), first to latest joined by a
 * line. Only audits with the privacy threshold's number of responses have a score; the others are
 * counted in the reading, never drawn, and left out of every average. The chart draws the 12
 * groups audited last; the table lists every audit shown, and each row opens it.
 */
import { useMemo } from 'react';
import { auditGroup, auditResults, formatIsoDate, type ToilAudit } from '../../../shared/domain';
import { useUi } from '../../store/ui';
import { ChartCard } from '../../ui/chart/ChartCard';
import { usingScope, type OverviewScope } from '../../ui/contributions';
import { usePrivacyThreshold } from './data/preferences';
import { useToilData } from './data/queries';
import { formatChange, formatScore, groupName, plural } from './parts';
import './toil.css';

interface Row {
  audit: ToilAudit;
  group: string;
  name: string;
  score: number;
  responses: number;
}

const DRAWN = 12;
const WIDTH = 640;
const LABEL = 170;
const ROW = 22;

const FIELDS = ['asOf', 'from', 'teamId'] as const;

function OverviewToilChart({ asOf, from, teamId }: Pick<OverviewScope, 'asOf' | 'from' | 'teamId'>) {
  const data = useToilData();
  const threshold = usePrivacyThreshold();
  const navigate = useUi((s) => s.navigate);
  const summary = useMemo(() => {
    if (!data || threshold === undefined) return undefined;
    const rows: Row[] = [];
    let hidden = 0;
    for (const audit of data.audits) {
      if (audit.date > asOf || audit.date < from) continue;
      if (teamId && audit.teamId !== teamId) continue;
      const results = auditResults(audit, data.tallies.get(audit.id), data.items, threshold);
      if (!results.shown || results.score === null) {
        hidden++;
        continue;
      }
      rows.push({
        audit,
        group: auditGroup(audit),
        name: groupName(data, audit),
        score: results.score,
        responses: results.responses,
      });
    }
    rows.sort((a, b) => a.name.localeCompare(b.name) || a.audit.date.localeCompare(b.audit.date));
    const groups = new Map<string, Row[]>();
    for (const r of rows) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
    const drawn = [...groups.values()]
      .sort((a, b) => b.at(-1)!.audit.date.localeCompare(a.at(-1)!.audit.date))
      .slice(0, DRAWN);
    const twice = [...groups.values()].filter((g) => g.length > 1);
    const change = twice.length
      ? twice.reduce((sum, g) => sum + (g.at(-1)!.score - g[0]!.score), 0) / twice.length
      : null;
    return { rows, groups: groups.size, drawn, hidden, change, twice: twice.length };
  }, [data, threshold, asOf, from, teamId]);

  if (!summary) {
    return (
      <section className="card chart-card" aria-busy="true">
        <h3>Toil audit score per team</h3>
        <p className="muted" role="status">
          Reading the audits…
        </p>
      </section>
    );
  }
  const x = (score: number) => LABEL + ((score - 1) / 4) * (WIDTH - LABEL - 16);
  const reading =
    summary.rows.length === 0
      ? 'No audit with enough responses in this range.'
      : `${plural(summary.rows.length, 'audit')} of ${plural(summary.groups, 'team')} shown` +
        (summary.change !== null
          ? `; the ${plural(summary.twice, 'team')} audited more than once moved ${formatChange(summary.change)} on average from their first audit to their latest (5 is least toil)`
          : '') +
        (summary.hidden
          ? `; ${plural(summary.hidden, 'audit')} with fewer than ${threshold} responses not shown`
          : '') +
        '.';
  return (
    <ChartCard<Row>
      title="Toil audit score per team"
      reading={reading}
      className="toil-chart"
      columns={[
        { label: 'Team or app', value: (r) => r.name },
        { label: 'Audit', value: (r) => r.audit.title },
        { label: 'Date', value: (r) => formatIsoDate(r.audit.date) },
        { label: 'Responses', value: (r) => r.responses, numeric: true },
        { label: 'Score (1–5)', value: (r) => formatScore(r.score), numeric: true },
      ]}
      rows={summary.rows}
      rowKey={(r) => r.audit.id}
      onOpen={(r) => navigate(`toil/${r.audit.id}`)}
      openLabel={(r) => `Open the audit “${r.audit.title}”`}
      empty={`No toil audit with at least ${threshold} responses in this range${teamId ? ' for this team' : ''}.`}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${summary.drawn.length * ROW + 24}`}
        width="100%"
        role="img"
        aria-label={`Scores of the ${plural(summary.drawn.length, 'team')} audited last; the table lists them all`}
      >
        {[1, 2, 3, 4, 5].map((s) => (
          <g key={s}>
            <line x1={x(s)} x2={x(s)} y1={0} y2={summary.drawn.length * ROW} stroke="var(--border)" />
            <text x={x(s)} y={summary.drawn.length * ROW + 16} textAnchor="middle">
              {s}
            </text>
          </g>
        ))}
        {summary.drawn.map((g, i) => {
          const y = i * ROW + ROW / 2;
          const first = g[0]!;
          const last = g.at(-1)!;
          const better = last.score >= first.score;
          return (
            <g key={first.group}>
              <text x={0} y={y + 4}>
                {first.name.length > 24 ? `${first.name.slice(0, 23)}…` : first.name}
              </text>
              {g.length > 1 && (
                <line
                  x1={x(first.score)}
                  x2={x(last.score)}
                  y1={y}
                  y2={y}
                  stroke={better ? 'var(--success)' : 'var(--danger)'}
                  strokeWidth={2}
                />
              )}
              {g.map((r, j) => (
                <circle
                  key={r.audit.id}
                  cx={x(r.score)}
                  cy={y}
                  r={j === g.length - 1 ? 5 : 3.5}
                  fill={j === g.length - 1 ? 'var(--series-1)' : 'var(--surface)'}
                  stroke="var(--series-1)"
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`toil/${r.audit.id}`)}
                >
                  <title>{`${r.name}, ${formatIsoDate(r.audit.date)}: ${formatScore(r.score)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
    </ChartCard>
  );
}

/** Drawn again only when one of FIELDS changes (not the granularity, say). */
export default usingScope(FIELDS, OverviewToilChart);
