// @vitest-environment jsdom
/**
 * The Blockers screens with Testing Library: logging a blocker (messages at the fields, nothing
 * half-saved), an edit that meets a change made elsewhere, the register's filters from the route,
 * the trends' counts opening their lists, and the panels on an app's page and a cycle's detail.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { personInputSchema, teamInputSchema, todayIso, type Person, type Team } from '../../../shared/domain';
import { NONE } from '../../../shared/domain/blocker-filters';
import { buildRecord } from '../../../renderer/db/repository';
import { useUi } from '../../../renderer/store/ui';
import BlockersScreen from '../../../renderer/features/blockers/BlockersScreen';
import AppBlockers from '../../../renderer/features/blockers/AppBlockers';
import CycleBlockers from '../../../renderer/features/blockers/CycleBlockers';
import { updateBlocker } from '../../../renderer/features/blockers/data/blockers';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { appRecord, blockerRecord, cycleRecord } from '../db/db-helpers';
import { freshDb, giveElementsASize, logBlocker, renderWith, resetAll } from './helpers';

beforeEach(() => giveElementsASize());
afterEach(resetAll);

describe('logging a blocker', () => {
  it('says what is wrong at each field and saves nothing until it is right', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    renderWith(database, <BlockersScreen route="blockers/new" />);
    const form = await screen.findByRole('form', { name: 'Log a blocker' });
    await user.click(within(form).getByRole('button', { name: 'Log blocker' }));
    expect(await within(form).findByText('Title is required')).toBeInTheDocument();
    expect(within(form).getByText('Sub-category is required')).toBeInTheDocument();
    expect(within(form).getByText('Nothing was saved. Correct the fields marked below.')).toBeInTheDocument();
    expect(await database.blockers.count()).toBe(0);

    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Nobody can write a pipeline');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sub-category' }), 'Skills, hiring');
    await user.type(within(form).getByRole('combobox', { name: 'App' }), 'Nowhere');
    await user.click(within(form).getByRole('button', { name: 'Log blocker' }));
    expect(
      await within(form).findByText('No app is named “Nowhere”; choose one from the list'),
    ).toBeInTheDocument();
    expect(await database.blockers.count()).toBe(0);

    await user.clear(within(form).getByRole('combobox', { name: 'App' }));
    await user.click(within(form).getByRole('button', { name: 'Log blocker' }));
    await waitFor(async () => expect(await database.blockers.count()).toBe(1));
    const [stored] = await database.blockers.toArray();
    expect(stored).toMatchObject({
      title: 'Nobody can write a pipeline',
      category: 'people-culture',
      subCategory: 'Skills, hiring',
      status: 'open',
      openedOn: todayIso(),
    });
    expect(useUi.getState().route).toBe(`blockers/${stored!.id}`);
  });

  it('takes an app whose name is typed and saved at once, before the names are read', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    renderWith(database, <BlockersScreen route="blockers/new" />);
    const form = await screen.findByRole('form', { name: 'Log a blocker' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'No pipeline' },
    });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Sub-category' }), {
      target: { value: 'Skills, hiring' },
    });
    // Typed and submitted in one go: the picker's read of matching names has not ended.
    fireEvent.change(within(form).getByRole('combobox', { name: 'App' }), { target: { value: 'ledger' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log blocker' }));
    await waitFor(async () => expect(await database.blockers.count()).toBe(1));
    const [stored] = await database.blockers.toArray();
    expect(stored!.appId).toBe(app.id);
  });

  it('starts on the app it was logged from', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    renderWith(database, <BlockersScreen route={`blockers/new?appId=${app.id}`} />);
    const form = await screen.findByRole('form', { name: 'Log a blocker' });
    await waitFor(() => expect(within(form).getByRole('combobox', { name: 'App' })).toHaveValue('Ledger'));
  });
});

describe('editing a blocker', () => {
  it('shows both values of a field changed elsewhere meanwhile and saves only after a choice', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const blocker = await logBlocker(database, 'Change board');
    renderWith(database, <BlockersScreen route={`blockers/${blocker.id}`} />);
    const form = await screen.findByRole('form', { name: /^Change board/ });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Change board, mine');
    await updateBlocker({ id: blocker.id, patch: { title: 'Change board, theirs' } }, database);
    const notice = await screen.findByRole('alert', { name: 'Changed elsewhere' });
    expect(notice).toHaveTextContent('yours: “Change board, mine” · saved elsewhere: “Change board, theirs”');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText(
        'Nothing was saved. Choose which value to keep for each field changed elsewhere.',
      ),
    ).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'Keep yours for Title' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await database.blockers.get(blocker.id))?.title).toBe('Change board, mine'),
    );
  });

  it('changes the status with a date and a note, and going back from resolved needs the note', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const blocker = await logBlocker(database, 'Quota', { status: 'resolved' });
    renderWith(database, <BlockersScreen route={`blockers/${blocker.id}`} />);
    const change = await screen.findByRole('form', { name: 'Change the status' });
    await user.click(within(change).getByRole('button', { name: 'Move to open' }));
    expect(
      await within(change).findByText('Going back from resolved needs a note saying why it was reopened'),
    ).toBeInTheDocument();
    await user.type(
      within(change).getByRole('textbox', { name: 'Why it was reopened' }),
      'Hit the quota again',
    );
    await user.click(within(change).getByRole('button', { name: 'Move to open' }));
    const history = await screen.findByRole('list', { name: 'Status history' });
    await within(history).findByText('Hit the quota again');
    expect((await database.blockers.get(blocker.id))?.status).toBe('open');
  });
});

describe('the register', () => {
  it('lists the blockers the route’s filters select, and opens one with Enter', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await logBlocker(database, 'People one');
    const budget = await logBlocker(database, 'Budget frozen', {
      category: 'plans-alignment',
      subCategory: 'Budgeting',
    });
    await logBlocker(database, 'Budget resolved', {
      category: 'plans-alignment',
      subCategory: 'Budgeting',
      status: 'resolved',
    });
    renderWith(
      database,
      <BlockersScreen route="blockers/register?category=plans-alignment&status=unresolved" />,
    );
    const table = await screen.findByRole('table', { name: 'Blockers, 1 shown' });
    expect(within(table).getByText('Budget frozen')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('plans-alignment');
    const row = within(table).getByText('Budget frozen').closest('tr')!;
    row.focus();
    await user.keyboard('{Enter}');
    expect(useUi.getState().route).toBe(`blockers/${budget.id}`);
  });

  it('marks the rows stale while a changed narrow filter is read again, then lists what it selects', async () => {
    const database = freshDb();
    const [teamA, teamB] = ['0b0b0b0b-0000-4000-8000-00000000000a', '0b0b0b0b-0000-4000-8000-00000000000b'];
    await database.blockers.bulkAdd([
      blockerRecord([{ status: 'open', on: '2026-01-05' }], { title: 'Of team A', teamId: teamA }),
      blockerRecord([{ status: 'open', on: '2026-01-06' }], { title: 'Of team B', teamId: teamB }),
    ]);
    const view = renderWith(database, <BlockersScreen route={`blockers/register?teamId=${teamA}`} />);
    const before = await screen.findByRole('table', { name: 'Blockers, 1 shown' });
    expect(within(before).getByText('Of team A')).toBeInTheDocument();
    view.rerender(
      <DatabaseProvider database={database}>
        <BlockersScreen route={`blockers/register?teamId=${teamB}`} />
      </DatabaseProvider>,
    );
    // One team's blockers are read through its index: until then the earlier read is shown as
    // stale, never as the list of the new filter.
    expect(screen.getByRole('table', { name: /^Blockers, / })).toHaveAttribute('aria-busy', 'true');
    const table = await screen.findByRole('table', { name: 'Blockers, 1 shown' });
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
    expect(within(table).getByText('Of team B')).toBeInTheDocument();
    expect(screen.getByTestId('register-scroll')).not.toHaveClass('is-stale');
  });

  it('shows every blocker stale while a narrow filter chosen from the whole register is read', async () => {
    const database = freshDb();
    const teamA = '0b0b0b0b-0000-4000-8000-00000000000a';
    await database.blockers.bulkAdd([
      blockerRecord([{ status: 'open', on: '2026-01-05' }], { title: 'Of team A', teamId: teamA }),
      blockerRecord([{ status: 'open', on: '2026-01-06' }], { title: 'Of no team' }),
    ]);
    const view = renderWith(database, <BlockersScreen route="blockers/register" />);
    expect(await screen.findByRole('table', { name: 'Blockers, 2 shown' })).toBeInTheDocument();
    view.rerender(
      <DatabaseProvider database={database}>
        <BlockersScreen route={`blockers/register?teamId=${teamA}`} />
      </DatabaseProvider>,
    );
    expect(screen.getByRole('table', { name: /^Blockers, / })).toHaveAttribute('aria-busy', 'true');
    const table = await screen.findByRole('table', { name: 'Blockers, 1 shown' });
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
    expect(within(table).getByText('Of team A')).toBeInTheDocument();
  });

  it('filters by an owner typed by name, says when no one has that name, and tells namesakes apart by team', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const team = (name: string) => buildRecord(teamInputSchema, { name, kind: 'product' }, 'Team') as Team;
    const [payments, risk] = [team('Payments'), team('Risk')];
    const person = (name: string, teamId: string) =>
      buildRecord(personInputSchema, { name, teamId, roles: [], canSeed: false }, 'Person') as Person;
    const [alexP, alexR, bo] = [
      person('Alex Kim', payments.id),
      person('Alex Kim', risk.id),
      person('Bo Chen', risk.id),
    ];
    await database.teams.bulkAdd([payments, risk]);
    await database.people.bulkAdd([alexP, alexR, bo]);
    await database.blockers.bulkAdd([
      blockerRecord([{ status: 'open', on: '2026-01-05' }], { title: 'Of Alex in Risk', ownerId: alexR.id }),
      blockerRecord([{ status: 'open', on: '2026-01-06' }], { title: 'Of Bo', ownerId: bo.id }),
      blockerRecord([{ status: 'open', on: '2026-01-07' }], { title: 'Of no one' }),
    ]);
    const view = renderWith(database, <BlockersScreen route="blockers/register" />);
    // The screen shows the route the app passes it: the address the filters wrote.
    const follow = () =>
      view.rerender(
        <DatabaseProvider database={database}>
          <BlockersScreen route={useUi.getState().route} />
        </DatabaseProvider>,
      );
    expect(await screen.findByRole('table', { name: 'Blockers, 3 shown' })).toBeInTheDocument();
    const owner = screen.getByRole('combobox', { name: 'Owner' });

    await user.type(owner, 'Nobody');
    expect(screen.getByText('No owner is named “Nobody”')).toBeInTheDocument();
    expect(owner).toHaveAttribute('aria-invalid', 'true');
    expect(routeFilters().filters.ownerId).toBeUndefined();
    // Leaving the box puts back what is chosen (every owner).
    await user.tab();
    expect(owner).toHaveValue('');
    expect(screen.queryByText(/No owner is named/)).not.toBeInTheDocument();

    await user.type(owner, 'alex kim (risk)');
    await waitFor(() => expect(routeFilters().filters.ownerId).toBe(alexR.id));
    follow();
    expect(await screen.findByRole('table', { name: 'Blockers, 1 shown' })).toBeInTheDocument();
    expect(screen.getByText('Of Alex in Risk')).toBeInTheDocument();

    await user.clear(owner);
    await user.type(owner, 'No owner');
    await waitFor(() => expect(routeFilters().filters.ownerId).toBe(NONE));
    follow();
    expect(await screen.findByText('Of no one')).toBeInTheDocument();

    // A choice made elsewhere shows in the box.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    follow();
    await waitFor(() => expect(owner).toHaveValue(''));
    expect(await screen.findByRole('table', { name: 'Blockers, 3 shown' })).toBeInTheDocument();
  });

  it('filters by status without reading the blockers again', async () => {
    const database = freshDb();
    await logBlocker(database, 'Still open');
    await logBlocker(database, 'Done with', { status: 'resolved' });
    const view = renderWith(database, <BlockersScreen route="blockers/register?status=open" />);
    const before = await screen.findByRole('table', { name: 'Blockers, 1 shown' });
    expect(within(before).getByText('Still open')).toBeInTheDocument();
    const reads = vi.spyOn(database.blockers, 'toArray');
    view.rerender(
      <DatabaseProvider database={database}>
        <BlockersScreen route="blockers/register?status=resolved" />
      </DatabaseProvider>,
    );
    // Filtered in memory from what was read: the new list at once, never stale.
    const table = screen.getByRole('table', { name: 'Blockers, 1 shown' });
    expect(table).not.toHaveAttribute('aria-busy');
    expect(within(table).getByText('Done with')).toBeInTheDocument();
    expect(reads).not.toHaveBeenCalled();
  });

  it('opens the board and the trends, and comes back, without reading the blockers again; a write still shows', async () => {
    const database = freshDb();
    await logBlocker(database, 'Still open');
    await logBlocker(database, 'Done with', { status: 'resolved' });
    const view = renderWith(database, <BlockersScreen route="blockers/register" />);
    expect(await screen.findByRole('table', { name: 'Blockers, 2 shown' })).toBeInTheDocument();
    const reads = vi.spyOn(database.blockers, 'toArray');
    const show = (route: string) =>
      view.rerender(
        <DatabaseProvider database={database}>
          <BlockersScreen route={route} />
        </DatabaseProvider>,
      );
    show('blockers/board');
    expect(await screen.findByText('Still open', { selector: '.blocker-board *' })).toBeInTheDocument();
    show('blockers/trends');
    expect(await screen.findByRole('heading', { name: 'Category × severity' })).toBeInTheDocument();
    show('blockers/register');
    // The register draws the blockers it had: nothing read again, nothing stale.
    const table = await screen.findByRole('table', { name: 'Blockers, 2 shown' });
    expect(table).not.toHaveAttribute('aria-busy');
    expect(reads).not.toHaveBeenCalled();
    // A blocker logged meanwhile (here, or in another window) is listed.
    await logBlocker(database, 'Logged later');
    expect(await screen.findByRole('table', { name: 'Blockers, 3 shown' })).toBeInTheDocument();
  });
});

describe('the trends', () => {
  it('opens the register with the filters of a heat-map cell, and walks the cells with arrows', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await logBlocker(database, 'One');
    await logBlocker(database, 'Two');
    renderWith(database, <BlockersScreen route="blockers/trends?teamId=__none__" />);
    // The trends load recharts first: slow in jsdom on a busy machine.
    const cell = await screen.findByRole(
      'button',
      { name: '2 unresolved blockers: People & Culture, high' },
      { timeout: 30_000 },
    );
    const first = screen.getByRole('button', { name: '0 unresolved blockers: People & Culture, low' });
    expect(first.tabIndex).toBe(0);
    expect(cell.tabIndex).toBe(-1);
    first.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(cell);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      '0 unresolved blockers: Plans & Alignment, high',
    );
    await user.click(cell);
    expect(useUi.getState().route).toBe(
      'blockers/register?category=people-culture&severity=high&status=unresolved&teamId=__none__',
    );
    expect(screen.getByText(/^2 unresolved blockers; the oldest/)).toBeInTheDocument();
  });
});

/** The register's filters a route opens, as an object (the query's order aside). */
function routeFilters(): { view: string; filters: Record<string, string> } {
  const [path = '', query = ''] = useUi.getState().route.split('?');
  return { view: path, filters: Object.fromEntries(new URLSearchParams(query)) };
}

