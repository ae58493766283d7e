/**
 * What every area of the demo works over: the day it is generated for, the one seeded random
 * source, and the helper that turns an area's fields into a stored record. The areas run one
 * after the other (generate.ts), each adding its tables and the facts later areas build on
 * (the cycle plan, the teams, the apps…); the growing context is typed, so an area that needs
 * something can only run after the area that produces it.
 *
 * All areas draw from the same random source, so their order is part of the demo: moving an
 * area, or a draw inside one, changes every record after it (still deterministic, but a
 * different story). Add new areas at the end.
 */
import { maxIsoDate, minIsoDate, type BaseRecord, type IsoDate } from '../domain';
import { DATA_TABLE_NAMES, type DataTableName, type StoredRecord } from '../schema/tables';
import { createRng, type Rng } from './random';

/** One array of full stored records per data table of the database (all but settings). */
export type DemoDataset = { [T in DataTableName]: StoredRecord<T>[] };

/** Some of the dataset's tables: what an area that fills them returns. */
export type DemoTables<T extends DataTableName> = Pick<DemoDataset, T>;

export interface DemoContext {
  /** The day the demo is generated for: every date of the story is relative to it. */
  readonly today: IsoDate;
  readonly rng: Rng;
  /**
   * Stored-record fields around `fields`: a seeded id (unless given), and timestamps from the
   * record's own dates, never after today and never from the clock.
   */
  stamp<T extends object>(fields: T, created: IsoDate, updated?: IsoDate, id?: string): T & BaseRecord;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time on `day` between the two hours: people create records in the morning, edit them later. */
function instant(rng: Rng, day: IsoDate, fromHour: number, toHour: number): string {
  return `${day}T${pad(rng.int(fromHour, toHour))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}.000Z`;
}

export function createDemoContext(today: IsoDate, seed: number): DemoContext {
  const rng = createRng(seed);
  return {
    today,
    rng,
    stamp(fields, created, updated = created, id = rng.uuid()) {
      const c = minIsoDate(created, today);
      const u = minIsoDate(maxIsoDate(updated, c), today);
      const createdAt = instant(rng, c, 7, 11);
      const updatedAt = u === c ? createdAt : instant(rng, u, 12, 17);
      return { id, createdAt, updatedAt, ...fields };
    },
  };
}

/** The demo while it is being built: the context and everything the areas so far have added. */
export interface DemoBuild<C extends DemoContext> {
  readonly context: C;
  /** Runs one more area over what is built so far and adds what it returns. */
  run<A extends object>(area: (context: C) => A): DemoBuild<C & A>;
}

export function startDemo(today: IsoDate, seed: number): DemoBuild<DemoContext> {
  return growing(createDemoContext(today, seed));
}

function growing<C extends DemoContext>(context: C): DemoBuild<C> {
  return {
    context,
    run(area) {
      const added = area(context);
      // A second area with the same name would silently replace the first one's records.
      for (const key of Object.keys(added)) {
        if (key in context) throw new Error(`Two demo areas produce "${key}"`);
      }
      return growing({ ...context, ...added });
    },
  };
}

/** The dataset out of a finished build: every table, in the order of the table list. */
export function datasetOf(built: DemoDataset): DemoDataset {
  const tables = DATA_TABLE_NAMES;
  return Object.fromEntries(tables.map((table) => [table, built[table]])) as DemoDataset;
}
