// @vitest-environment jsdom
/** The scoring grid: apps × criteria scored from the keyboard alone, saved as typed, undoable. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { App, Criterion } from '../../../shared/domain';
import AppsScreen from '../../../renderer/features/apps/AppsScreen';
import { createApp, saveApp } from '../../../renderer/features/apps/data/apps';
import { addDefaultCriteria } from '../../../renderer/features/apps/data/criteria';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import { freshDb, giveElementsASize, renderWith, resetAll } from './helpers';

beforeEach(() => giveElementsASize());
afterEach(resetAll);

/** Default criteria, in the grid's order: business (criticality ×3, visibility ×2), then technical (willingness ×3, fit ×3, dependencies ×2). */
async function setUp() {
  const database = freshDb();
  const criteria = await addDefaultCriteria(database);
  return { database, criteria };
}

/**
 * From the search field (just before the grid in the tab order) Tab moves into the grid's one tab
 * stop.
 */
async function tabIntoGrid(user: UserEvent) {
  screen.getByLabelText('Find an app').focus();
  await user.tab();
  return document.activeElement;
}

/**
 * An app's row, found by the name in its row header. The grid's queries go by label, text and
 * role attribute: getByRole's computation of every role and name over a grid is slow in jsdom.
 */
const row = (name: string) => screen.getByText(name, { selector: '[role="rowheader"] a' }).closest('tr')!;
const cellElements = (name: string) => [...row(name).querySelectorAll<HTMLElement>('[role="gridcell"]')];
/** A row's cells as shown: the criteria's scores, then the derived business and technical scores. */
const cellsOf = (name: string) =>
  cellElements(name).map((c) => c.textContent?.replace('·not scored', '') ?? '');

const undoButton = () => screen.getByText('Undo', { selector: 'button' });

async function scoresOf(database: AdoptionDatabase, app: App, criteria: Criterion[]) {
  const stored = (await database.apps.get(app.id))!;
  return {
    scores: criteria.map((c) => stored.criteriaScores[c.id] ?? null),
    business: stored.businessScore,
    technical: stored.technicalScore,
  };
}

