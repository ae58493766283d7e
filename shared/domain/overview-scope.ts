/**
 * The leadership overview's controls (time range, granularity, team, "as of") as they are kept
 * between visits, and how they turn into the scope every overview tile and chart is drawn for:
 * concrete from/to/asOf dates. Kept as this machine's preference, so what is stored is checked
 * again on every read (a setting written by an older or newer version falls back to the defaults).
 */
import { z } from 'zod';
import {
  addDaysIso,
  addMonthsIso,
  GRANULARITIES,
  isIsoDate,
  maxIsoDate,
  type Granularity,
  type IsoDate,
} from './dates';
import type { Cycle } from './program';

export const RANGE_PRESETS = ['last-4-cycles', 'this-year', 'all-time', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  'last-4-cycles': 'Last 4 cycles',
  'this-year': 'This year',
  'all-time': 'All time',
  custom: 'Custom dates',
};

export const GRANULARITY_LABELS: Record<Granularity, string> = {
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  cycle: 'Cycle',
};

const isoDate = z.string().refine(isIsoDate);

/** What the user chose, as stored. */
export const overviewControlsSchema = z.object({
  range: z.enum(RANGE_PRESETS),
  /** The custom range's dates; kept when a preset is chosen, so going back to custom restores them. */
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  granularity: z.enum(GRANULARITIES),
  teamId: z.string().min(1).nullable(),
  /** Null for today; else the id of the cycle whose end the overview shows. */
  asOfCycleId: z.string().min(1).nullable(),
});
export type OverviewControls = z.infer<typeof overviewControlsSchema>;

export const DEFAULT_OVERVIEW_CONTROLS: OverviewControls = {
  range: 'all-time',
  from: null,
  to: null,
  granularity: 'month',
  teamId: null,
  asOfCycleId: null,
};

/** Reads stored controls; anything unreadable falls back to the defaults, field by field. */
export function readOverviewControls(stored: unknown): OverviewControls {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_OVERVIEW_CONTROLS;
  const record = stored as Record<string, unknown>;
  const controls = { ...DEFAULT_OVERVIEW_CONTROLS };
  for (const key of Object.keys(DEFAULT_OVERVIEW_CONTROLS) as (keyof OverviewControls)[]) {
    const field = overviewControlsSchema.shape[key].safeParse(record[key]);
    if (field.success) (controls as Record<string, unknown>)[key] = field.data;
  }
  return controls;
}

/** The scope the overview's contributions receive (renderer/ui/contributions OverviewScope). */
export interface ResolvedOverviewScope {
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  granularity: Granularity;
  teamId: string | null;
}

/**
 * The last day of a cycle: its end date is the hand-over day, the first day of the next one, so
 * the overview "as of the end of a cycle" shows the day before it.
 */
export function cycleLastDay(cycle: Pick<Cycle, 'endDate'>): IsoDate {
  return addDaysIso(cycle.endDate, -1);
}

/** Cycles whose end has passed on `today`: the ones the overview can be shown "as of". */
export function pastCycles<C extends Pick<Cycle, 'endDate' | 'index'>>(
  cycles: readonly C[],
  today: IsoDate,
): C[] {
  return cycles.filter((c) => cycleLastDay(c) < today).sort((a, b) => a.index - b.index);
}

/**
 * Turns the controls into dates. "As of" is today or the last day of the chosen cycle (today
 * when that cycle no longer exists or has not ended). The presets:
 * - last 4 cycles: from the start of the third cycle before the one containing asOf to the end
 *   of that cycle (the 12 months before asOf when there are no cycles);
 * - this year: 1 January to 31 December of asOf's year;
 * - all time: from the program start (or its first cycle, if earlier) to asOf or the end of the
 *   last cycle, whichever is later, so the plan ahead shows too;
 * - custom: the chosen dates, swapped when given the wrong way round, each defaulting to the
 *   all-time bound when missing.
 */
export function resolveOverviewScope(
  controls: OverviewControls,
  context: {
    today: IsoDate;
    programStart: IsoDate;
    cycles: readonly Pick<Cycle, 'id' | 'index' | 'startDate' | 'endDate'>[];
  },
): ResolvedOverviewScope {
  const { today, programStart } = context;
  const cycles = [...context.cycles].sort((a, b) => a.index - b.index);
  const asOfCycle = controls.asOfCycleId ? cycles.find((c) => c.id === controls.asOfCycleId) : undefined;
  const asOf = asOfCycle && cycleLastDay(asOfCycle) < today ? cycleLastDay(asOfCycle) : today;

  const first = cycles[0];
  const allFrom = first && first.startDate < programStart ? first.startDate : programStart;
  const last = cycles.at(-1);
  const allTo = last ? maxIsoDate(asOf, cycleLastDay(last)) : asOf;

  let from: IsoDate;
  let to: IsoDate;
  switch (controls.range) {
    case 'last-4-cycles': {
      // The cycle containing asOf, else the last one that started before it.
      let at = -1;
      cycles.forEach((c, i) => {
        if (c.startDate <= asOf) at = i;
      });
      if (at < 0) {
        from = addMonthsIso(asOf, -12);
        to = asOf;
      } else {
        from = cycles[Math.max(0, at - 3)]!.startDate;
        to = maxIsoDate(asOf, cycleLastDay(cycles[at]!));
      }
      break;
    }
    case 'this-year':
      from = `${asOf.slice(0, 4)}-01-01`;
      to = `${asOf.slice(0, 4)}-12-31`;
      break;
    case 'custom': {
      const a = controls.from ?? allFrom;
      const b = controls.to ?? allTo;
      [from, to] = a <= b ? [a, b] : [b, a];
      break;
    }
    default:
      from = allFrom;
      to = allTo;
  }
  return { asOf, from, to, granularity: controls.granularity, teamId: controls.teamId };
}
