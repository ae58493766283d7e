// @vitest-environment jsdom
/**
 * The value stream map editor: steps reordered by keyboard (Alt+↑/↓, focus kept) and by the Move
 * buttons, messages at the field naming the step with nothing saved, a save with Undo, a stale
 * edit shown as a conflict, the derived figures, and the overview's improvement list.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { saveMap } from '../../../renderer/features/value-streams/data/maps';
import ValueStreamsScreen from '../../../renderer/features/value-streams/ValueStreamsScreen';
import AppValueStreams from '../../../renderer/features/value-streams/AppValueStreams';
import { useUi } from '../../../renderer/store/ui';
import type { ValueStreamStep } from '../../../shared/domain';
import { appRecord } from '../db/db-helpers';

const opened: AdoptionDatabase[] = [];
afterEach(async () => {
  cleanup();
  useUi.setState({ toasts: [], route: '' });
  for (const d of opened.splice(0)) await d.delete();
});

const step = (
  name: string,
  processMinutes: number,
  waitMinutes: number,
  pctCompleteAccurate = 100,
): ValueStreamStep => ({
  name,
  processMinutes,
  waitMinutes,
  pctCompleteAccurate,
});

async function setUp(
  steps = [step('Build', 60, 120, 90), step('Review', 30, 2880, 50), step('Deploy', 30, 0)],
) {
  const database = new AdoptionDatabase(`vs-ui-${crypto.randomUUID()}`);
  opened.push(database);
  const app = appRecord({ name: 'Ledger' });
  await database.apps.add(app);
  const { map } = await saveMap(
    { input: { appId: app.id, label: 'Before onboarding', date: '2026-03-02', steps } },
    database,
  );
  return { database, app, map };
}

function show(database: AdoptionDatabase, route: string) {
  return render(
    <DatabaseProvider database={database}>
      <ValueStreamsScreen route={route} />
    </DatabaseProvider>,
  );
}

const stepNames = () =>
  screen
    .getAllByRole('textbox', { name: /^Step \d+ name$/ })
    .map((input) => (input as HTMLInputElement).value);

describe('the map editor', () => {
  it('moves a step with Alt+↓ and Alt+↑ from its field, keeping the focus there, and saves the order', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp();
    show(database, `value-streams/${map.id}`);
    const build = await screen.findByRole('textbox', { name: 'Step 1 name' });
    await user.click(build);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(stepNames()).toEqual(['Review', 'Build', 'Deploy']);
    expect(document.activeElement).toBe(build);
    expect(screen.getByText('Moved Build to position 2 of 3.')).toBeInTheDocument();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}'); // already last: stays
    expect(stepNames()).toEqual(['Review', 'Deploy', 'Build']);
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(stepNames()).toEqual(['Review', 'Build', 'Deploy']);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await database.valueStreamMaps.get(map.id))?.steps.map((s) => s.name)).toEqual([
        'Review',
        'Build',
        'Deploy',
      ]),
    );
    expect(useUi.getState().toasts.at(-1)).toMatchObject({ text: 'Saved Before onboarding · 2026-03-02.' });
    expect(useUi.getState().toasts.at(-1)?.action?.label).toBe('Undo');
  });

  it('moves a step with its Move buttons', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp();
    show(database, `value-streams/${map.id}`);
    await user.click(await screen.findByRole('button', { name: 'Move Deploy up' }));
    expect(stepNames()).toEqual(['Build', 'Deploy', 'Review']);
    expect(screen.getByRole('button', { name: 'Move Build up' })).toBeDisabled();
  });

  it('shows the derived figures as typed', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp([step('Build', 60, 60, 50), step('Deploy', 0, 0, 50)]);
    show(database, `value-streams/${map.id}`);
    const figures = await screen.findByRole('region', { name: 'Derived figures' });
    // lead 120 min = 2 h; ratio 50 %; rolled 25 %; longest wait Build
    expect(within(figures).getByText('2 h')).toBeInTheDocument();
    expect(within(figures).getByText('Build (1 h)')).toBeInTheDocument();
    expect(within(figures).getByText('25 %')).toBeInTheDocument();
    const wait = screen.getByRole('textbox', { name: 'Wait (min) of Build' });
    await user.clear(wait);
    await user.type(wait, '0');
    expect(within(figures).getByText('100 %')).toBeInTheDocument();
    expect(within(figures).getByText('no step waits')).toBeInTheDocument();
  });

  it('says at the field what is wrong, naming the step, and saves nothing', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp();
    show(database, `value-streams/${map.id}`);
    const wait = await screen.findByRole('textbox', { name: 'Wait (min) of Review' });
    await user.clear(wait);
    await user.type(wait, '-5');
    await user.tab();
    expect(wait).toHaveAccessibleDescription('Wait time cannot be negative');
    const pct = screen.getByRole('textbox', { name: '% C&A of Deploy' });
    await user.clear(pct);
    await user.type(pct, '120');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('list', { name: 'Steps to fix' })).toHaveTextContent(
      'Step 2 (Review): Wait time cannot be negative',
    );
    expect(pct).toHaveAccessibleDescription('% complete & accurate must be at most 100');
    expect(await database.valueStreamMaps.get(map.id)).toEqual(map);
  });

  it('refuses a map without steps', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp([step('Only', 1, 1)]);
    show(database, `value-streams/${map.id}`);
    await user.click(await screen.findByRole('button', { name: 'Remove Only' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A value stream needs at least one step: add one.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Nothing was saved. Correct the fields marked below.');
    expect((await database.valueStreamMaps.get(map.id))?.steps).toHaveLength(1);
  });

  it('shows a change made elsewhere to the steps as a conflict instead of writing over it', async () => {
    const user = userEvent.setup();
    const { database, map } = await setUp();
    show(database, `value-streams/${map.id}`);
    await user.click(await screen.findByRole('button', { name: 'Move Deploy up' }));
    await saveMap({ id: map.id, input: { steps: map.steps.slice(0, 2) } }, database);
    await screen.findByRole('alert', { name: 'Changed elsewhere' });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/Nothing was saved. Choose which value to keep/);
    expect((await database.valueStreamMaps.get(map.id))?.steps).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Keep yours for Steps' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await database.valueStreamMaps.get(map.id))?.steps.map((s) => s.name)).toEqual([
        'Build',
        'Deploy',
        'Review',
      ]),
    );
  });
});

describe('versions', () => {
  it('lists the latest improvement per app, opening its map, and compares the two versions', async () => {
    const { database, app, map } = await setUp();
    const after = await saveMap(
      {
        input: {
          appId: app.id,
          label: 'After onboarding',
          date: '2026-06-01',
          steps: [step('Build', 30, 30, 95), step('Deploy', 10, 0)],
        },
      },
      database,
    );
    show(database, 'value-streams');
    const list = await screen.findByRole('region', { name: 'Latest improvement per app, as a table' });
    // lead 3120 → 70 min: −98 %
    expect(within(list).getByRole('link', { name: 'Ledger' })).toHaveAttribute(
      'href',
      `#/value-streams/${after.map.id}`,
    );
    expect(within(list).getByText('−98 %')).toBeInTheDocument();
    cleanup();
    show(database, `value-streams/compare/${map.id}/${after.map.id}`);
    expect(await screen.findByRole('heading', { name: 'Ledger: two versions compared' })).toBeInTheDocument();
    const steps = screen.getByRole('table', { name: 'Steps, matched by name' });
    expect(within(steps).getByText('Review').closest('th')).toHaveTextContent('Review dropped');
    expect(within(screen.getByRole('table', { name: 'Figures' })).getByText('−98 %')).toBeInTheDocument();
  });

  it('shows an app’s maps on its page with the change from the version before', async () => {
    const { database, app } = await setUp();
    await saveMap(
      {
        input: {
          appId: app.id,
          label: 'After onboarding',
          date: '2026-06-01',
          steps: [step('Build', 35, 35)],
        },
      },
      database,
    );
    render(
      <DatabaseProvider database={database}>
        <AppValueStreams appId={app.id} />
      </DatabaseProvider>,
    );
    expect(
      await screen.findByText(/lead time 1.2 h, activity ratio 50 % \(−98 % lead time\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Compare with the version before' })).toBeInTheDocument();
  });
});
