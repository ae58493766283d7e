/**
 * "How fast can we grow with the people we have, and what limits us?" — the seeding capacity
 * forecast (shared/domain/capacity-forecast) on Plan: the plan (cumulative cycle goals), the
 * forecast and the actual apps on the platform in one chart, beside what-if inputs that redraw
 * it as they are typed. The inputs start from the program's own history — the people who can
 * seed today, the people placed per app so far, the lag seen — read through the workspace
 * queries, never the People or Pairing areas. Each cycle's row opens that cycle on Plan.
 */
import { useId, useMemo, useRef, useState } from 'react';
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
import {
  CAPACITY_DEFAULTS,
  LIMITING_FACTOR_LABELS,
  MAX_HORIZON_CYCLES,
  capacityDefaultsFromHistory,
  capacityForecastInputSchema,
  cycleLabel,
  forecastCapacity,
  formatIsoDate,
  type CapacityDefaults,
  type CapacityForecast as Forecast,
  type CapacityForecastInput,
  type Cycle,
  type Program,
} from '../../../shared/domain';
import { useSeedingHistory, type AppActuals } from '../../db/workspace-queries';
import { ChartCard, type ChartColumn } from '../../ui/chart/ChartCard';
import { Field } from '../../ui/Field';
import {
  capacityRows,
  cycleName,
  forecastStart,
  type CapacityRow,
  type ForecastStart,
} from './capacity-chart';
import { pluralApps } from './labels';
import { usePlanUi } from './plan-store';
import './capacity-forecast.css';

/** The what-if inputs, as typed. */
type WhatIfKey =
  | 'seeders'
  | 'peoplePerApp'
  | 'lagCycles'
  | 'trainingShare'
  | 'attritionPerCycle'
  | 'ceilingPerCycle'
  | 'horizonCycles';
type WhatIf = Record<WhatIfKey, string>;

const PERCENT_KEYS: ReadonlySet<WhatIfKey> = new Set(['trainingShare', 'attritionPerCycle']);

interface FieldSpec {
  key: WhatIfKey;
  label: string;
  hint: (d: CapacityDefaults | undefined) => string;
}

const basisOf = (d: CapacityDefaults | undefined) => d?.basis;

const FIELDS: readonly FieldSpec[] = [
  {
    key: 'seeders',
    label: 'People able to seed',
    hint: (d) => (d ? `${d.seeders.toLocaleString()} can seed today` : 'Counting who can seed…'),
  },
  {
    key: 'peoplePerApp',
    label: 'People per new app',
    hint: (d) =>
      basisOf(d)?.apps
        ? `So far ${d!.basis.placements} placed for ${pluralApps(d!.basis.apps)}: ${d!.appsPerSeeder} apps per person`
        : `No closed cycle with apps yet: ${CAPACITY_DEFAULTS.peoplePerApp} by default`,
  },
  {
    key: 'lagCycles',
    label: 'Cycles before a newly seeded person seeds',
    hint: (d) =>
      basisOf(d)?.lagSamples
        ? `Seen in ${d!.basis.lagSamples} ${d!.basis.lagSamples === 1 ? 'person' : 'people'}: ${d!.lagCycles}`
        : `Not seen yet: ${CAPACITY_DEFAULTS.lagCycles} by default`,
  },
  {
    key: 'trainingShare',
    label: 'Training, % of a seeder’s time',
    hint: () => 'Time spent training the new team, not onboarding',
  },
  {
    key: 'attritionPerCycle',
    label: 'Attrition per cycle, %',
    hint: () => 'Seeded people who leave or stop seeding',
  },
  {
    key: 'ceilingPerCycle',
    label: 'Ceiling, apps per cycle',
    hint: () => 'Empty for none',
  },
  {
    key: 'horizonCycles',
    label: 'Look ahead, cycles',
    hint: () => `1 to ${MAX_HORIZON_CYCLES}`,
  },
];

function defaultWhatIf(defaults: CapacityDefaults | undefined, horizon: number): WhatIf {
  return {
    seeders: String(defaults?.seeders ?? 0),
    peoplePerApp: String(defaults?.peoplePerApp ?? CAPACITY_DEFAULTS.peoplePerApp),
    lagCycles: String(defaults?.lagCycles ?? CAPACITY_DEFAULTS.lagCycles),
    trainingShare: String(CAPACITY_DEFAULTS.trainingShare * 100),
    attritionPerCycle: String(CAPACITY_DEFAULTS.attritionPerCycle * 100),
    ceilingPerCycle: '',
    horizonCycles: String(horizon),
  };
}

