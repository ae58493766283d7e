/** A small workspace for the Pairing tests: people, teams, two cycles (one closed), apps and a golden path. */
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { buildRecord } from '../../../renderer/db/repository';
import { logSession } from '../../../renderer/features/pairing/data/sessions';
import {
  goldenPathInputSchema,
  personInputSchema,
  recountCycleTotals,
  recountDays,
  recountTotals,
  type CycleTotals,
  teamInputSchema,
  type App,
  type Cycle,
  type GoldenPath,
  type PairingDay,
  type PairingTotal,
  type Person,
  type Team,
} from '../../../shared/domain';
import { appRecord, cycleRecord } from '../db/db-helpers';

export interface PairingWorld {
  ana: Person;
  bo: Person;
  dev: Person;
  dev2: Person;
  platform: Team;
  payments: Team;
  risk: Team;
  closed: Cycle;
  active: Cycle;
  ledger: App;
  cards: App;
  fraud: App;
  javaPath: GoldenPath;
}

export async function seedPairing(database: AdoptionDatabase): Promise<PairingWorld> {
  const team = (name: string, kind: 'platform' | 'product') =>
    buildRecord(teamInputSchema, { name, kind }, 'Team') as Team;
  const platform = team('Platform', 'platform');
  const payments = team('Payments', 'product');
  const risk = team('Risk', 'product');
  const person = (name: string, teamId: string, roles: Person['roles'] = []) =>
    buildRecord(personInputSchema, { name, teamId, roles, canSeed: true }, 'Person') as Person;
  const ana = person('Ana Lima', platform.id, ['advocate']);
  const bo = person('Bo Chen', platform.id, ['engineer']);
  const dev = person('Dev Rao', payments.id, ['developer']);
  const dev2 = person('Dee Ortiz', risk.id, ['developer']);
  const closed = {
    ...cycleRecord({ index: 1, startDate: '2026-01-01', endDate: '2026-04-01' }),
    status: 'closed' as const,
  };
  const active = {
    ...cycleRecord({ index: 2, startDate: '2026-04-01', endDate: '2026-07-01' }),
    status: 'active' as const,
  };
  const javaPath = buildRecord(
    goldenPathInputSchema,
    { name: 'Java service', kind: 'delivery' },
    'Path',
  ) as GoldenPath;
  const ledger = appRecord({ name: 'Ledger', teamId: payments.id, stage: 'onboarding', cycleId: active.id });
  const cards = appRecord({ name: 'Cards', teamId: payments.id, stage: 'onboarding', cycleId: active.id });
  const fraud = appRecord({ name: 'Fraud', teamId: risk.id, stage: 'on-platform', cycleId: closed.id });
  await database.transaction('rw', database.tables, async () => {
    await database.teams.bulkAdd([platform, payments, risk]);
    await database.people.bulkAdd([ana, bo, dev, dev2]);
    await database.cycles.bulkAdd([closed, active]);
    await database.goldenPaths.add(javaPath);
    await database.apps.bulkAdd([ledger, cards, fraud]);
  });
  return { ana, bo, dev, dev2, platform, payments, risk, closed, active, ledger, cards, fraud, javaPath };
}

/** The totals, days and cycles' totals kept in the database, and the same counted again from its sessions. */
export async function keptAndRecounted(database: AdoptionDatabase): Promise<{
  kept: PairingTotal[];
  recounted: PairingTotal[];
  keptDays: PairingDay[];
  recountedDays: PairingDay[];
  keptCycles: CycleTotals[];
  recountedCycles: CycleTotals[];
}> {
  const kept = await database.pairingTotals.orderBy('id').toArray();
  const sessions = await database.pairingSessions.toArray();
  const keptDays = await database.pairingDays.orderBy('id').toArray();
  const keptCycles = await database.pairingCycleTotals.orderBy('id').toArray();
  return {
    kept,
    recounted: recountTotals(sessions),
    keptDays,
    recountedDays: recountDays(sessions),
    keptCycles,
    recountedCycles: recountCycleTotals(sessions),
  };
}

/** Logs one session: who paired, where, when and what, the rest as quick entry would leave it. */
export async function logAt(
  database: AdoptionDatabase,
  session: {
    person: Person;
    date: string;
    minutes: number;
    team: Team | null;
    app?: App | null;
    topic: string;
    partners?: Person[];
  },
) {
  return logSession(
    {
      date: session.date,
      durationMinutes: session.minutes,
      personId: session.person.id,
      partnerIds: (session.partners ?? []).map((p) => p.id),
      appId: session.app?.id ?? null,
      teamId: session.team?.id ?? null,
      goldenPathId: null,
      topic: session.topic,
      notes: '',
      outcome: 'productive',
    },
    database,
  );
}
