/**
 * What the two forecast charts on the overview draw and say, worked out from the forecast
 * (shared/domain/forecast.ts): the rows of the "Forecast with odds" chart (the history weeks as
 * they happened, then the fan week by week) and of "Forecast calibration" (one per past cycle
 * close), and each chart's one-line reading. Pure, so that they are tested without a screen.
 */
import {
  DAYS_PER_WEEK,
  MAX_HORIZON_WEEKS,
  addDaysIso,
  formatIsoDate,
  type CalibrationOutcome,
  type CalibrationPoint,
  type ForecastResult,
  type IsoDate,
} from '../../../shared/domain';
import type { ArrivalApp } from '../../db/forecast-queries';

/** One week of the odds chart: as it happened (history) or as forecast (the fan). */
export interface OddsRow {
  /** The last day of the week. */
  date: IsoDate;
  kind: 'history' | 'forecast';
  /** Apps on the platform at the week's end (history). */
  actual: number | null;
  /** Apps that reached the platform in the week (history): the row's records. */
  arrived: ArrivalApp[];
  /** The fan (forecast weeks; the as-of week carries both, so the lines meet). */
  p5: number | null;
  p15: number | null;
  p50: number | null;
  p95: number | null;
  /** [p5, p95] and [p15, p50]… for the chart's bands. */
  outer: [number, number] | null;
  inner: [number, number] | null;
}

const pct = (n: number) => `${n}%`;

/** "85% likely by 14 Mar 2027", or "95%: not within 10 years". */
export function likelyBy(likelihood: number, date: IsoDate | null): string {
  return date === null
    ? `${pct(likelihood)}: not within ${MAX_HORIZON_WEEKS / 52} years`
    : `${pct(likelihood)} likely by ${formatIsoDate(date)}`;
}

/**
 * The rows of the odds chart: the history window's weeks (apps on the platform at each week's
 * end, the apps that arrived in it), then the forecast's fan from the week after `asOf`.
 */
export function oddsRows(result: ForecastResult, apps: readonly ArrivalApp[]): OddsRow[] {
  if (result.kind !== 'forecast') return [];
  const weeks = result.throughput.length;
  const rows: OddsRow[] = [];
  // Apps before the window: on the platform from the start of the chart.
  const first = result.historyFrom;
  let onPlatform = apps.filter((a) => a.productionOn < first).length;
  let i = apps.findIndex((a) => a.productionOn >= first);
  if (i < 0) i = apps.length;
  for (let w = 0; w < weeks; w++) {
    const end = addDaysIso(result.asOf, -(weeks - 1 - w) * DAYS_PER_WEEK);
    const arrived: ArrivalApp[] = [];
    while (i < apps.length && (apps[i] as ArrivalApp).productionOn <= end)
      arrived.push(apps[i++] as ArrivalApp);
    onPlatform += arrived.length;
    const last = w === weeks - 1;
    // The forecast starts from the apps the forecast counted (its `current`), at the as-of week.
    const actual = last ? result.current : onPlatform;
    rows.push({
      date: end,
      kind: 'history',
      actual,
      arrived,
      p5: last ? actual : null,
      p15: last ? actual : null,
      p50: last ? actual : null,
      p95: last ? actual : null,
      outer: last ? [actual, actual] : null,
      inner: last ? [actual, actual] : null,
    });
  }
  for (const point of result.fan) {
    if (point.week === 0) continue;
    rows.push({
      date: point.date,
      kind: 'forecast',
      actual: null,
      arrived: [],
      p5: point.p5,
      p15: point.p15,
      p50: point.p50,
      p95: point.p95,
      outer: [point.p5, point.p95],
      inner: [point.p15, point.p50],
    });
  }
  return rows;
}

