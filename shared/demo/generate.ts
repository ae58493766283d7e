/**
 * The demo program: a realistic, several-years-long platform program that fills every table, so
 * every screen has something to show on a first start. Pure and deterministic: the same `today`
 * and seed give byte-identical records, ids and timestamps included (ids come from a seeded
 * random source, timestamps from each record's own dates, never from the clock).
 *
 * Each area's part of the story is a module of its own, run here in order over one growing
 * context (context.ts); the script — names, titles, notes — lives in story.ts. A new area adds
 * its module and one `.run(…)` line at the end of the list: the dataset must hold every data
 * table, so one missing is a type error here.
 */
import { parseIsoDate, type IsoDate } from '../domain';
import { demoApps } from './apps';
import { demoBlockers } from './blockers';
import { datasetOf, startDemo, type DemoDataset } from './context';
import { demoCriteria } from './criteria';
import { demoCycles } from './cycles';
import { demoDx } from './dx';
import { demoGoldenPaths } from './golden-paths';
import { demoMarketing } from './marketing';
import { demoMetrics } from './metrics';
import { demoPairing } from './pairing';
import { demoPeople } from './people';
import { demoProgram } from './program';
import { demoTeams } from './teams';
import { demoToil } from './toil';
import { demoValueStreams } from './value-streams';

export type { DemoDataset } from './context';

/** The seed the "Load the demo program" button uses. */
export const DEMO_DEFAULT_SEED = 20231017;

export interface DemoOptions {
  /** The day the demo is generated for: every date of the story is relative to it. */
  today: IsoDate;
  seed?: number;
}

/** The number of records in a dataset, for progress bars. */
export function demoRecordCount(dataset: DemoDataset): number {
  return Object.values(dataset).reduce((sum: number, rows: readonly unknown[]) => sum + rows.length, 0);
}

/**
 * Generates the whole demo program for `today`. Throws a RangeError when `today` is not a
 * `yyyy-MM-dd` calendar date.
 */
export function generateDemoProgram(options: DemoOptions): DemoDataset {
  const { today, seed = DEMO_DEFAULT_SEED } = options;
  if (!parseIsoDate(today)) throw new RangeError(`The demo needs today's date as yyyy-MM-dd, not "${today}"`);
  // Every area draws from the same random source: this order is part of the story.
  const demo = startDemo(today, seed)
    .run(demoProgram)
    .run(demoTeams)
    .run(demoCriteria)
    .run(demoGoldenPaths)
    .run(demoPeople)
    .run(demoApps)
    .run(demoCycles)
    .run(demoPairing)
    .run(demoBlockers)
    .run(demoToil)
    .run(demoValueStreams)
    .run(demoMarketing)
    .run(demoMetrics)
    .run(demoDx);
  return datasetOf(demo.context);
}
