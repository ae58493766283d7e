/**
 * Draws a part of a long page (a grid of inputs far below the fold, say) only once its place comes
 * near the visible part of the page, and keeps it after: opening the page does not pay for what is
 * not looked at. Until then the `placeholder` stands in its place, about as tall, so the page does
 * not jump; it holds a button that draws the part at once, and when the keyboard reaches that
 * button (Tab) the part is drawn and the focus moves to its first control, so the tab order runs
 * on as if it had always been there.
 *
 * The part sits in a box without a box of its own (display: contents), so the page lays it out as
 * its parent's child; CSS that joins it to its siblings (`.card + .card`) must name that box.
 * Without IntersectionObserver (jsdom) the part is drawn at once.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How far ahead of the visible part the part is drawn, in px. */
const AHEAD = 400;

const FOCUSABLE =
  'summary, input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex="0"]';

/** The nearest ancestor that scrolls vertically: the page's scroller, which the observer watches. */
function scrollParent(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

export function MountWhenNear({
  placeholder,
  className,
  children,
}: {
  /** The box's class, for CSS that joins the part to its siblings. */
  className?: string;
  /** What stands in the part's place: given `show`, the button's action (draw and focus). */
  placeholder: (show: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [shown, setShown] = useState(() => typeof IntersectionObserver === 'undefined');
  const focusOnShow = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The box has no box of its own (display: contents): the placeholder is what is watched.
    const element = box.current?.firstElementChild;
    if (shown || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { root: scrollParent(element), rootMargin: `${AHEAD}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);

  useEffect(() => {
    if (!shown || !focusOnShow.current) return;
    focusOnShow.current = false;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [shown]);

  const show = () => {
    focusOnShow.current = true;
    setShown(true);
  };

  return (
    <div ref={box} className={className} style={{ display: 'contents' }}>
      {shown ? children : placeholder(show)}
    </div>
  );
}