const countApps = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'app' : 'apps'}`;

/** The odds chart's one line: the three dates with their likelihoods, or why there are none. */
export function oddsReading(result: ForecastResult, historyWeeks: number): string {
  const status = `${countApps(result.current)} of the target of ${result.target.toLocaleString()} on the platform`;
  if (result.kind === 'reached')
    return `The target is reached: ${status} as of ${formatIsoDate(result.asOf)}.`;
  if (result.kind === 'cannot') return `${result.message} ${status[0]!.toUpperCase()}${status.slice(1)}.`;
  const dates = result.dates.map((d) => likelyBy(d.likelihood, d.date)).join(', ');
  const window = result.throughput.length;
  const history =
    window < historyWeeks ? `the ${window} weeks since the program started` : `the last ${window} weeks`;
  return `Target ${dates}; ${status}, at the pace of ${history}.`;
}

/** One past cycle's close in the calibration chart. */
export interface CalibrationRow extends CalibrationPoint {
  /** "Cycle 2 — Payments" or "Initial phase": the table's. */
  label: string;
  /** "Cycle 2" or "Initial": the chart's axis. */
  short: string;
  /** The apps that reached the platform in the history the forecast was made from: its records. */
  history: ArrivalApp[];
}

export function calibrationRows(
  points: readonly CalibrationPoint[],
  cycles: ReadonlyMap<string, { index: number; name: string }>,
  arrivals: readonly ArrivalApp[],
  historyWeeks: number,
): CalibrationRow[] {
  return points.map((p) => {
    const cycle = cycles.get(p.cycleId);
    const index = cycle?.index ?? p.cycleIndex;
    const base = index === 0 ? 'Initial phase' : `Cycle ${index}`;
    const from = addDaysIso(p.asOf, -historyWeeks * DAYS_PER_WEEK + 1);
    return {
      ...p,
      label: cycle?.name ? `${base} — ${cycle.name}` : base,
      short: index === 0 ? 'Initial' : base,
      history: arrivals.filter((a) => a.productionOn >= from && a.productionOn <= p.asOf),
    };
  });
}

export const OUTCOME_LABELS: Record<CalibrationOutcome, string> = {
  met: 'Held',
  missed: 'Missed',
  open: 'Not due yet',
};

/** What a calibration row says for one of its dates: the date and how it turned out. */
export function outcomeText(
  date: IsoDate | null,
  outcome: CalibrationOutcome | null,
  row: CalibrationPoint,
): string {
  if (row.kind === 'reached') return 'Target already reached';
  if (row.kind === 'cannot') return 'No forecast';
  if (date === null) return `Not within ${MAX_HORIZON_WEEKS / 52} years`;
  return `${formatIsoDate(date)} (${OUTCOME_LABELS[outcome ?? 'open'].toLowerCase()})`;
}

/** The calibration chart's one line: how often past 85 % and 50 % dates held. */
export function calibrationReading(rows: readonly CalibrationPoint[]): string {
  if (rows.length === 0)
    return 'No cycle has ended yet: each cycle’s close will add the forecast made that day.';
  const reachedOn = rows[0]!.reachedOn;
  const reached = reachedOn
    ? ` The target was reached on ${formatIsoDate(reachedOn)}.`
    : ' The target is not reached yet.';
  const due85 = rows.filter((r) => r.p85Outcome === 'met' || r.p85Outcome === 'missed');
  const due50 = rows.filter((r) => r.p50Outcome === 'met' || r.p50Outcome === 'missed');
  const forecasts = rows.filter((r) => r.kind === 'forecast').length;
  if (due85.length === 0 && due50.length === 0) {
    return `${forecasts} of ${rows.length} cycle closes had a forecast; none of their dates has come due yet.${reached}`;
  }
  const held = (list: readonly CalibrationPoint[], key: 'p85Outcome' | 'p50Outcome') =>
    list.filter((r) => r[key] === 'met').length;
  return `The 85% date held in ${held(due85, 'p85Outcome')} of ${due85.length} forecasts come due, the 50% date in ${held(due50, 'p50Outcome')} of ${due50.length}.${reached}`;
}

/** The most points a chart draws (issue 12: charts stay readable and fast at scale). */
export const MAX_CHART_POINTS = 600;

/**
 * The rows the chart draws: all of them while they fit MAX_CHART_POINTS, else every history week
 * and every k-th forecast week, keeping the last and the weeks named in `keep` (the dates the
 * chart marks). The table shows every row.
 */
export function chartPoints(rows: readonly OddsRow[], keep: ReadonlySet<IsoDate> = new Set()): OddsRow[] {
  if (rows.length <= MAX_CHART_POINTS) return [...rows];
  const history = rows.filter((r) => r.kind === 'history');
  const forecast = rows.filter((r) => r.kind === 'forecast');
  const room = Math.max(1, MAX_CHART_POINTS - history.length - keep.size - 1);
  const step = Math.ceil(forecast.length / room);
  return [
    ...history,
    ...forecast.filter((r, i) => i % step === step - 1 || i === forecast.length - 1 || keep.has(r.date)),
  ];
}
