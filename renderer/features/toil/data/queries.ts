/**
 * What the Toil audits screens read, kept for the whole area (db/kept-query.ts): the template,
 * every audit, every audit's tally (the derived table: ~2,000 small rows, never the 40,000
 * responses), and the names of the teams and apps audited (only those: not 20,000 apps). One
 * audit's responses are read when its page opens, for the free text and the list. Any write, here
 * or in another window, refreshes them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  cycleLabel,
  type Cycle,
  type ToilAudit,
  type ToilItem,
  type ToilResponse,
  type ToilTally,
} from '../../../../shared/domain';
import { useDatabase } from '../../../db/DatabaseContext';
import { keptQuery } from '../../../db/kept-query';

export interface Named {
  id: string;
  name: string;
}

export interface ToilData {
  /** The template, in order, retired items included. */
  items: ToilItem[];
  /** Every audit, latest first. */
  audits: ToilAudit[];
  tallies: ReadonlyMap<string, ToilTally>;
  teams: ReadonlyMap<string, Named>;
  /** The apps audits name, by id. */
  apps: ReadonlyMap<string, Named>;
  cycles: ReadonlyMap<string, Named>;
  /** Every team and cycle, by name and in order, to run a new audit. */
  teamChoices: Named[];
  cycleChoices: (Named & { startDate: string; endDate: string })[];
}

const useItems = keptQuery((db) => db.toilItems.orderBy('order').toArray());
const useAudits = keptQuery(async (db) => (await db.toilAudits.orderBy('date').toArray()).reverse());
const useTallies = keptQuery(async (db) => {
  const rows = (await db.toilTallies.toArray()) as ToilTally[];
  return new Map(rows.map((t) => [t.id, t]));
});
const useTeams = keptQuery(async (db) =>
  (await db.teams.orderBy('name').toArray()).map(({ id, name }) => ({ id, name })),
);
const useCycleRows = keptQuery((db) => db.cycles.orderBy('index').toArray());
const useAuditedApps = keptQuery(async (db) => {
  const ids = new Set<string>();
  await db.toilAudits.each((a) => {
    if (a.appId) ids.add(a.appId);
  });
  const apps = await db.apps.bulkGet([...ids]);
  return new Map(apps.flatMap((a) => (a ? [[a.id, { id: a.id, name: a.name }] as const] : [])));
});

function cycleChoice(c: Cycle) {
  return { id: c.id, name: cycleLabel(c), startDate: c.startDate, endDate: c.endDate };
}

/** The area's data, or undefined while the first read is under way. */
export function useToilData(): ToilData | undefined {
  const db = useDatabase();
  const items = useItems(db);
  const audits = useAudits(db);
  const tallies = useTallies(db);
  const teamChoices = useTeams(db);
  const cycleRows = useCycleRows(db);
  const apps = useAuditedApps(db);
  return useMemo(() => {
    if (!items || !audits || !tallies || !teamChoices || !cycleRows || !apps) return undefined;
    const cycleChoices = cycleRows.map(cycleChoice);
    return {
      items,
      audits,
      tallies,
      apps,
      teamChoices,
      cycleChoices,
      teams: new Map(teamChoices.map((t) => [t.id, t])),
      cycles: new Map(cycleChoices.map((c) => [c.id, c])),
    };
  }, [items, audits, tallies, teamChoices, cycleRows, apps]);
}

/** One audit's responses, oldest first; undefined while read. */
export function useAuditResponses(auditId: string | undefined): ToilResponse[] | undefined {
  const db = useDatabase();
  return useLiveQuery(
    async () =>
      auditId
        ? (await db.toilResponses.where('auditId').equals(auditId).toArray()).sort((a, b) =>
            a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
          )
        : [],
    [db, auditId],
  );
}

/** Every app by name, to run an audit for one: read only when the form asks for it. */
export function useAppChoices(): Named[] | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const out: Named[] = [];
    await db.apps.orderBy('name').each((a) => out.push({ id: a.id, name: a.name }));
    return out;
  }, [db]);
}
