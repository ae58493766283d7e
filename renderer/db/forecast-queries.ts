/**
 * The forecast with odds as every area reads it (a cross-area read, like workspace-queries.ts):
 * the apps that reached the platform with their production dates, the history window the user
 * chose (a preference of this machine, in the settings table), and the forecast and its
 * calibration worked out from them off the page's thread (forecast-jobs.ts). The Plan area draws
 * them; the overview's adoption chart calls useForecastFan to draw the fan.
 * Each hook returns undefined while its first read or run is under way.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_HISTORY_WEEKS,
  HISTORY_WINDOWS,
  fanAtDates,
  type CalibrationPoint,
  type FanPoint,
  type Forecast,
  type ForecastResult,
} from '../../shared/domain/forecast';
import type { IsoDate } from '../../shared/domain/dates';
import { db as defaultDb, type AdoptionDatabase } from './database';
import { useDatabase } from './DatabaseContext';
import { guardStorage } from './errors';
import { keptQuery } from './kept-query';
import { jobKey, runForecastJob, type ForecastJob } from './forecast-jobs';
import { useCycles, useProgram } from './workspace-queries';

export const FORECAST_HISTORY_KEY = 'forecast.historyWeeks';

export type HistoryWindow = (typeof HISTORY_WINDOWS)[number];

export function isHistoryWindow(value: unknown): value is HistoryWindow {
  return HISTORY_WINDOWS.includes(value as HistoryWindow);
}

/** The history window the forecast samples, in weeks; undefined while it is read. */
export function useForecastHistoryWeeks(): HistoryWindow | undefined {
  const database = useDatabase();
  return useLiveQuery(async () => {
    const stored = (await database.settings.get(FORECAST_HISTORY_KEY))?.value;
    return isHistoryWindow(stored) ? stored : DEFAULT_HISTORY_WEEKS;
  }, [database]);
}

/** Chooses the history window of the forecast on this machine. */
export async function setForecastHistoryWeeks(
  weeks: number,
  database: AdoptionDatabase = defaultDb,
): Promise<void> {
  if (!isHistoryWindow(weeks))
    throw new Error(`The history window must be one of ${HISTORY_WINDOWS.join(', ')} weeks, not ${weeks}`);
  await guardStorage(() => database.settings.put({ key: FORECAST_HISTORY_KEY, value: weeks }));
}

/** An app that reached the platform, as the forecast's drill-down lists it. */
export interface ArrivalApp {
  id: string;
  name: string;
  productionOn: IsoDate;
}

/** The apps on the platform with a production date, oldest arrival first; and how many have none. */
export interface PlatformArrivals {
  apps: ArrivalApp[];
  dates: IsoDate[];
  undated: number;
}

/**
 * Kept (kept-query.ts): the forecast, its calibration and the overview's fan all start from the
 * apps on the platform (thousands at scale, read through the stage index); read once and kept
 * while the user moves between the overview and Plan, instead of read again on every opening.
 */
const useKeptArrivals = keptQuery(async (database): Promise<PlatformArrivals> => {
  const onPlatform = await database.apps.where('stage').equals('on-platform').toArray();
  const apps: ArrivalApp[] = [];
  let undated = 0;
  for (const { id, name, productionOn } of onPlatform) {
    if (productionOn) apps.push({ id, name, productionOn });
    else undated += 1;
  }
  apps.sort((a, b) =>
    a.productionOn === b.productionOn
      ? a.name.localeCompare(b.name)
      : a.productionOn < b.productionOn
        ? -1
        : 1,
  );
  return { apps, dates: apps.map((a) => a.productionOn), undated };
});

export function usePlatformArrivals(): PlatformArrivals | undefined {
  return useKeptArrivals(useDatabase());
}

