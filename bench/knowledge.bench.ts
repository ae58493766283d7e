/**
 * People & teams calculations over the enterprise workspace (bench/workspace/generate.ts at
 * BENCH_SCALE, default 1: 5,000 people, 4,000 assignments, 200,000 pairing sessions): the
 * sessions' summary a restore computes (derived table knowledgeCredits), the knowledge map drawn
 * from it (lineage, holders of every golden path and onboarded app, single points), a
 * departure what-if as the user picks people, and the seeding capacity forecast with its
 * defaults from the program's history. Each is the pure function the screen calls.
 */
import { describe, expect, it } from 'vitest';
import {
  capacityDefaultsFromHistory,
  forecastCapacity,
  MAX_HORIZON_CYCLES,
} from '../shared/domain/capacity-forecast';
import { buildKnowledgeMap, departureImpact, KNOWLEDGE_HALF_LIFE_DAYS } from '../shared/domain/knowledge';
import { knowledgeCreditRows } from '../shared/domain/knowledge-credits';
import { measure } from './report';
import { generateWorkspaceTables, WORKSPACE_TODAY } from './workspace/generate';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const { tables } = generateWorkspaceTables({ scale: SCALE }, [
  'cycles',
  'people',
  'apps',
  'goldenPaths',
  'assignments',
  'pairingSessions',
]);
const { cycles, people, apps, goldenPaths, assignments, pairingSessions: sessions } = tables;
const sizes = `${people.length.toLocaleString('en')} people, ${sessions.length.toLocaleString('en')} sessions`;

describe(`knowledge map and capacity forecast (×${SCALE}: ${sizes})`, () => {
  const input = { people, apps, goldenPaths, assignments, sessions, today: WORKSPACE_TODAY };

  it('builds the knowledge map', () => {
    // What a restore computes once (derived table knowledgeCredits), then what the screen draws from.
    const credits = measure(
      `Knowledge map: the sessions' summary, from every session (restore, upgrade) (${sizes})`,
      { targetMs: 500, runs: 5, units: { count: sessions.length, label: 'sessions' } },
      () => knowledgeCreditRows(sessions, KNOWLEDGE_HALF_LIFE_DAYS),
    );
    const map = measure(
      `Knowledge map: lineage, holders, single points from the summary (${sizes}, ${credits.length.toLocaleString('en')} rows)`,
      { targetMs: 500, runs: 5 },
      () =>
        buildKnowledgeMap({
          ...input,
          sessions: undefined,
          credits,
          futureSessions: sessions.filter((s) => s.date > WORKSPACE_TODAY),
          lessonSessions: new Map(),
        }),
    );
    expect(map.lineage.nodes.size).toBeGreaterThan(0);
    expect(map.apps.length).toBe(
      apps.filter((a) => a.stage === 'onboarding' || a.stage === 'on-platform').length,
    );

    // The what-if as the user adds people: the 50 who hold the most single points.
    const leavers = new Set(
      [...map.singlePoints]
        .sort((a, b) => b[1].length - a[1].length)
        .slice(0, 50)
        .map(([id]) => id),
    );
    const impact = measure('Knowledge map: what 50 people leaving costs', { targetMs: 50, runs: 5 }, () =>
      departureImpact(map, leavers),
    );
    expect(impact.teams.size).toBeGreaterThan(0);
  });

  it('forecasts the seeding capacity from the history', () => {
    const onPlatformByCycle = new Map<string, number>();
    for (const app of apps) {
      if (app.stage === 'on-platform' && app.cycleId)
        onPlatformByCycle.set(app.cycleId, (onPlatformByCycle.get(app.cycleId) ?? 0) + 1);
    }
    const defaults = measure(
      `Capacity forecast: defaults from the history (${assignments.length.toLocaleString('en')} assignments)`,
      { targetMs: 50, runs: 5 },
      () => capacityDefaultsFromHistory({ people, assignments, cycles, onPlatformByCycle }),
    );
    expect(defaults.seeders).toBeGreaterThan(0);
    const forecast = measure(
      `Capacity forecast: ${MAX_HORIZON_CYCLES} cycles`,
      { targetMs: 5, runs: 5 },
      () =>
        forecastCapacity({
          seeders: defaults.seeders,
          peoplePerApp: defaults.peoplePerApp,
          lagCycles: defaults.lagCycles,
          trainingShare: 0.25,
          attritionPerCycle: 0.05,
          ceilingPerCycle: null,
          eligibleApps: apps.length,
          targetApps: apps.length,
          startApps: 0,
          firstCycleIndex: 0,
          startDate: WORKSPACE_TODAY,
          cycleLengthMonths: 3,
          horizonCycles: MAX_HORIZON_CYCLES,
        }),
    );
    expect(forecast.cycles).toHaveLength(MAX_HORIZON_CYCLES);
  });
});
