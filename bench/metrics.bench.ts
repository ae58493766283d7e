/**
 * Speeds and feeds over the enterprise workspace (bench/workspace/generate.ts at BENCH_SCALE,
 * default 1: ten years of daily readings of the nine built-in metrics, 32,877 snapshots): what the
 * Metrics grid computes when it opens (the columns and the rows by date; it then draws only the
 * rows in view), and what the overview computes for the metrics' tiles and chart — each metric's
 * readings, its latest value and change over a cycle, and a series bucketed by each granularity,
 * thinned to at most 600 points. Each is the pure function the screen calls.
 */
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../shared/domain/dates';
import {
  bucketSeries,
  downsample,
  latestAsOf,
  MAX_CHART_POINTS,
  metricColumns,
  pointsByMetric,
  snapshotRows,
} from '../shared/domain/metric-series';
import { measure } from './report';
import { generateWorkspaceTables, WORKSPACE_TODAY } from './workspace/generate';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const { tables } = generateWorkspaceTables({ scale: SCALE }, ['cycles', 'metrics', 'metricSnapshots']);
const { cycles, metrics, metricSnapshots: snapshots } = tables;
const sizes = `${snapshots.length.toLocaleString('en')} snapshots of ${metrics.length} metrics`;

describe(`metrics grid and series (×${SCALE}: ${sizes})`, () => {
  it('opens the grid: columns and rows by date', () => {
    const { columns, rows } = measure(
      `Metrics grid: columns and rows by date (${sizes})`,
      { targetMs: 100, runs: 5, units: { count: snapshots.length, label: 'snapshots' } },
      () => ({ columns: metricColumns(metrics), rows: snapshotRows(snapshots) }),
    );
    expect(columns.filter((c) => c.id !== null)).toHaveLength(metrics.length);
    expect(rows.length).toBe(new Set(snapshots.map((s) => s.date)).size);
    expect(rows[0]!.cells.size).toBe(metrics.length);
  });

  it('computes the overview’s tiles and every granularity of the chart', () => {
    const cycleStarts = cycles.map((c) => c.startDate).sort();
    const from = snapshots.reduce((min, s) => (s.date < min ? s.date : min), WORKSPACE_TODAY);
    const result = measure(
      `Metrics overview: latest and change of ${metrics.length} metrics, chart by week/month/quarter/cycle (${sizes})`,
      { targetMs: 100, runs: 5 },
      () => {
        const byMetric = pointsByMetric(snapshots);
        const tiles = metrics.map((m) => latestAsOf(byMetric.get(m.id) ?? [], WORKSPACE_TODAY, 3));
        const points = byMetric.get(metrics[0]!.id) ?? [];
        const charts = GRANULARITIES.map((g) =>
          downsample(bucketSeries(points, g, from, WORKSPACE_TODAY, cycleStarts)),
        );
        return { tiles, charts };
      },
    );
    expect(result.tiles.every((t) => t !== null && t.latest.date <= WORKSPACE_TODAY)).toBe(true);
    for (const chart of result.charts) expect(chart.length).toBeLessThanOrEqual(MAX_CHART_POINTS);

    // A change of granularity redraws one series from readings already grouped by metric.
    const byMetric = pointsByMetric(snapshots);
    const points = byMetric.get(metrics[0]!.id) ?? [];
    const weekly = measure(
      `Metrics chart: one metric's ${points.length.toLocaleString('en')} readings by week, at most ${MAX_CHART_POINTS} points`,
      { targetMs: 100, runs: 5 },
      () => downsample(bucketSeries(points, 'week', from, WORKSPACE_TODAY, cycleStarts)),
    );
    expect(weekly.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
  });
});
