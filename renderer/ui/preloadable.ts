/**
 * A component loaded when first drawn, like React.lazy, whose code can also be asked for
 * earlier: `preload()` starts loading its module. The app asks for the first screen's code while
 * IndexedDB opens (renderer/areas.ts preloadScreen), so the two waits run side by side instead of
 * one after the other.
 *
 * Drawn once its code is loaded, it draws the loaded component at once. A React.lazy component
 * suspends on its first draw even when its module is already loaded, and React then shows the
 * Suspense fallback and holds the content back for up to 300 ms (its throttled reveal): a screen
 * whose code arrived while the database opened would still wait that long. Each mount keeps the
 * component it started with, so a screen drawn before its code arrived is not remounted when it
 * arrives.
 */
import { createElement, lazy, useState, type ComponentType, type FunctionComponent } from 'react';

export type Preloadable<P> = FunctionComponent<P> & {
  /** Starts loading the code (once); settles when it is loaded. */
  preload(): Promise<unknown>;
};

export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = null; // asked again when drawn next (a flaky network, say)
        throw error;
      },
    ));
  const Lazy = lazy(start);
  function PreloadableComponent(props: P) {
    const [component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(component, props);
  }
  return Object.assign(PreloadableComponent, { preload: start });
}

/**
 * Starts loading `component`'s code if it is a preloadable one; a failure shows when it is drawn.
 * With a `context` (the database), a module that also exports `warm(context)` is asked, once
 * loaded, to start the reads its component draws from: they then run while the rest of the
 * screen's code arrives, not after the component mounts.
 */
export function preload(component: unknown, context?: unknown): void {
  if (typeof component === 'function' && 'preload' in component) {
    (component as Preloadable<object>).preload().then(
      (module) => {
        const warm = (module as { warm?: unknown }).warm;
        if (context !== undefined && typeof warm === 'function') warm(context);
      },
      () => undefined,
    );
  }
}
