// @vitest-environment jsdom
/** The app frame's routing: an unknown address gets a not-found page, an empty one the default area. */
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../renderer/App';
import { AREAS, CONTRIBUTIONS, preloadScreen } from '../../renderer/areas';
import { createProgram } from '../../renderer/features/plan/data/program';
import { useUi } from '../../renderer/store/ui';
import { PROGRAM_HINT_KEY, programHint } from '../../renderer/store/program-hint';
import { freshDb, PROGRAM, renderWith, resetAll } from './plan/helpers';

afterEach(async () => {
  location.hash = '';
  localStorage.clear();
  vi.restoreAllMocks();
  await resetAll();
});

async function openAt(route: string) {
  const database = freshDb();
  await createProgram(PROGRAM, database);
  useUi.setState({ route });
  renderWith(database, <App />);
  return database;
}

describe('the app frame', () => {
  it('shows a not-found page for an unknown address, naming it and linking every area', async () => {
    await openAt('nowhere');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'There is no page here' }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent('#/nowhere');
    // Not the Plan screen in disguise.
    expect(within(main).queryByRole('heading', { level: 1, name: 'Plan' })).toBeNull();
    for (const area of AREAS) {
      expect(within(main).getByRole('link', { name: area.label })).toHaveAttribute('href', `#/${area.id}`);
    }
    // No area is marked as the current page.
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect(within(nav).queryByRole('link', { current: 'page' })).toBeNull();
  });

  it('follows the address when it changes to an unknown one', async () => {
    await openAt('plan');
    expect(await screen.findByRole('heading', { level: 1, name: 'Plan' })).toBeInTheDocument();
    act(() => {
      location.hash = '#/nowhere/else';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'There is no page here' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('#/nowhere/else');
  });

  it('shows the default area, the overview, for an empty address and for #/', async () => {
    await openAt('');
    // The overview is headed by the program's name.
    expect(await screen.findByRole('heading', { level: 1, name: PROGRAM.name })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect(within(nav).getByRole('link', { current: 'page' })).toHaveTextContent('Overview');
    act(() => {
      location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(useUi.getState().route).toBe('');
    expect(screen.getByRole('heading', { level: 1, name: PROGRAM.name })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'There is no page here' })).toBeNull();
  });

  it('asks for the first screen’s code before it is drawn: the area at the address with the lead of the panels it shows first, or the overview with its lead tiles and chart', () => {
    const spies = new Map(
      [
        ...AREAS.map((a) => a.screen),
        CONTRIBUTIONS.cycleDetail[0],
        CONTRIBUTIONS.overviewTiles[0],
        CONTRIBUTIONS.overviewCharts[0],
      ].map((c) => [
        c,
        vi.spyOn(c as unknown as { preload(): Promise<unknown> }, 'preload').mockResolvedValue({}),
      ]),
    );
    const asked = () => [...spies].filter(([, spy]) => spy.mock.calls.length > 0).map(([c]) => c);
    const area = (id: string) => AREAS.find((a) => a.id === id)!.screen;

    preloadScreen('plan/cycles/3');
    expect(asked()).toEqual([area('plan'), CONTRIBUTIONS.cycleDetail[0]]);
    vi.clearAllMocks();
    preloadScreen('');
    expect(asked()).toEqual([
      area('overview'),
      CONTRIBUTIONS.overviewTiles[0],
      CONTRIBUTIONS.overviewCharts[0],
    ]);
    vi.clearAllMocks();
    preloadScreen('nowhere');
    expect(asked()).toEqual([]);
  });

  it('remembers whether this start found a program, so the next start knows whether to load the first screen’s code early', async () => {
    expect(programHint()).toBeNull();
    const database = freshDb();
    useUi.setState({ route: '' });
    renderWith(database, <App />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Plan and track your platform adoption' }),
    ).toBeInTheDocument();
    expect(localStorage.getItem(PROGRAM_HINT_KEY)).toBe('0');
    expect(programHint()).toBe(false);
    // A program created while the welcome screen shows changes the hint with the screen.
    await act(() => createProgram(PROGRAM, database));
    expect(await screen.findByRole('heading', { level: 1, name: PROGRAM.name })).toBeInTheDocument();
    expect(programHint()).toBe(true);
  });

  it('treats an unreadable or foreign hint as unknown', () => {
    localStorage.setItem(PROGRAM_HINT_KEY, 'yes');
    expect(programHint()).toBeNull();
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('denied');
    });
    expect(programHint()).toBeNull();
  });
});
