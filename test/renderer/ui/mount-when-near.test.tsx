// @vitest-environment jsdom
/** MountWhenNear: the part is drawn when its place comes near the view, or when Tab reaches it. */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MountWhenNear } from '../../../renderer/ui/MountWhenNear';

/** The observers made, with a way to say their element came into view. */
let observers: { callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }[] = [];

beforeEach(() => {
  observers = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private entry: (typeof observers)[number];
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback, targets: [], disconnected: false };
        observers.push(this.entry);
      }
      observe(target: Element) {
        this.entry.targets.push(target);
      }
      disconnect() {
        this.entry.disconnected = true;
      }
    },
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Page() {
  return (
    <>
      <button type="button">Before</button>
      <MountWhenNear
        placeholder={(show) => (
          <section data-testid="stand-in">
            <button type="button" onFocus={show} onClick={show}>
              Show the part
            </button>
          </section>
        )}
      >
        <section>
          <input aria-label="First cell" />
          <input aria-label="Second cell" />
        </section>
      </MountWhenNear>
    </>
  );
}

const comeIntoView = (isIntersecting: boolean) =>
  act(() => {
    for (const o of observers.filter((x) => !x.disconnected))
      o.callback(
        o.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
        {} as IntersectionObserver,
      );
  });

describe('MountWhenNear', () => {
  it('shows the placeholder until its place is near the view, then the part, for good', () => {
    render(<Page />);
    expect(screen.queryByLabelText('First cell')).toBeNull();
    expect(observers[0]!.targets).toEqual([screen.getByTestId('stand-in')]);
    comeIntoView(false);
    expect(screen.queryByLabelText('First cell')).toBeNull();
    comeIntoView(true);
    expect(screen.getByLabelText('First cell')).toBeInTheDocument();
    expect(screen.queryByTestId('stand-in')).toBeNull();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });

  it('draws the part when Tab reaches its placeholder, the focus going on to its first control', async () => {
    const user = userEvent.setup();
    render(<Page />);
    screen.getByRole('button', { name: 'Before' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('First cell'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Second cell'));
  });

  it('draws the part at once where there is no IntersectionObserver', () => {
    vi.unstubAllGlobals();
    // jsdom has none.
    expect(typeof IntersectionObserver).toBe('undefined');
    render(<Page />);
    expect(screen.getByLabelText('First cell')).toBeInTheDocument();
  });
});
