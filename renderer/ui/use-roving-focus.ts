/**
 * One tab stop for a composite widget (a board, a list, a checklist): of its items, only the
 * active one is in the tab order (tabIndex 0, the rest -1), and the arrow keys, Home and End move
 * the focus between them. The active item is the last one focused; when it goes away (filtered
 * out, moved, deleted) the first item takes its place, so the widget is always reachable.
 *
 * Items are named by key, in their visual order. Widgets whose items also move on an arrow key
 * (the pipeline board's Left/Right) pass only the keys they leave to this hook in `keys`.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

export type RovingKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export interface RovingFocus<K extends string> {
  /** The item in the tab order. */
  active: K | null;
  /** Props for an item: its tab index, the element it focuses, and the focus that makes it active. */
  itemProps(key: K): {
    tabIndex: 0 | -1;
    ref: (element: HTMLElement | SVGElement | null) => void;
    onFocus: () => void;
  };
  /** Moves the focus to an item (and makes it the active one). */
  focus(key: K): void;
  /**
   * Handles a navigation key on the item `from`: moves the focus and returns true, or returns
   * false when the key is not one of this widget's (the caller may handle it).
   */
  onKeyDown(event: KeyboardEvent, from: K): boolean;
}

export interface RovingOptions {
  /** Which arrows move to the previous and the next item (default: Up and Down). */
  previous?: readonly RovingKey[];
  next?: readonly RovingKey[];
}

const DEFAULT_PREVIOUS: readonly RovingKey[] = ['ArrowUp'];
const DEFAULT_NEXT: readonly RovingKey[] = ['ArrowDown'];

export function useRovingFocus<K extends string>(
  keys: readonly K[],
  { previous = DEFAULT_PREVIOUS, next = DEFAULT_NEXT }: RovingOptions = {},
): RovingFocus<K> {
  const [chosen, setChosen] = useState<K | null>(null);
  const active = chosen !== null && keys.includes(chosen) ? chosen : (keys[0] ?? null);
  const elements = useRef(new Map<K, HTMLElement | SVGElement>());
  // Ref callbacks are made once per key, so React does not detach and re-attach every item on
  // each render.
  const refCallbacks = useRef(new Map<K, (element: HTMLElement | SVGElement | null) => void>());

  const focus = useCallback((key: K) => {
    setChosen(key);
    elements.current.get(key)?.focus();
  }, []);

  const refFor = (key: K) => {
    let callback = refCallbacks.current.get(key);
    if (!callback) {
      callback = (element) => {
        if (element) elements.current.set(key, element);
        else {
          elements.current.delete(key);
          refCallbacks.current.delete(key);
        }
      };
      refCallbacks.current.set(key, callback);
    }
    return callback;
  };

  return {
    active,
    focus,
    itemProps: (key) => ({
      tabIndex: key === active ? 0 : -1,
      ref: refFor(key),
      onFocus: () => setChosen(key),
    }),
    onKeyDown(event, from) {
      const key = event.key as RovingKey;
      const index = keys.indexOf(from);
      let target: K | undefined;
      if (previous.includes(key)) target = keys[index - 1];
      else if (next.includes(key)) target = keys[index + 1];
      else if (key === 'Home') target = keys[0];
      else if (key === 'End') target = keys.at(-1);
      else return false;
      event.preventDefault();
      if (target !== undefined) focus(target);
      return true;
    },
  };
}