describe('the trends’ bars', () => {
  it('opens each bar’s blockers with Enter or a click, the arrows walking the bars of a chart', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await logBlocker(database, 'Recent', { daysAgo: 10 });
    await logBlocker(database, 'Older', {
      daysAgo: 100,
      category: 'technical-execution',
      subCategory: 'Other',
    });
    await logBlocker(database, 'Done', { daysAgo: 40, status: 'resolved' });
    renderWith(database, <BlockersScreen route="blockers/trends" />);
    const ageing = await screen.findByRole('group', { name: /^Unresolved blockers by time open/ });
    const recent = within(ageing).getByRole('button', {
      name: 'List the 1 unresolved blocker of People & Culture open up to 30 days',
    });
    const older = within(ageing).getByRole('button', {
      name: 'List the 1 unresolved blocker of Technical Execution open 91–180 days',
    });
    // Only the bars with blockers are drawn, each with its title; one tab stop for the chart.
    expect(within(ageing).getAllByRole('button')).toHaveLength(2);
    expect(recent.querySelector('title')?.textContent).toBe(recent.getAttribute('aria-label'));
    expect([recent.tabIndex, older.tabIndex]).toEqual([0, -1]);
    recent.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(older);
    await user.keyboard('{Enter}');
    expect(routeFilters()).toEqual({
      view: 'blockers/register',
      filters: { age: '91-180', category: 'technical-execution' },
    });

    const resolve = screen.getByRole('group', { name: /^Median and mean days to resolve/ });
    // The one resolved blocker took a day: its median and its mean, both of People & Culture.
    const bars = within(resolve).getAllByRole('button');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'List the 1 resolved blocker of People & Culture: median 1 day to resolve',
      'List the 1 resolved blocker of People & Culture: mean 1 day to resolve',
    ]);
    await user.click(bars[1]!);
    expect(routeFilters()).toEqual({
      view: 'blockers/register',
      filters: { category: 'people-culture', status: 'resolved' },
    });
  });
});