describe('the scoring grid', () => {
  it('scores several apps from the keyboard alone, saving each score and showing the derived scores live', async () => {
    const user = userEvent.setup();
    const { database, criteria } = await setUp();
    const accounts = await createApp({ name: 'Accounts' }, database);
    const catalog = await createApp({ name: 'Catalog' }, database);
    const billing = await createApp({ name: 'Billing' }, database);
    const orders = await createApp(
      { name: 'Orders', stage: 'onboarding', selectedOn: '2026-01-05' },
      database,
    );
    const full = Object.fromEntries(criteria.map((c) => [c.id, 3]));
    await saveApp({ input: { name: 'Done', criteriaScores: full } }, database);
    renderWith(database, <AppsScreen route="apps/scoring" />);

    const grid = await screen.findByLabelText('Scores, 4 apps');
    expect(grid).toHaveAttribute('role', 'grid');
    // Candidates first, by name; the fully scored app is not listed.
    const names = [...grid.querySelectorAll('[role="rowheader"] a')].map((a) => a.textContent);
    expect(names).toEqual(['Accounts', 'Billing', 'Catalog', 'Orders']);

    const first = await tabIntoGrid(user);
    expect(cellElements('Accounts')[0]).toBe(first);
    // Each digit scores the cell and moves on; after an app's last criterion, to the next app.
    await user.keyboard('54321' + '12345' + '33333');

    await waitFor(async () =>
      expect((await scoresOf(database, catalog, criteria)).scores).toEqual([3, 3, 3, 3, 3]),
    );
    // Business (5×3 + 4×2) / 5 = 4.6; technical (3×3 + 2×3 + 1×2) / 8 = 2.1.
    expect(await scoresOf(database, accounts, criteria)).toEqual({
      scores: [5, 4, 3, 2, 1],
      business: 4.6,
      technical: 2.1,
    });
    // Business (1×3 + 2×2) / 5 = 1.4; technical (3×3 + 4×3 + 5×2) / 8 = 3.9.
    expect(await scoresOf(database, billing, criteria)).toEqual({
      scores: [1, 2, 3, 4, 5],
      business: 1.4,
      technical: 3.9,
    });
    expect(await scoresOf(database, catalog, criteria)).toMatchObject({ business: 3, technical: 3 });
    // Finished rows stay where they were, with their derived scores.
    expect(cellsOf('Accounts')).toEqual(['5', '4', '3', '2', '1', '4.6', '2.1']);
    expect(cellsOf('Billing')).toEqual(['1', '2', '3', '4', '5', '1.4', '3.9']);
    expect(document.activeElement).toBe(cellElements('Orders')[0]);

    // Arrows, End and Enter move; Backspace clears a score and the derived one follows.
    await user.keyboard('{ArrowUp}{ArrowUp}{End}{Backspace}');
    await waitFor(async () =>
      expect(await scoresOf(database, billing, criteria)).toEqual({
        scores: [1, 2, 3, 4, null],
        business: 1.4,
        technical: 3.5, // (3×3 + 4×3) / 6
      }),
    );
    expect(cellsOf('Billing')).toEqual(['1', '2', '3', '4', '', '1.4', '3.5']);
    await user.keyboard('{Home}{Enter}{Enter}4');
    await waitFor(async () => expect((await scoresOf(database, orders, criteria)).scores[0]).toBe(4));
    expect(await scoresOf(database, orders, criteria)).toMatchObject({ business: 4, technical: null });
    expect(document.activeElement).toBe(cellElements('Orders')[1]);
  });

  it('lists every app on request, and only one cell is a tab stop', async () => {
    const user = userEvent.setup();
    const { database, criteria } = await setUp();
    const full = Object.fromEntries(criteria.map((c) => [c.id, 4]));
    await saveApp({ input: { name: 'Done', criteriaScores: full } }, database);
    await createApp({ name: 'Ledger', stage: 'selected', selectedOn: '2026-01-05' }, database);
    renderWith(database, <AppsScreen route="apps/scoring" />);

    await screen.findByLabelText('Scores, 1 app');
    await user.selectOptions(screen.getByLabelText('Show'), 'All apps');
    const grid = await screen.findByLabelText('Scores, 2 apps');
    expect(cellsOf('Done')).toEqual(['4', '4', '4', '4', '4', '4.0', '4.0']);
    const cells = [...grid.querySelectorAll<HTMLElement>('[role="gridcell"]')];
    expect(cells.filter((c) => c.tabIndex === 0)).toHaveLength(1);
  });

  it('undoes the last score with Ctrl+Z, then the one before, and with the Undo button', async () => {
    const user = userEvent.setup();
    const { database, criteria } = await setUp();
    const ledger = await createApp({ name: 'Ledger' }, database);
    const before = (await database.apps.get(ledger.id))!;
    renderWith(database, <AppsScreen route="apps/scoring" />);
    await screen.findByLabelText('Scores, 1 app');
    await tabIntoGrid(user);

    await user.keyboard('45');
    await waitFor(async () => expect((await scoresOf(database, ledger, criteria)).business).toBe(4.4));
    expect(
      await screen.findByText('Last change: Scored Ledger 5 on Visibility to leadership.'),
    ).toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () =>
      expect(await scoresOf(database, ledger, criteria)).toEqual({
        scores: [4, null, null, null, null],
        business: 4,
        technical: null,
      }),
    );
    expect(cellsOf('Ledger')).toEqual(['4', '', '', '', '', '4.0', '—']);
    // The focus goes back to the cell whose score was taken back.
    await waitFor(() => expect(document.activeElement).toBe(cellElements('Ledger')[1]));

    await user.click(undoButton());
    await waitFor(async () => expect(await database.apps.get(ledger.id)).toEqual(before));
    expect(cellsOf('Ledger')).toEqual(['', '', '', '', '', '—', '—']);
    expect(undoButton()).toBeDisabled();
  });

  it('says what to do when there are no criteria to score', async () => {
    const database = freshDb();
    await createApp({ name: 'Ledger' }, database);
    renderWith(database, <AppsScreen route="apps/scoring" />);
    expect(await screen.findByRole('heading', { name: 'No criteria to score yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up the criteria' })).toHaveAttribute(
      'href',
      '#/apps/criteria',
    );
  });
});
