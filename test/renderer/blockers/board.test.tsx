// @vitest-environment jsdom
/**
 * The board by keyboard and mouse: one tab stop, arrows inside, a card moved with ←/→ (dated
 * today, history appended), the Move… menu, and a move back from resolved that asks why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayIso } from '../../../shared/domain';
import BlockersScreen from '../../../renderer/features/blockers/BlockersScreen';
import { CELL_LIMIT } from '../../../renderer/features/blockers/Board';
import { appRecord, blockerRecord } from '../db/db-helpers';
import { freshDb, logBlocker, renderWith, resetAll } from './helpers';

afterEach(resetAll);

const tabbable = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('li, input, select, a, button')].filter((e) => e.tabIndex >= 0);

describe('the blocker board', () => {
  it('is one tab stop (a card and its menu), walked with arrows, Ctrl+arrows across columns', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await logBlocker(database, 'Oldest', { daysAgo: 30 });
    await logBlocker(database, 'Newer', { daysAgo: 5 });
    await logBlocker(database, 'Plans one', {
      category: 'plans-alignment',
      subCategory: 'Budgeting',
      daysAgo: 8,
    });
    await logBlocker(database, 'Being mitigated', { status: 'mitigating' });
    renderWith(database, <BlockersScreen route="blockers/board" />);
    const board = await screen.findByRole('region', { name: 'Blocker board' });
    await within(board).findByRole('listitem', { name: 'Being mitigated, high, mitigating' });
    const stops = tabbable(board).filter((e) => e.closest('.blocker-cards'));
    expect(stops.map((e) => e.getAttribute('aria-label'))).toEqual([
      'Oldest, high, open',
      'Move “Oldest” to',
    ]);

    stops[0]!.focus();
    // Down the Open column, across its lanes: oldest first in People & Culture, then Plans & Alignment.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Newer, high, open');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Plans one, high, open');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Oldest, high, open');
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Being mitigated, high, mitigating');
    await user.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(await screen.findByText('No cards after this column.')).toBeInTheDocument();
    expect((await database.blockers.toArray()).map((b) => b.status).sort()).toEqual([
      'mitigating',
      'open',
      'open',
      'open',
    ]);
  });

  it('moves a card with → to mitigating and resolved, dated today, and keeps the focus on it', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const blocker = await logBlocker(database, 'Pipeline skills', { daysAgo: 12 });
    renderWith(database, <BlockersScreen route="blockers/board" />);
    const card = await screen.findByRole('listitem', { name: 'Pipeline skills, high, open' });
    card.focus();
    await user.keyboard('{ArrowRight}');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Pipeline skills, high, mitigating'),
    );
    await user.keyboard('{ArrowRight}');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Pipeline skills, high, resolved'),
    );
    expect(
      screen.getByText('“Pipeline skills” moved to resolved.', { selector: '[role="status"]' }),
    ).toBeInTheDocument();
    const stored = await database.blockers.get(blocker.id);
    expect(stored?.statusHistory.map((c) => [c.status, c.on])).toEqual([
      ['open', blocker.openedOn],
      ['mitigating', todayIso()],
      ['resolved', todayIso()],
    ]);
    expect(stored?.resolvedOn).toBe(todayIso());
  });

  it('moves a card back from resolved only with a note saying why', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    const blocker = await logBlocker(database, 'Came back', { status: 'resolved', daysAgo: 20 });
    renderWith(database, <BlockersScreen route="blockers/board" />);
    const card = await screen.findByRole('listitem', { name: 'Came back, high, resolved' });
    card.focus();
    await user.keyboard('{ArrowLeft}');
    const dialog = await screen.findByRole('dialog', { name: 'Reopen “Came back”' });
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    expect(
      await within(dialog).findByText('Going back from resolved needs a note saying why it was reopened'),
    ).toBeInTheDocument();
    expect((await database.blockers.get(blocker.id))?.status).toBe('resolved');
    await user.type(within(dialog).getByRole('textbox', { name: 'Why it was reopened' }), 'Quota hit again');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    await waitFor(async () => expect((await database.blockers.get(blocker.id))?.status).toBe('mitigating'));
    expect((await database.blockers.get(blocker.id))?.statusHistory.at(-1)).toEqual({
      status: 'mitigating',
      on: todayIso(),
      note: 'Quota hit again',
    });
  });

  it('moves a card with its Move… menu, and each count opens the register with its filters', async () => {
    const user = userEvent.setup();
    const database = freshDb();
    await logBlocker(database, 'By menu');
    renderWith(database, <BlockersScreen route="blockers/board?severity=high" />);
    const menu = await screen.findByRole('combobox', { name: 'Move “By menu” to' });
    await user.selectOptions(menu, 'resolved');
    await screen.findByRole('listitem', { name: 'By menu, high, resolved' });
    const resolvedCount = screen.getByRole('link', {
      name: /^List the 1 resolved blocker resolved in the last 90 days$/,
    });
    expect(resolvedCount.getAttribute('href')).toMatch(
      /^#\/blockers\/register\?severity=high&status=resolved&resolved=\d{4}-\d{2}-\d{2}\.\.$/,
    );
    expect(
      screen
        .getByRole('link', { name: 'List the 0 unresolved blockers of People & Culture' })
        .getAttribute('href'),
    ).toBe('#/blockers/register?category=people-culture&severity=high&status=unresolved');
  });
});

describe('the names on the board', () => {
  it("names each shown card's app, reading only the apps of the cards shown", async () => {
    const database = freshDb();
    // More blockers in one cell than it shows, each on an app of its own.
    const apps = Array.from({ length: CELL_LIMIT + 4 }, (_, i) => appRecord({ name: `App ${i + 1}` }));
    await database.apps.bulkAdd(apps);
    await database.blockers.bulkAdd(
      apps.map((app, i) =>
        blockerRecord([{ status: 'open', on: `2026-01-${String(i + 1).padStart(2, '0')}` }], {
          title: `Blocker ${i + 1}`,
          appId: app.id,
        }),
      ),
    );
    const reads = vi.spyOn(database.apps, 'bulkGet');
    renderWith(database, <BlockersScreen route="blockers/board" />);
    const board = await screen.findByRole('region', { name: 'Blocker board' });
    // The oldest first: Blocker 1 on App 1 is shown, Blocker 12 is not.
    const card = await within(board).findByRole('listitem', { name: /^Blocker 1, / });
    await waitFor(() => expect(card).toHaveTextContent('App 1'));
    expect(within(board).queryByText('Blocker 12')).not.toBeInTheDocument();
    const asked = new Set(reads.mock.calls.flatMap(([ids]) => ids as string[]));
    expect(asked.size).toBe(CELL_LIMIT);
    expect(asked.has(apps.at(-1)!.id)).toBe(false);
  });
});