describe('the panels in other areas', () => {
  it('shows an app’s unresolved blockers, oldest first, with a link to log one', async () => {
    const database = freshDb();
    const app = appRecord({ name: 'Ledger' });
    await database.apps.add(app);
    const old = await logBlocker(database, 'Old one', { daysAgo: 40 });
    const recent = await logBlocker(database, 'Recent one', { daysAgo: 3 });
    const done = await logBlocker(database, 'Done', { status: 'resolved' });
    for (const b of [old, recent, done])
      await updateBlocker({ id: b.id, patch: { appId: app.id } }, database);
    renderWith(database, <AppBlockers appId={app.id} />);
    const list = await screen.findByRole('list', { name: 'Unresolved blockers of this app' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Old one', 'Recent one']);
    expect(screen.getByTestId('app-open-blockers')).toHaveTextContent('2 open blockers');
    expect(screen.getByRole('link', { name: 'Log a blocker on this app' })).toHaveAttribute(
      'href',
      `#/blockers/new?appId=${app.id}`,
    );
    expect(screen.getByRole('link', { name: 'All 3 blockers (1 resolved)' })).toHaveAttribute(
      'href',
      `#/blockers/register?appId=${app.id}`,
    );
  });

  it('shows the blockers opened and resolved in a cycle, each count opening its list', async () => {
    const database = freshDb();
    await logBlocker(database, 'Opened in it', { daysAgo: 10 });
    await logBlocker(database, 'Opened and resolved in it', { daysAgo: 20, status: 'resolved' });
    await logBlocker(database, 'Before it', { daysAgo: 400 });
    const start = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const cycle = cycleRecord({ index: 2, startDate: start, endDate: end });
    renderWith(database, <CycleBlockers cycle={cycle} />);
    const opened = await screen.findByRole('list', { name: 'Opened in the cycle' });
    expect(
      within(opened)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Opened and resolved in it', 'Opened in it']);
    const resolved = screen.getByRole('list', { name: 'Resolved in the cycle' });
    expect(
      within(resolved)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Opened and resolved in it']);
    expect(screen.getByRole('link', { name: '2 opened' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/blockers\/register\?opened=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/),
    );
  });
});
