/**
 * The capacity forecast chart's data: where the forecast starts (the active cycle, else the next
 * one to run, with the apps the earlier cycles brought to the platform), and one row per cycle
 * with the plan (the cumulative sum of cycle goals), the actual apps on the platform (cumulative,
 * for cycles that have started) and the forecast (cumulative). Pure, so the component only
 * renders it.
 */
import {
  cycleLabel,
  plannedCumulativeApps,
  type CapacityForecast,
  type Cycle,
  type CycleActual,
  type IsoDate,
  type Program,
} from '../../../shared/domain';

/** Where the forecast starts. */
export interface ForecastStart {
  /** The program's index of the first forecast cycle. */
  index: number;
  startDate: IsoDate;
  /** Apps on the platform before it: apps without a cycle, and those of the earlier cycles. */
  startApps: number;
}

export interface ActualApps {
  onPlatform: number;
  byCycle: ReadonlyMap<string, CycleActual>;
}

type PlanCycle = Pick<Cycle, 'id' | 'index' | 'name' | 'status' | 'startDate' | 'endDate' | 'goalApps'>;

/** Apps on the platform that belong to no cycle (imported as already there, or unlinked). */
function appsWithoutCycle(cycles: readonly PlanCycle[], actuals: ActualApps): number {
  let inCycles = 0;
  for (const c of cycles) inCycles += actuals.byCycle.get(c.id)?.onPlatform ?? 0;
  return Math.max(0, actuals.onPlatform - inCycles);
}

/**
 * The forecast starts at the active cycle's start; with none, at the first planned cycle; with
 * every cycle closed, on the hand-over day after the last; with no cycle, at the program's start.
 */
export function forecastStart(
  program: Pick<Program, 'startDate'>,
  cycles: readonly PlanCycle[],
  actuals: ActualApps,
): ForecastStart {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  const first = ordered.find((c) => c.status === 'active') ?? ordered.find((c) => c.status === 'planned');
  const last = ordered.at(-1);
  const index = first?.index ?? (last ? last.index + 1 : 0);
  const startDate = first?.startDate ?? last?.endDate ?? program.startDate;
  let startApps = appsWithoutCycle(ordered, actuals);
  for (const c of ordered) if (c.index < index) startApps += actuals.byCycle.get(c.id)?.onPlatform ?? 0;
  return { index, startDate, startApps };
}

/** One cycle of the chart. Null where a series has no value for the cycle. */
export interface CapacityRow {
  index: number;
  label: string;
  /** The cycle's end: its own, or the forecast's for cycles not planned yet. */
  endDate: IsoDate;
  /** The plan's cycle, when the cycle is planned. */
  cycleId: string | null;
  /** Cumulative cycle goals. */
  plan: number | null;
  /** Apps on the platform by the cycle's end, for cycles that have started. */
  actual: number | null;
  /** Forecast apps on the platform by the cycle's end (the start value on the cycle before it). */
  forecast: number | null;
  /** Apps the forecast onboards in the cycle. */
  forecastApps: number | null;
  /** People able to seed at the cycle's start, in the forecast. */
  seeders: number | null;
}

export const shortCycleLabel = (index: number) => (index === 0 ? 'Initial' : `C${index}`);

/**
 * One row per cycle, from the initial phase to the later of the plan's last cycle and the
 * forecast's end — the forecast cut two cycles after the one that reaches the target, so that
 * a fast forecast does not squeeze the plan into a corner.
 */
export function capacityRows(
  cycles: readonly PlanCycle[],
  actuals: ActualApps | undefined,
  forecast: CapacityForecast | null,
  start: ForecastStart,
): CapacityRow[] {
  const ordered = [...cycles].sort((a, b) => a.index - b.index);
  const byIndex = new Map(ordered.map((c) => [c.index, c]));
  const planned = new Map(plannedCumulativeApps(ordered).map((p) => [p.index, p.planned]));
  const forecastByIndex = new Map((forecast?.cycles ?? []).map((c) => [c.index, c]));
  const reached = forecast?.outcome.status === 'reached' ? forecast.outcome.index : null;
  const forecastEnd = Math.min(
    forecast?.cycles.at(-1)?.index ?? start.index - 1,
    reached !== null ? reached + 2 : Number.POSITIVE_INFINITY,
  );
  const lastIndex = Math.max(ordered.at(-1)?.index ?? -1, forecastEnd);

  let actual = actuals ? appsWithoutCycle(ordered, actuals) : 0;
  const rows: CapacityRow[] = [];
  for (let index = 0; index <= lastIndex; index++) {
    const cycle = byIndex.get(index);
    const projected = index <= forecastEnd ? forecastByIndex.get(index) : undefined;
    const started = cycle !== undefined && cycle.status !== 'planned';
    if (cycle && actuals) actual += actuals.byCycle.get(cycle.id)?.onPlatform ?? 0;
    rows.push({
      index,
      label: shortCycleLabel(index),
      endDate: cycle?.endDate ?? projected?.endDate ?? '',
      cycleId: cycle?.id ?? null,
      plan: planned.get(index) ?? null,
      actual: started && actuals ? actual : null,
      // The cycle before the forecast carries its starting point, so the line joins the actuals.
      forecast: projected
        ? projected.cumulative
        : forecast && index === start.index - 1
          ? start.startApps
          : null,
      forecastApps: projected?.apps ?? null,
      seeders: projected ? projected.seeders : null,
    });
  }
  return rows;
}

/** A cycle's full name, for the table and the reading. */
export function cycleName(row: Pick<CapacityRow, 'index'>, cycles: readonly PlanCycle[]): string {
  const cycle = cycles.find((c) => c.index === row.index);
  return cycle ? cycleLabel(cycle) : cycleLabel({ index: row.index, name: '' });
}
