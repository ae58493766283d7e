// @vitest-environment jsdom
/** Messages: one at a time, the newest replacing the one on screen; errors stay until dismissed. */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from '../../../renderer/store/ui';
import { Toasts } from '../../../renderer/ui/Toasts';

afterEach(() => {
  cleanup();
  useUi.setState({ toasts: [] });
});

describe('toasts', () => {
  it('shows one message at a time, the newest', () => {
    render(<Toasts />);
    act(() => {
      useUi.getState().toast({ kind: 'info', text: 'Deleted Ledger.' });
      useUi.getState().toast({ kind: 'success', text: 'Saved Payments.' });
    });
    expect(screen.queryByText('Deleted Ledger.')).not.toBeInTheDocument();
    expect(screen.getByText('Saved Payments.')).toBeInTheDocument();
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('runs an action once and takes the message away', async () => {
    const user = userEvent.setup();
    let undone = 0;
    render(<Toasts />);
    act(() => {
      useUi.getState().toast({
        kind: 'info',
        text: 'Deleted Ledger.',
        action: { label: 'Undo', run: () => void (undone += 1) },
      });
    });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(undone).toBe(1);
    expect(screen.queryByText('Deleted Ledger.')).not.toBeInTheDocument();
  });
});
