// @vitest-environment jsdom
/** The knowledge map view: lineage by generation, holders, single points, and the "these people leave" what-if. */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdoptionDatabase } from '../../../../renderer/db/database';
import { DatabaseProvider } from '../../../../renderer/db/DatabaseContext';
import { applyDerived } from '../../../../renderer/db/derived';
import { buildRecord } from '../../../../renderer/db/repository';
import KnowledgeView from '../../../../renderer/features/people/knowledge/KnowledgeView';
import {
  assignmentInputSchema,
  goldenPathInputSchema,
  pairingSessionInputSchema,
  personInputSchema,
  teamInputSchema,
  type Assignment,
  type GoldenPath,
  type PairingSession,
  type Person,
  type Team,
} from '../../../../shared/domain';
import { appRecord } from '../../db/db-helpers';
import { giveElementsASize } from '../../apps/helpers';

let database: AdoptionDatabase;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 11, 31, 12));
  giveElementsASize();
  database = new AdoptionDatabase(`knowledge-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  await database.delete();
});

/**
 * Ada and Ben are the platform team. Ada seeded Payments (Cleo, Dan) in the first quarter; Cleo
 * seeded Orders (Eve, Finn) from July. Ben paired with Payments on its app; Cleo with Eve on the
 * Node path. Batch jobs: a golden path nobody worked on.
 */
async function openView() {
  const team = (name: string) => buildRecord(teamInputSchema, { name, kind: 'product' }) as Team;
  const [platform, payments, orders] = [team('Platform'), team('Payments'), team('Orders')];
  const person = (name: string, t: Team) => buildRecord(personInputSchema, { name, teamId: t.id }) as Person;
  const [ada, ben, cleo, dan, eve, finn] = [
    person('Ada', platform),
    person('Ben', platform),
    person('Cleo', payments),
    person('Dan', payments),
    person('Eve', orders),
    person('Finn', orders),
  ] as const;
  const path = (name: string) => buildRecord(goldenPathInputSchema, { name, kind: 'delivery' }) as GoldenPath;
  const [java, node, batch] = [path('Java service'), path('Node web'), path('Batch jobs')];
  const paymentsApi = appRecord({
    name: 'Payments API',
    teamId: payments.id,
    stage: 'on-platform',
    goldenPathIds: [java.id],
  });
  const ordersWeb = appRecord({
    name: 'Orders web',
    teamId: orders.id,
    stage: 'onboarding',
    goldenPathIds: [java.id, node.id],
  });
  const seeding = (who: Person, t: Team, appId: string, startDate: string, endDate: string | null) =>
    buildRecord(assignmentInputSchema, {
      kind: 'seeding',
      personId: who.id,
      targetTeamId: t.id,
      appId,
      startDate,
      endDate,
    }) as Assignment;
  const session = (date: string, minutes: number, who: Person, partners: Person[], appId: string) =>
    buildRecord(pairingSessionInputSchema, {
      date,
      durationMinutes: minutes,
      personId: who.id,
      partnerIds: partners.map((p) => p.id),
      appId,
      topic: 'Pipeline',
    }) as PairingSession;
  await database.transaction('rw', database.tables, async () => {
    await database.teams.bulkAdd([platform, payments, orders]);
    await database.people.bulkAdd([ada, ben, cleo, dan, eve, finn]);
    await database.goldenPaths.bulkAdd([java, node, batch]);
    await database.apps.bulkAdd([paymentsApi, ordersWeb]);
    await database.assignments.bulkAdd([
      seeding(ada, payments, paymentsApi.id, '2025-01-01', '2025-03-31'),
      seeding(cleo, orders, ordersWeb.id, '2025-07-01', null),
    ]);
    const sessions = [
      session('2025-02-01', 240, ben, [cleo, dan], paymentsApi.id),
      session('2025-03-01', 60, dan, [ben], paymentsApi.id),
      session('2025-08-01', 180, cleo, [eve], ordersWeb.id),
    ];
    await database.pairingSessions.bulkAdd(sessions);
    // As a command writes them: with their summary (the derived table the map reads).
    await applyDerived(
      (name) => database.table(name),
      sessions.map((after) => ({ table: 'pairingSessions', after })),
    );
  });
  render(
    <DatabaseProvider database={database}>
      <KnowledgeView />
    </DatabaseProvider>,
  );
  await screen.findByRole('heading', { name: 'Knowledge map' });
}

const treeNames = () =>
  within(screen.getByRole('tree', { name: 'Seeding lineage' }))
    .getAllByRole('treeitem')
    .map((item) => item.querySelector('.lineage-name')!.textContent);

describe('the knowledge map', () => {
  it('lays out who seeded whom by generation, and opens a branch by keyboard', async () => {
    const user = userEvent.setup();
    await openView();
    expect(
      screen.getByText(/6 people in the seeding lineage, 2 generations from the first team/),
    ).toBeInTheDocument();
    const counts = screen.getByRole('list', { name: 'People per generation' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['First team 2 people', 'Generation 1 2 people', 'Generation 2 2 people']);
    // The first team is open: Ada's seeded people show, Cleo's do not yet.
    expect(treeNames()).toEqual(['Ada', 'Cleo', 'Dan', 'Ben']);
    const cleo = screen.getByRole('treeitem', { name: /^Cleo/ });
    expect(cleo).toHaveAttribute('aria-level', '2');
    expect(cleo).toHaveAttribute('aria-expanded', 'false');
    expect(cleo).toHaveTextContent('seeded by Ada, 1 Jan 2025');

    // The tree is one stop in the Tab order, after the search and its two buttons.
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('treeitem', { name: /^Ada/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(treeNames()).toEqual(['Ada', 'Cleo', 'Eve', 'Finn', 'Dan', 'Ben']);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('treeitem', { name: /^Eve/ })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('treeitem', { name: /^Cleo/ })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(treeNames()).toEqual(['Ada', 'Cleo', 'Dan', 'Ben']);
  });

  it('finds people by name or team, with the seeders above them', async () => {
    const user = userEvent.setup();
    await openView();
    await user.type(
      screen.getByRole('searchbox', { name: 'Find a person or team in the lineage' }),
      'orders',
    );
    expect(treeNames()).toEqual(['Ada', 'Cleo', 'Eve', 'Finn']);
    await user.clear(screen.getByRole('searchbox', { name: 'Find a person or team in the lineage' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a person or team in the lineage' }), 'zed');
    expect(screen.getByText('No one in the lineage matches “zed”.')).toBeInTheDocument();
  });

  it('lists the holders of each golden path and app, the least held first', async () => {
    const user = userEvent.setup();
    await openView();
    const paths = screen.getByRole('list', { name: 'Holders of the golden paths' });
    const items = within(paths)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === paths);
    expect(items.map((li) => li.querySelector('.holders-subject')!.textContent)).toEqual([
      'Batch jobs No holder',
      'Node web 2 holders in 2 teams',
      'Java service 5 holders in 3 teams',
    ]);
    expect(items[1]).toHaveTextContent('Cleo 186 h');
    await user.click(screen.getByRole('button', { name: 'Apps (2)' }));
    expect(screen.getByRole('list', { name: 'Holders of the onboarded apps' })).toHaveTextContent(
      /Orders web 2 holders in 2 teams/,
    );
  });

  it('weighs who holds what again when a session is logged elsewhere', async () => {
    await openView();
    const subjects = () =>
      [
        ...screen
          .getByRole('list', { name: 'Holders of the golden paths' })
          .querySelectorAll('.holders-subject'),
      ].map((el) => el.textContent);
    expect(subjects()).toContain('Batch jobs No holder');
    const people = await database.people.toArray();
    const finn = people.find((p) => p.name === 'Finn')!;
    const batch = (await database.goldenPaths.toArray()).find((g) => g.name === 'Batch jobs')!;
    const logged = buildRecord(pairingSessionInputSchema, {
      date: '2025-12-01',
      durationMinutes: 120,
      personId: finn.id,
      // Alone: no lesson changes, only the summary's credit rows the page does not read.
      partnerIds: [],
      appId: null,
      goldenPathId: batch.id,
      topic: 'Batch',
    }) as PairingSession;
    await database.transaction('rw', database.tables, async () => {
      await database.pairingSessions.add(logged);
      await applyDerived((name) => database.table(name), [{ table: 'pairingSessions', after: logged }]);
    });
    await waitFor(() => expect(subjects()).toContain('Batch jobs 1 holder'));
  });

  it('flags the people whose knowledge has no second holder in their team', async () => {
    await openView();
    const card = screen.getByRole('region', { name: 'Single points of knowledge' });
    expect(within(card).getByText('Only holder in Payments of Node web and Orders web')).toBeInTheDocument();
    // A session credits every golden path of its app: Eve learned the Java path on Orders web too.
    expect(
      within(card).getByText('Only holder in Orders of Java service, Node web and Orders web'),
    ).toBeInTheDocument();
  });

  it('shows what loses its last holder when people leave, picked by keyboard and from the lists', async () => {
    const user = userEvent.setup();
    await openView();
    const whatIf = screen.getByRole('region', { name: 'What if these people leave?' });
    await user.type(within(whatIf).getByRole('combobox', { name: 'Add a person who leaves' }), 'cle');
    expect(within(whatIf).getByRole('option', { name: /Cleo/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(within(whatIf).getByRole('list', { name: 'People who leave' })).toHaveTextContent('Cleo');
    expect(within(whatIf).getByRole('status')).toHaveTextContent(
      'If Cleo leaves: 0 golden paths and 0 apps lose their last holder; 1 team loses its last holder of something.',
    );
    expect(within(whatIf).getByRole('list', { name: 'Teams losing their last holder' })).toHaveTextContent(
      'Payments: Node web and Orders web',
    );

    await user.click(screen.getByRole('button', { name: 'Eve leaves' }));
    expect(within(whatIf).getByRole('status')).toHaveTextContent(
      'If Cleo and Eve leave: 1 golden path and 1 app lose their last holder; 2 teams lose their last holder of something.',
    );
    expect(within(whatIf).getByRole('list', { name: 'Golden paths with no holder left' })).toHaveTextContent(
      'Node web',
    );
    expect(within(whatIf).getByRole('list', { name: 'Apps with no holder left' })).toHaveTextContent(
      'Orders web',
    );
    expect(within(whatIf).getByRole('list', { name: 'Teams losing their last holder' })).toHaveTextContent(
      'Orders: Java service, Node web and Orders web',
    );
    expect(screen.getByRole('treeitem', { name: /^Cleo/ })).toHaveAttribute('aria-selected', 'true');

    await user.click(within(whatIf).getByRole('button', { name: 'Remove Cleo' }));
    await user.click(within(whatIf).getByRole('button', { name: 'Remove Eve' }));
    expect(within(whatIf).getByRole('status')).toHaveTextContent(
      'Pick people to see what would lose its last holder.',
    );
  });

  it('marks a person as leaving from the lineage with Space', async () => {
    const user = userEvent.setup();
    await openView();
    act(() => screen.getByRole('treeitem', { name: /^Ada/ }).focus());
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown} ');
    expect(screen.getByRole('treeitem', { name: /^Ben/ })).toHaveAttribute('aria-selected', 'true');
    // Ada holds all Ben holds in the platform team.
    expect(screen.getByRole('status')).toHaveTextContent(
      'If Ben leaves, nothing loses its last holder: everything they hold has a second holder in their team.',
    );
  });
});
