/**
 * Failure injection for the all-or-nothing tests: a Dexie middleware that makes IndexedDB refuse
 * the write of one chosen record (as a full disk or a crash part-way would), so a test can check
 * that an import or restore that fails at its last record leaves every table as it was.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { AdoptionDatabase } from '../../../renderer/db/database';

export class InjectedFailure extends Error {
  constructor(table: string) {
    super(`Injected failure writing the last record of ${table}`);
    this.name = 'InjectedFailure';
  }
}

export interface FailureSwitch {
  /** Fail the write of the first record in `table` that `matches` (the chosen "last record"). */
  arm(table: string, matches: (record: Record<string, unknown>) => boolean): void;
  disarm(): void;
  /** How many writes were refused since the database was opened. */
  readonly fired: number;
}

/** Installs the middleware; call before the database's first use (Dexie builds its stack on open). */
export function injectFailures(database: AdoptionDatabase): FailureSwitch {
  let target: { table: string; matches: (record: Record<string, unknown>) => boolean } | null = null;
  let fired = 0;
  const refuses = (table: string, req: DBCoreMutateRequest) =>
    target !== null &&
    target.table === table &&
    (req.type === 'add' || req.type === 'put') &&
    (req.values as Record<string, unknown>[]).some((v) => target!.matches(v));
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'inject-failure',
    create: (down) => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (refuses(name, req)) {
              fired += 1;
              return Promise.reject(new InjectedFailure(name));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  database.use(middleware);
  return {
    arm: (table, matches) => {
      target = { table, matches };
    },
    disarm: () => {
      target = null;
    },
    get fired() {
      return fired;
    },
  };
}
