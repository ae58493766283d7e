/**
 * "Forecast with odds" on the leadership overview (the overviewCharts slot): when the program's
 * target is reached with 50, 85 and 95 % likelihood, from its own pace of apps reaching the
 * platform over a history window the user chooses (kept on this machine). The chart draws the
 * history as it happened and the fan of the Monte Carlo forecast after it; the table has every
 * week; a history week opens the apps that reached the platform in it. When the history is too
 * short, or nothing arrived in it, the card says so instead of drawing.
 */
import { useId, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { HISTORY_WINDOWS, formatIsoDate } from '../../../shared/domain';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import {
  setForecastHistoryWeeks,
  useAdoptionForecast,
  useForecastHistoryWeeks,
} from '../../db/forecast-queries';
import { useUi } from '../../store/ui';
import { ChartCard, type ChartColumn } from '../../ui/chart/ChartCard';
import type { OverviewScope } from '../../ui/contributions';
import { ArrivalAppsDialog, type AppsOpened } from './ArrivalAppsDialog';
import { chartPoints, likelyBy, oddsReading, oddsRows, type OddsRow } from './forecast-charts';
import './forecast.css';

const blank = (n: number | null) => (n === null ? '' : n.toLocaleString());

const COLUMNS: readonly ChartColumn<OddsRow>[] = [
  { label: 'Week ending', value: (r) => formatIsoDate(r.date) },
  { label: 'On the platform', value: (r) => blank(r.actual), numeric: true },
  {
    label: 'Arrived that week',
    value: (r) => (r.kind === 'history' ? r.arrived.length.toLocaleString() : ''),
    numeric: true,
  },
  { label: '95% likely at least', value: (r) => (r.kind === 'forecast' ? blank(r.p5) : ''), numeric: true },
  { label: '85% likely at least', value: (r) => (r.kind === 'forecast' ? blank(r.p15) : ''), numeric: true },
  { label: '50% likely at least', value: (r) => (r.kind === 'forecast' ? blank(r.p50) : ''), numeric: true },
  { label: '5% likely at least', value: (r) => (r.kind === 'forecast' ? blank(r.p95) : ''), numeric: true },
];

export default function ForecastOdds(scope: Pick<OverviewScope, 'asOf' | 'teamId'>) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const forecast = useAdoptionForecast(scope.asOf);
  const historyWeeks = useForecastHistoryWeeks();
  const [opened, setOpened] = useState<AppsOpened | null>(null);
  const selectId = useId();
  if (forecast === null) return null;

  const chooseWindow = async (weeks: number) => {
    try {
      await setForecastHistoryWeeks(weeks, database);
    } catch (error) {
      toast({ kind: 'error', text: `The history window was not kept: ${describeError(error)}` });
    }
  };
  const actions = (
    <span className="forecast-window">
      <label htmlFor={selectId}>History</label>
      <select
        id={selectId}
        value={historyWeeks ?? ''}
        disabled={historyWeeks === undefined}
        onChange={(e) => void chooseWindow(Number(e.target.value))}
      >
        {HISTORY_WINDOWS.map((w) => (
          <option key={w} value={w}>
            Last {w} weeks
          </option>
        ))}
      </select>
    </span>
  );

  if (forecast === undefined || 'error' in forecast) {
    return (
      <ChartCard<OddsRow>
        title="Forecast with odds"
        reading={
          forecast ? `The forecast could not be worked out: ${forecast.error}` : 'Working out the forecast…'
        }
        columns={COLUMNS}
        rows={[]}
        rowKey={(r) => r.date}
        actions={actions}
        empty={forecast ? 'No forecast.' : 'Running 10,000 trials…'}
      >
        {null}
      </ChartCard>
    );
  }

  const { result } = forecast;
  const rows = oddsRows(result, forecast.apps);
  const teamNote = scope.teamId
    ? ' The forecast is for the whole program: the team filter does not apply.'
    : '';
  const undatedNote =
    forecast.undated > 0
      ? ` ${forecast.undated.toLocaleString()} ${forecast.undated === 1 ? 'app' : 'apps'} on the platform without a production date ${forecast.undated === 1 ? 'is' : 'are'} not counted.`
      : '';
  const reading = oddsReading(result, forecast.historyWeeks) + teamNote + undatedNote;
  const open = (row: OddsRow) =>
    setOpened({
      title: `Apps that reached the platform in the week ending ${formatIsoDate(row.date)}`,
      apps: row.arrived,
    });
  const dates = result.kind === 'forecast' ? result.dates.filter((d) => d.date !== null) : [];
  const points = chartPoints(rows, new Set(dates.map((d) => d.date!)));

  return (
    <>
      <ChartCard<OddsRow>
        title="Forecast with odds"
        reading={reading}
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.date}
        onOpen={open}
        canOpen={(r) => r.arrived.length > 0}
        openLabel={(r) =>
          `Open the ${r.arrived.length} ${r.arrived.length === 1 ? 'app' : 'apps'} that reached the platform in the week ending ${formatIsoDate(r.date)}`
        }
        actions={actions}
        empty={
          result.kind === 'reached'
            ? 'The target is reached: there is nothing left to forecast.'
            : result.kind === 'cannot'
              ? result.message
              : 'Nothing to show.'
        }
        className="forecast-card"
      >
        <div
          className="forecast-chart"
          role="img"
          aria-label={`Apps on the platform week by week over the history, then the forecast fan to the target of ${result.target.toLocaleString()}: ${result.kind === 'forecast' ? result.dates.map((d) => likelyBy(d.likelihood, d.date)).join(', ') : ''}. The table has every week.`}
        >
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart
              data={points}
              margin={{ top: 16, right: 24, bottom: 4, left: 0 }}
              onClick={(state) => {
                const index = Number(
                  (state as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex,
                );
                const row = Number.isInteger(index) ? points[index] : undefined;
                if (row && row.arrived.length > 0) open(row);
              }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis
                dataKey="date"
                stroke="var(--text-muted)"
                tickFormatter={(d: string) => formatIsoDate(d, 'MMM yyyy')}
                minTickGap={24}
              />
              <YAxis stroke="var(--text-muted)" width="auto" allowDecimals={false} />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(d) => `Week ending ${formatIsoDate(String(d))}`}
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
                labelStyle={{ color: 'var(--text)' }}
              />
              <ReferenceLine
                y={result.target}
                stroke="var(--text-muted)"
                strokeDasharray="2 4"
                label={{
                  value: `Target ${result.target.toLocaleString()}`,
                  position: 'insideTopLeft',
                  fill: 'var(--text-muted)',
                  fontSize: 12,
                }}
              />
              {dates.map((d) => (
                <ReferenceLine
                  key={d.likelihood}
                  x={d.date!}
                  stroke="var(--series-3)"
                  strokeDasharray="3 3"
                  label={{
                    value: `${d.likelihood}%`,
                    position: 'top',
                    fill: 'var(--text-muted)',
                    fontSize: 11,
                  }}
                />
              ))}
              <Area
                name="95% to 5% likely"
                dataKey="outer"
                stroke="none"
                fill="var(--series-3)"
                fillOpacity={0.15}
                isAnimationActive={false}
                connectNulls={false}
              />
              <Area
                name="85% to 50% likely"
                dataKey="inner"
                stroke="none"
                fill="var(--series-3)"
                fillOpacity={0.3}
                isAnimationActive={false}
                connectNulls={false}
              />
              <Line
                name="50% likely at least"
                dataKey="p50"
                stroke="var(--series-3)"
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="On the platform"
                dataKey="actual"
                stroke="var(--series-2)"
                strokeWidth={3}
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <ul className="forecast-legend" aria-label="Series">
          <li>
            <span className="forecast-swatch actual" aria-hidden="true" />
            On the platform
          </li>
          <li>
            <span className="forecast-swatch median" aria-hidden="true" />
            Forecast, 50% likely
          </li>
          <li>
            <span className="forecast-swatch band" aria-hidden="true" />
            Fan: 95% likely above its lower edge, 5% likely above its upper edge
          </li>
        </ul>
      </ChartCard>
      <ArrivalAppsDialog opened={opened} onClose={() => setOpened(null)} />
    </>
  );
}