/** Runs a job whenever its input changes; the result of the job asked last, undefined while it runs. */
function useJob<J extends ForecastJob>(
  job: J | null,
):
  | { result: J extends { kind: 'forecast' } ? ForecastResult : CalibrationPoint[] }
  | { error: string }
  | undefined {
  const key = job ? jobKey(job) : null;
  const [state, setState] = useState<{ key: string; value: unknown } | null>(null);
  useEffect(() => {
    if (!job || key === null) return;
    let current = true;
    runForecastJob(job).then(
      (result) => current && setState({ key, value: { result } }),
      (error: unknown) =>
        current &&
        setState({ key, value: { error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // The key stands for the job's whole input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state && state.key === key ? (state.value as never) : undefined;
}

/** The forecast as of a day, with what it was made from. */
export interface AdoptionForecast {
  result: ForecastResult;
  historyWeeks: HistoryWindow;
  /** The apps that reached the platform on or before the as-of day. */
  apps: ArrivalApp[];
  /** Apps on the platform without a production date: not in the forecast. */
  undated: number;
}

/**
 * The forecast with odds as of `asOf` (the end of that day): the program's target, the apps that
 * reached the platform by then, the chosen history window from the program's start.
 * Null when there is no program; undefined while it is read or worked out.
 */
export function useAdoptionForecast(asOf: IsoDate): AdoptionForecast | { error: string } | null | undefined {
  const program = useProgram();
  const arrivals = usePlatformArrivals();
  const historyWeeks = useForecastHistoryWeeks();
  const ready = program && arrivals && historyWeeks !== undefined;
  const job: ForecastJob | null = ready
    ? {
        kind: 'forecast',
        input: {
          arrivals: arrivals.dates,
          asOf,
          historyWeeks,
          historyStart: program.startDate,
          target: program.targetApps,
        },
      }
    : null;
  const run = useJob(job);
  if (program === null) return null;
  if (!ready || !run) return undefined;
  if ('error' in run) return run;
  return {
    result: run.result as ForecastResult,
    historyWeeks,
    apps: arrivals.apps.filter((a) => a.productionOn <= asOf),
    undated: arrivals.undated,
  };
}

/**
 * The forecast as of `asOf` when there is one to draw (a Forecast: target, the 50/85/95 % dates,
 * the weekly fan), for the overview's adoption chart (its AdoptionForecastFan takes it as it is);
 * null when there is none (no program, the target reached, too little history: the Plan area's
 * card says why); undefined while it is worked out.
 */
export function useForecastResult(asOf: IsoDate): Forecast | null | undefined {
  const forecast = useAdoptionForecast(asOf);
  if (forecast === undefined) return undefined;
  if (forecast === null || 'error' in forecast || forecast.result.kind !== 'forecast') return null;
  return forecast.result;
}

/**
 * The fan of the forecast as of `asOf`, for the overview's adoption chart: per week from `asOf`,
 * the apps on the platform 95/85/50/15/5 % likely at least. An empty list when there is nothing to
 * draw (no program, the target reached, or too little history: the Plan area's card says why);
 * undefined while it is worked out.
 */
export function useForecastFan(asOf: IsoDate): FanPoint[] | undefined {
  const forecast = useAdoptionForecast(asOf);
  if (forecast === undefined) return undefined;
  if (forecast === null || 'error' in forecast || forecast.result.kind !== 'forecast') return [];
  return forecast.result.fan;
}

/**
 * The fan read at the dates a chart buckets by (month, quarter or cycle ends): per date, the
 * fan's week ending on or before it, null where the forecast says nothing (before `asOf`, beyond
 * its horizon). An empty list when there is no fan to draw; undefined while it is worked out.
 */
export function useForecastFanAt(asOf: IsoDate, dates: readonly IsoDate[]): (FanPoint | null)[] | undefined {
  const forecast = useAdoptionForecast(asOf);
  const result = forecast && !('error' in forecast) ? forecast.result : null;
  const key = dates.join(',');
  return useMemo(
    () => (forecast === undefined ? undefined : result?.kind === 'forecast' ? fanAtDates(result, dates) : []),
    // The dates by value: a caller building the list on every render does not redo the reading.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [forecast === undefined, result, key],
  );
}

/** The calibration: the forecast as it stood at each past cycle's close, beside what happened. */
export interface ForecastCalibration {
  points: CalibrationPoint[];
  historyWeeks: HistoryWindow;
  target: number;
  apps: ArrivalApp[];
  /** Cycle id → its number and name, for the rows. */
  cycles: ReadonlyMap<string, { index: number; name: string }>;
}

/** The calibration of the cycles that ended by `asOf`; null without a program, undefined while worked out. */
export function useForecastCalibration(
  asOf: IsoDate,
): ForecastCalibration | { error: string } | null | undefined {
  const program = useProgram();
  const cycles = useCycles();
  const arrivals = usePlatformArrivals();
  const historyWeeks = useForecastHistoryWeeks();
  const ready = program && cycles && arrivals && historyWeeks !== undefined;
  const job: ForecastJob | null = ready
    ? {
        kind: 'calibration',
        input: {
          arrivals: arrivals.dates,
          cycles: cycles.map(({ id, index, endDate }) => ({ id, index, endDate })),
          today: asOf,
          historyWeeks,
          historyStart: program.startDate,
          target: program.targetApps,
        },
      }
    : null;
  const run = useJob(job);
  if (program === null) return null;
  if (!ready || !run) return undefined;
  if ('error' in run) return run;
  return {
    points: run.result as CalibrationPoint[],
    historyWeeks,
    target: program.targetApps,
    apps: arrivals.apps,
    cycles: new Map(cycles.map((c) => [c.id, { index: c.index, name: c.name }])),
  };
}
