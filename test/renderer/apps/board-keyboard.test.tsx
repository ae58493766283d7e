// @vitest-environment jsdom
/**
 * One tab stop per composite widget on the Apps screen: the pipeline board and the ranked list of
 * the feasibility view are each reached with one Tab and walked with the arrow keys.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp } from '../../../renderer/features/apps/data/apps';
import { freshDb, renderWith, resetAll } from './helpers';

afterEach(resetAll);

const tabbable = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('li, input, select, a, button')].filter((e) => e.tabIndex >= 0);

describe('the pipeline board by keyboard', () => {
  it('is one tab stop (a card and its menu), with arrows within a column and Ctrl+arrows across', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    for (const name of ['Alpha', 'Bravo', 'Charlie']) await createApp({ name }, database);
    await createApp({ name: 'Delta', stage: 'selected', selectedOn: '2026-01-02' }, database);
    await createApp(
      {
        name: 'Echo',
        stage: 'on-platform',
        selectedOn: '2026-01-02',
        firstDeployOn: '2026-01-09',
        productionOn: '2026-01-20',
      },
      database,
    );
    renderWith(database, <AppsScreen route="apps/board" />);
    const board = await screen.findByRole('region', { name: 'Pipeline board' });
    await within(board).findByRole('listitem', { name: 'Echo, On platform' });
    const cards = within(board)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('board-card'));
    expect(cards).toHaveLength(5);
    // Of five cards with five menus, two stops: the first card and its menu.
    const stops = tabbable(board).filter((e) => e.closest('.board'));
    expect(stops.map((e) => e.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/, Candidate$/),
      expect.stringMatching(/^Move .* to$/),
    ]);

    await user.click(screen.getByRole('searchbox', { name: 'Filter cards' }));
    await user.tab();
    const first = document.activeElement as HTMLElement;
    expect(first.getAttribute('aria-label')).toMatch(/, Candidate$/);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/, Candidate$/);
    await user.keyboard('{End}');
    const last = document.activeElement as HTMLElement;
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    expect(last).not.toBe(first);

    // Ctrl+→ to the Selected column, then past the empty Onboarding column to On platform.
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Delta, Selected' }));
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Echo, On platform' }));
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(await screen.findByText('No cards after this column.')).toBeInTheDocument();

    // The card last used stays the board's tab stop: Shift+Tab out and Tab back in lands on it.
    await user.tab({ shift: true });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: 'Echo, On platform' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Move Echo to' }));
    // Nothing was moved by walking the board.
    await waitFor(async () =>
      expect((await database.apps.toArray()).map((a) => a.stage).sort()).toEqual([
        'candidate',
        'candidate',
        'candidate',
        'on-platform',
        'selected',
      ]),
    );
  });
});

describe('the ranked list by keyboard', () => {
  it('is one tab stop: arrows walk it, Space picks, Enter opens the app', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const apps = [];
    for (const [name, b, t] of [
      ['Alpha', 5, 5],
      ['Bravo', 4, 4],
      ['Charlie', 3, 3],
    ] as const)
      apps.push(await createApp({ name, businessScore: b, technicalScore: t }, database));
    renderWith(database, <AppsScreen route="apps/matrix" />);
    const list = await screen.findByRole('list', { description: /Space picks/ });
    await within(list).findAllByRole('checkbox');
    expect(
      within(list)
        .getAllByRole('checkbox')
        .filter((c) => c.tabIndex === 0),
    ).toHaveLength(1);
    expect(
      within(list)
        .queryAllByRole('link')
        .filter((a) => a.tabIndex >= 0),
    ).toHaveLength(0);

    within(list).getAllByRole('checkbox')[0]!.focus();
    await user.keyboard('{ArrowDown} ');
    const second = within(list).getAllByRole('checkbox')[1]!;
    expect(document.activeElement).toBe(second);
    expect(second).toBeChecked();
    expect(await screen.findByText('1 app picked')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location.hash).toMatch(/^#\/apps\/[0-9a-f-]{36}$/));
  });
});
