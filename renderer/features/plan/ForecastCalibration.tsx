/**
 * "Forecast calibration" on the leadership overview (the overviewCharts slot): for every cycle
 * that has ended, the 50 % and 85 % dates the forecast gave at its close, beside the day the
 * target was actually reached (or "not yet"), so leadership can see whether to trust the odds.
 * The forecasts are worked out again as of each close from the records dated before it, with the
 * same seed (shared/domain/forecast.ts forecastCalibration): nothing is stored at the close.
 * Each row opens the apps of the history that forecast was made from.
 */
import { useState } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { addDaysIso, formatIsoDate, isoDayNumber } from '../../../shared/domain';
import { useForecastCalibration } from '../../db/forecast-queries';
import { ChartCard, type ChartColumn } from '../../ui/chart/ChartCard';
import type { OverviewScope } from '../../ui/contributions';
import { ArrivalAppsDialog, type AppsOpened } from './ArrivalAppsDialog';
import { calibrationReading, calibrationRows, outcomeText, type CalibrationRow } from './forecast-charts';
import './forecast.css';

const COLUMNS: readonly ChartColumn<CalibrationRow>[] = [
  { label: 'Cycle', value: (r) => r.label },
  { label: 'Closed', value: (r) => formatIsoDate(r.closedOn) },
  { label: 'On the platform then', value: (r) => r.current.toLocaleString(), numeric: true },
  { label: '50% date', value: (r) => outcomeText(r.p50, r.p50Outcome, r) },
  { label: '85% date', value: (r) => outcomeText(r.p85, r.p85Outcome, r) },
  { label: 'Target reached', value: (r) => (r.reachedOn ? formatIsoDate(r.reachedOn) : 'Not yet') },
];

const EPOCH = '1970-01-01';
const dayOf = (date: string | null) => (date === null ? null : isoDayNumber(date));
const dateOf = (day: number) => addDaysIso(EPOCH, Math.round(day));

export default function ForecastCalibration(scope: Pick<OverviewScope, 'asOf' | 'teamId'>) {
  const calibration = useForecastCalibration(scope.asOf);
  const [opened, setOpened] = useState<AppsOpened | null>(null);
  if (calibration === null) return null;

  if (calibration === undefined || 'error' in calibration) {
    return (
      <ChartCard<CalibrationRow>
        title="Forecast calibration"
        reading={
          calibration
            ? `The calibration could not be worked out: ${calibration.error}`
            : 'Working out past forecasts…'
        }
        columns={COLUMNS}
        rows={[]}
        rowKey={(r) => r.cycleId}
        empty={calibration ? 'No calibration.' : 'Forecasting as of each past cycle close…'}
      >
        {null}
      </ChartCard>
    );
  }

  const rows = calibrationRows(
    calibration.points,
    calibration.cycles,
    calibration.apps,
    calibration.historyWeeks,
  );
  const points = rows.map((r) => ({
    label: r.short,
    made: dayOf(r.asOf),
    p50: dayOf(r.p50),
    p85: dayOf(r.p85),
    row: r,
  }));
  const reachedOn = rows[0]?.reachedOn ?? null;
  const open = (row: CalibrationRow) =>
    setOpened({
      title: `${row.label}: the apps of the ${calibration.historyWeeks}-week history the forecast was made from`,
      apps: row.history,
    });

  return (
    <>
      <ChartCard<CalibrationRow>
        title="Forecast calibration"
        reading={calibrationReading(rows)}
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.cycleId}
        onOpen={open}
        canOpen={(r) => r.history.length > 0}
        openLabel={(r) =>
          `Open the ${r.history.length} ${r.history.length === 1 ? 'app' : 'apps'} the forecast at the close of ${r.label} was made from`
        }
        empty="No cycle has ended yet: each cycle’s close will add the forecast made that day."
        className="forecast-card"
      >
        <div
          className="forecast-chart"
          role="img"
          aria-label={`For each past cycle close, the 50% and 85% dates forecast that day${reachedOn ? ` and the day the target was reached, ${formatIsoDate(reachedOn)}` : '; the target is not reached yet'}. The table has the same dates.`}
        >
          <ResponsiveContainer width="100%" height={260}>
            <ComposedChart
              data={points}
              margin={{ top: 16, right: 24, bottom: 4, left: 8 }}
              onClick={(state) => {
                const index = Number(
                  (state as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex,
                );
                const point = Number.isInteger(index) ? points[index] : undefined;
                if (point && point.row.history.length > 0) open(point.row);
              }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="label" stroke="var(--text-muted)" interval="preserveStartEnd" minTickGap={8} />
              <YAxis
                stroke="var(--text-muted)"
                width={72}
                domain={['dataMin - 30', 'dataMax + 30']}
                tickFormatter={(d: number) => formatIsoDate(dateOf(d), 'MMM yyyy')}
              />
              <Tooltip
                isAnimationActive={false}
                formatter={(value) =>
                  typeof value === 'number' ? formatIsoDate(dateOf(value)) : String(value)
                }
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
                labelStyle={{ color: 'var(--text)' }}
              />
              {reachedOn && (
                <ReferenceLine
                  y={dayOf(reachedOn)!}
                  stroke="var(--text-muted)"
                  strokeDasharray="6 3"
                  label={{
                    value: `Reached ${formatIsoDate(reachedOn)}`,
                    position: 'insideTopLeft',
                    fill: 'var(--text-muted)',
                    fontSize: 12,
                  }}
                />
              )}
              <Line
                name="Forecast made"
                dataKey="made"
                stroke="var(--text-muted)"
                strokeDasharray="2 3"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="50% date"
                dataKey="p50"
                stroke="var(--series-3)"
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
              <Line
                name="85% date"
                dataKey="p85"
                stroke="var(--series-4)"
                strokeWidth={2}
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <ul className="forecast-legend" aria-label="Series">
          <li>
            <span className="forecast-swatch median" aria-hidden="true" />
            50% date forecast at the close
          </li>
          <li>
            <span className="forecast-swatch p85" aria-hidden="true" />
            85% date forecast at the close
          </li>
          <li>
            <span className="forecast-swatch made" aria-hidden="true" />
            The close itself
          </li>
          {reachedOn && (
            <li>
              <span className="forecast-swatch reached" aria-hidden="true" />
              Target reached
            </li>
          )}
        </ul>
      </ChartCard>
      <ArrivalAppsDialog opened={opened} onClose={() => setOpened(null)} />
    </>
  );
}
