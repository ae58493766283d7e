// @vitest-environment jsdom
/** The first start: two ways in, and loading the demo shows progress and can be cancelled. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDemoProgram } from '../../../renderer/db/demo';
import { WelcomeScreen } from '../../../renderer/features/plan/WelcomeScreen';
import { Toasts } from '../../../renderer/ui/Toasts';
import { freshDb, renderWith, resetAll } from './helpers';

vi.mock('../../../renderer/db/demo', () => ({ loadDemoProgram: vi.fn() }));
const load = vi.mocked(loadDemoProgram);

afterEach(async () => {
  load.mockReset();
  await resetAll();
});

function renderWelcome() {
  const database = freshDb();
  renderWith(
    database,
    <>
      <WelcomeScreen />
      <Toasts />
    </>,
  );
  return database;
}

describe('the welcome screen', () => {
  it('explains the app and offers both ways in', () => {
    renderWelcome();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Plan and track your platform adoption',
    );
    expect(screen.getByRole('button', { name: 'Create a program' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Load the demo program' })).toBeEnabled();
  });

  it('loads the demo into this database with progress, then opens the Plan', async () => {
    const user = userEvent.setup();
    const database = renderWelcome();
    let finish: () => void = () => undefined;
    load.mockImplementation(async (options) => {
      options?.onProgress?.(3, 12);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    await user.click(screen.getByRole('button', { name: 'Load the demo program' }));
    expect(await screen.findByText('Loading the demo program… 25%')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Loading the demo program' });
    expect(bar).toHaveAttribute('value', '3');
    expect(bar).toHaveAttribute('max', '12');
    expect(load.mock.calls[0]?.[0]?.database).toBe(database);
    finish();
    await waitFor(() => expect(location.hash).toBe('#/plan'));
    expect(await screen.findByText(/The demo program is loaded/)).toBeInTheDocument();
  });

  it('does not undo a navigation made while the demo was still being written', async () => {
    const user = userEvent.setup();
    renderWelcome();
    let finish: () => void = () => undefined;
    load.mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    await user.click(screen.getByRole('button', { name: 'Load the demo program' }));
    expect(location.hash).toBe('#/plan');
    // The app leaves the welcome screen as soon as the program is readable, maybe before the
    // write has resolved: a user (or a test) can already be on their way elsewhere.
    location.hash = '#/apps/import';
    finish();
    expect(await screen.findByText(/The demo program is loaded/)).toBeInTheDocument();
    expect(location.hash).toBe('#/apps/import');
  });

  it('cancels loading the demo and says nothing was changed', async () => {
    const user = userEvent.setup();
    renderWelcome();
    let signal: AbortSignal | undefined;
    load.mockImplementation(
      (options) =>
        new Promise<void>((_resolve, reject) => {
          signal = options?.signal;
          options?.onProgress?.(1, 10);
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    await user.click(screen.getByRole('button', { name: 'Load the demo program' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(signal?.aborted).toBe(true);
    expect(
      await screen.findByText('Loading the demo program was cancelled. Nothing was changed.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load the demo program' })).toBeEnabled();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says why the demo could not be loaded', async () => {
    const user = userEvent.setup();
    renderWelcome();
    load.mockRejectedValue(new Error('The disk is full.'));
    await user.click(screen.getByRole('button', { name: 'Load the demo program' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The demo program could not be loaded: The disk is full. Nothing was changed.',
    );
  });
});
