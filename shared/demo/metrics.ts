/**
 * Demo area: speeds and feeds — every built-in metric plus a custom one ("teams on the
 * platform", added in the second scaling cycle), read monthly from the platform dashboards.
 * Production apps follow the apps' own dates; workloads, clusters, servers and the rest grow
 * with them.
 */
import { BUILT_IN_METRICS, addMonthsIso, startOfMonthIso, type Metric, type MetricSnapshot } from '../domain';
import type { DemoContext, DemoTables } from './context';
import { must, round1 } from './helpers';
import type { ProgramFacts } from './program';

const CUSTOM_METRIC = {
  key: 'teams-on-platform',
  name: 'Teams on the platform',
  unit: 'teams',
  builtIn: false,
};

export function demoMetrics({
  today,
  rng,
  stamp,
  programStart,
  setUpOn,
  activeIndex,
  cyclePlan,
  apps,
}: DemoContext & ProgramFacts & DemoTables<'apps'>): DemoTables<'metrics' | 'metricSnapshots'> {
  const metricDefs = [...BUILT_IN_METRICS.map((m) => ({ ...m, builtIn: true })), CUSTOM_METRIC];
  const metrics: Metric[] = metricDefs.map((m) =>
    stamp(
      { key: m.key, name: m.name, unit: m.unit, builtIn: m.builtIn, retired: false, source: 'manual' },
      m.builtIn ? setUpOn : cyclePlan(Math.min(2, activeIndex)).startDate,
    ),
  );
  const metricId = (key: string) =>
    must(
      metrics.find((m) => m.key === key),
      `metric ${key}`,
    ).id;
  const metricSnapshots: MetricSnapshot[] = [];
  for (let m = 1; ; m++) {
    const date = startOfMonthIso(addMonthsIso(programStart, m));
    if (date > today) break;
    const live = apps.filter((a) => a.productionOn !== null && a.productionOn <= date);
    const prodApps = live.length;
    const teamsLive = new Set(live.map((a) => a.teamId)).size;
    const workloads = Math.round(12 + prodApps * (4 + 0.25 * m) * rng.jitter(1, 0.05));
    const dataCenters = m < 9 ? 1 : m < 21 ? 2 : 3;
    const clusters = 2 + Math.floor(prodApps / 5) + (dataCenters - 1) * 2;
    const servers = 24 + clusters * 14 + prodApps * 2;
    const values: Record<string, number> = {
      'production-apps': prodApps,
      'container-workloads': workloads,
      'running-memory': Math.round(workloads * 1.6 * rng.jitter(1, 0.05)),
      'deployments-per-day': round1(prodApps * (0.2 + 0.06 * m) * rng.jitter(1, 0.1)),
      'os-repaves-per-day': m < 6 ? 0 : Math.round(servers / Math.max(3, 21 - m * 0.6)),
      clusters,
      pools: 1 + Math.floor(prodApps / 8) + (dataCenters - 1),
      'data-centers': dataCenters,
      servers,
      'teams-on-platform': teamsLive,
    };
    for (const def of metricDefs) {
      metricSnapshots.push(
        stamp(
          {
            metricId: metricId(def.key),
            date,
            value: values[def.key] ?? 0,
            notes: m === 1 ? 'Read from the platform dashboards on the first working day of the month.' : '',
          },
          date,
        ),
      );
    }
  }
  return { metrics, metricSnapshots };
}