/** A typed number: decimal comma or point; empty or anything else is not a number (NaN). */
function readNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The inputs as the forecast takes them, or the message of each field that is wrong. */
function readWhatIf(
  whatIf: WhatIf,
  fixed: Omit<CapacityForecastInput, WhatIfKey>,
): { input: CapacityForecastInput } | { errors: Partial<Record<WhatIfKey, string>> } {
  const number = (key: WhatIfKey) => readNumber(whatIf[key]) / (PERCENT_KEYS.has(key) ? 100 : 1);
  const result = capacityForecastInputSchema.safeParse({
    ...fixed,
    seeders: number('seeders'),
    peoplePerApp: number('peoplePerApp'),
    lagCycles: number('lagCycles'),
    trainingShare: number('trainingShare'),
    attritionPerCycle: number('attritionPerCycle'),
    ceilingPerCycle: whatIf.ceilingPerCycle.trim() === '' ? null : number('ceilingPerCycle'),
    horizonCycles: number('horizonCycles'),
  });
  if (result.success) return { input: result.data };
  const errors: Partial<Record<WhatIfKey, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as WhatIfKey;
    errors[key] ??= issue.message;
  }
  return { errors };
}

/** The one line under the title: when the target is reached, what limits it, against the plan. */
function readingOf(
  forecast: Forecast,
  program: Program,
  start: ForecastStart,
  cycles: readonly Cycle[],
): string {
  const target = pluralApps(program.targetApps);
  const limit = forecast.limitedBy ? `, limited by ${LIMITING_FACTOR_LABELS[forecast.limitedBy]}` : '';
  const { outcome } = forecast;
  if (outcome.status === 'already')
    return `The target of ${target} is already met: ${start.startApps} on the platform.`;
  if (outcome.status === 'not-reached') {
    const horizon = forecast.cycles.length;
    return `The target of ${target} is not reached within ${horizon} ${horizon === 1 ? 'cycle' : 'cycles'}: ${pluralApps(outcome.apps)} by ${formatIsoDate(outcome.date)}${limit}.`;
  }
  const plan = cycles.find((c) => c.index === outcome.index);
  const planned = plan ? ` (${cycleLabel(plan)})` : '';
  return `The target of ${target} is reached in cycle ${outcome.index}${planned}, by ${formatIsoDate(outcome.date)}${limit}.`;
}

const count = (value: number | null) => (value === null ? '' : value.toLocaleString());

interface CapacityForecastProps {
  program: Program;
  cycles: readonly Cycle[];
  /** What the apps actually did; undefined while counted. */
  actuals: AppActuals | undefined;
}

