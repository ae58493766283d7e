// @vitest-environment jsdom
/** An app's page: errors shown at their fields with nothing saved, criteria-derived scores, delete with Undo. */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { addDefaultCriteria } from '../../../renderer/features/apps/data/criteria';
import { useUi } from '../../../renderer/store/ui';
import { Toasts } from '../../../renderer/ui/Toasts';
import { freshDb, renderWith, resetAll } from './helpers';
import { blockerRecord, cycleRecord } from '../db/db-helpers';

afterEach(resetAll);

describe('the app page', () => {
  it('shows each problem at its field and saves nothing while a field is wrong', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    renderWith(database, <AppsScreen route="apps/new" />);
    await screen.findByRole('heading', { name: 'New app' });

    await user.type(screen.getByRole('spinbutton', { name: /business value \(1–5, direct\)/i }), '7');
    await user.type(screen.getByLabelText('Selected on'), '2026-03-10');
    await user.type(screen.getByLabelText('First deploy (hello world)'), '2026-03-01');
    await user.click(screen.getAllByRole('button', { name: 'Add app' })[0]!);

    const name = screen.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('App name is required');
    expect(screen.getByRole('spinbutton', { name: /business value/i })).toHaveAccessibleDescription(
      /^Business value must be between 1 and 5/,
    );
    expect(screen.getByLabelText('First deploy (hello world)')).toHaveAccessibleDescription(
      'First deploy cannot be before the app was selected',
    );
    expect(screen.getByText('Nothing was saved. Correct the fields marked below.')).toBeInTheDocument();
    expect(await database.apps.count()).toBe(0);
  });

  it('creates an app with a new team typed in place, and opens its page', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    renderWith(database, <AppsScreen route="apps/new" />);
    await screen.findByRole('heading', { name: 'New app' });
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Payments API');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owning team' }), '+ New team…');
    await user.type(screen.getByRole('textbox', { name: 'New team name' }), 'Checkout');
    await user.click(screen.getAllByRole('button', { name: 'Add app' })[0]!);

    await waitFor(async () => expect(await database.apps.count()).toBe(1));
    const app = (await database.apps.toArray())[0]!;
    const team = await database.teams.get(app.teamId!);
    expect(team?.name).toBe('Checkout');
    expect(useUi.getState().route).toBe(`apps/${app.id}`);
  });

  it('derives the business value from the scored criteria and shows it', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await addDefaultCriteria(database);
    const app = await createApp({ name: 'Ledger' }, database);
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    await screen.findByRole('heading', { name: /Ledger/ });

    await user.selectOptions(await screen.findByRole('combobox', { name: /Business criticality/ }), '5');
    await user.selectOptions(screen.getByRole('combobox', { name: /Visibility to leadership/ }), '2');
    const legend = screen.getByText(/^Business value:/).closest('legend')!;
    expect(within(legend).getByText('3.8')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0]!);
    await waitFor(async () => expect((await database.apps.get(app.id))!.businessScore).toBe(3.8));
  });

  it('shows the time to hello world from the selected and first deploy dates', async () => {
    const database = freshDb();
    const app = await createApp(
      { name: 'Search', stage: 'onboarding', selectedOn: '2026-02-01', firstDeployOn: '2026-02-13' },
      database,
    );
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    expect(await screen.findByText('12 days')).toBeInTheDocument();
  });

  it('shows the time in the pipeline and how much of it the app was blocked', async () => {
    const database = freshDb();
    const app = await createApp(
      { name: 'Search', stage: 'on-platform', selectedOn: '2026-02-01', productionOn: '2026-04-02' },
      database,
    );
    await database.blockers.bulkAdd([
      // 10 Jan – 11 Feb and 5 Feb – 15 Feb overlap: blocked 1 Feb – 15 Feb within the pipeline.
      blockerRecord(
        [
          { status: 'open', on: '2026-01-10' },
          { status: 'resolved', on: '2026-02-11' },
        ],
        { appId: app.id },
      ),
      blockerRecord(
        [
          { status: 'open', on: '2026-02-05' },
          { status: 'resolved', on: '2026-02-15' },
        ],
        { appId: app.id },
      ),
      // After production: not counted.
      blockerRecord([{ status: 'open', on: '2026-05-01' }], { appId: app.id }),
    ]);
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    const fact = await screen.findByTestId('app-pipeline-time');
    await waitFor(() => expect(fact).toHaveTextContent('60 days, 14 days of them blocked'));
  });

  it('deletes an app and brings it back with Undo', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const app = await createApp({ name: 'Reports', businessScore: 3 }, database);
    renderWith(
      database,
      <>
        <AppsScreen route={`apps/${app.id}`} />
        <Toasts />
      </>,
    );
    await user.click(await screen.findByRole('button', { name: 'Delete app' }));
    await waitFor(async () => expect(await database.apps.count()).toBe(0));
    expect(useUi.getState().route).toBe('apps');

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await database.apps.get(app.id)).toEqual(app));
  });

  it("flags dates outside the app's cycle, as they are typed", async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const cycle = cycleRecord({ index: 1, startDate: '2027-03-02', endDate: '2027-06-02' });
    await database.cycles.add(cycle);
    const app = await createApp(
      {
        name: 'Billing',
        stage: 'onboarding',
        cycleId: cycle.id,
        selectedOn: '2026-11-02',
        firstDeployOn: '2026-11-20',
      },
      database,
    );
    renderWith(database, <AppsScreen route={`apps/${app.id}`} />);
    const warnings = await screen.findByRole('list', { name: 'Dates outside the cycle' });
    expect(
      within(warnings)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Hello world 20 Nov 2026 — before Scaling cycle 1 starts (2 Mar 2027)']);

    const helloWorld = screen.getByLabelText('First deploy (hello world)');
    await user.clear(helloWorld);
    await user.type(helloWorld, '2027-03-20');
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Dates outside the cycle' })).not.toBeInTheDocument(),
    );
    await user.type(screen.getByLabelText('In production on'), '2027-07-01');
    expect(
      await screen.findByText('In production 1 Jul 2027 — after Scaling cycle 1 ends (2 Jun 2027)'),
    ).toBeInTheDocument();
  });
});