export default function CapacityForecast({ program, cycles, actuals }: CapacityForecastProps) {
  const history = useSeedingHistory();
  const selectCycle = usePlanUi((s) => s.selectCycle);
  const focusHeading = usePlanUi((s) => s.focusHeading);
  const formId = useId();

  const onPlatformByCycle = useMemo(
    () => new Map([...(actuals?.byCycle ?? [])].map(([id, a]) => [id, a.onPlatform])),
    [actuals],
  );
  const defaults = useMemo(
    () => (history ? capacityDefaultsFromHistory({ ...history, cycles, onPlatformByCycle }) : undefined),
    [history, cycles, onPlatformByCycle],
  );
  const start = useMemo(
    () => forecastStart(program, cycles, actuals ?? { onPlatform: 0, byCycle: new Map() }),
    [program, cycles, actuals],
  );
  // Far enough to cover the plan, and at least the default look-ahead.
  const lastPlanned = cycles.reduce((max, c) => Math.max(max, c.index), -1);
  const horizon = Math.min(
    MAX_HORIZON_CYCLES,
    Math.max(CAPACITY_DEFAULTS.horizonCycles, lastPlanned - start.index + 1),
  );

  // What the user typed over the defaults; untouched fields follow the history as it loads.
  const [typed, setTyped] = useState<Partial<WhatIf>>({});
  const whatIf: WhatIf = { ...defaultWhatIf(defaults, horizon), ...typed };
  const read = readWhatIf(whatIf, {
    eligibleApps: program.eligibleApps,
    targetApps: program.targetApps,
    startApps: start.startApps,
    firstCycleIndex: start.index,
    startDate: start.startDate,
    cycleLengthMonths: program.cycleLengthMonths,
  });
  const errors = 'errors' in read ? read.errors : {};
  // While a field is wrong, the chart keeps the last forecast that was right.
  const lastInput = useRef<CapacityForecastInput | null>(null);
  if ('input' in read) lastInput.current = read.input;
  const input = lastInput.current;
  const forecast = useMemo(() => (input ? forecastCapacity(input) : null), [input]);
  const rows = useMemo(
    () => capacityRows(cycles, actuals, forecast, start),
    [cycles, actuals, forecast, start],
  );

  const columns: ChartColumn<CapacityRow>[] = [
    { label: 'Cycle', value: (r) => cycleName(r, cycles) },
    { label: 'Ends', value: (r) => (r.endDate ? formatIsoDate(r.endDate) : '') },
    { label: 'Plan', value: (r) => count(r.plan), numeric: true },
    { label: 'Actual', value: (r) => count(r.actual), numeric: true },
    { label: 'Forecast', value: (r) => count(r.forecast), numeric: true },
    { label: 'Onboarded (forecast)', value: (r) => count(r.forecastApps), numeric: true },
    {
      label: 'Seeders (forecast)',
      value: (r) => (r.seeders === null ? '' : (Math.round(r.seeders * 10) / 10).toLocaleString()),
      numeric: true,
    },
  ];

  const open = (row: CapacityRow) => {
    if (row.cycleId === null) return;
    selectCycle(row.cycleId);
    focusHeading(row.cycleId);
  };
  const reading = forecast
    ? readingOf(forecast, program, start, cycles)
    : 'Fix the what-if inputs to see the forecast.';
  const stale = 'errors' in read;

  return (
    <div className="capacity-forecast">
      <ChartCard<CapacityRow>
        title="Capacity forecast: plan, forecast and actual apps"
        reading={reading}
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.index)}
        onOpen={open}
        canOpen={(r) => r.cycleId !== null}
        openLabel={(r) => `Open ${cycleName(r, cycles)}`}
        empty="Add a cycle or a target to see the forecast."
        className="capacity-chart-card"
      >
        <div
          className={`capacity-chart${stale ? ' is-stale' : ''}`}
          role="img"
          aria-label={`Line chart of apps on the platform per cycle: the plan, the actual apps and the forecast, with the target of ${pluralApps(program.targetApps)}. The table has the same numbers.`}
        >
          <ResponsiveContainer width="100%" height={300}>
            <ComposedChart
              data={rows}
              margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
              onClick={(state) => {
                const index = Number(
                  (state as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex,
                );
                const row = Number.isInteger(index) ? rows[index] : undefined;
                if (row) open(row);
              }}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="label" stroke="var(--text-muted)" interval="preserveStartEnd" minTickGap={8} />
              <YAxis stroke="var(--text-muted)" width="auto" allowDecimals={false} />
              <Tooltip
                isAnimationActive={false}
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
                labelStyle={{ color: 'var(--text)' }}
              />
              <ReferenceLine
                y={program.targetApps}
                stroke="var(--text-muted)"
                strokeDasharray="2 4"
                label={{
                  value: `Target ${program.targetApps.toLocaleString()}`,
                  position: 'insideTopLeft',
                  fill: 'var(--text-muted)',
                  fontSize: 12,
                }}
              />
              <Line
                name="Plan"
                dataKey="plan"
                stroke="var(--series-1)"
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                name="Forecast"
                dataKey="forecast"
                stroke="var(--series-3)"
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="Actual"
                dataKey="actual"
                stroke="var(--series-2)"
                strokeWidth={3}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <ul className="capacity-legend" aria-label="Series">
          <li>
            <span className="capacity-swatch plan" aria-hidden="true" />
            Plan (cycle goals)
          </li>
          <li>
            <span className="capacity-swatch actual" aria-hidden="true" />
            Actual, on the platform
          </li>
          <li>
            <span className="capacity-swatch forecast" aria-hidden="true" />
            Forecast from {start.index === 0 ? 'the initial phase' : `cycle ${start.index}`}
          </li>
        </ul>
      </ChartCard>

      <form
        className="card what-if"
        aria-labelledby={`${formId}-title`}
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <div className="what-if-head">
          <h3 id={`${formId}-title`}>What if…</h3>
          <button
            type="button"
            className="link"
            disabled={Object.keys(typed).length === 0}
            onClick={() => setTyped({})}
          >
            Back to the program’s history
          </button>
        </div>
        <p className="muted what-if-help">The forecast redraws as you type.</p>
        <div className="what-if-fields">
          {FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint(defaults)} error={errors[f.key]}>
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={whatIf[f.key]}
                onChange={(e) => setTyped((t) => ({ ...t, [f.key]: e.target.value }))}
              />
            </Field>
          ))}
        </div>
      </form>
    </div>
  );
}
