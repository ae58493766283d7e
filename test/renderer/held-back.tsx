/**
 * Renders `element` inside a Suspense boundary that a sibling keeps suspended forever, as React
 * holds back a screen whose code has just arrived: what the element starts in its first render
 * starts all the same, while nothing of it is committed (the fallback "loading" shows).
 */
import { Suspense, type ReactElement } from 'react';

const never = new Promise<never>(() => undefined);

function Loading(): never {
  throw never;
}

export function heldBack(element: ReactElement): ReactElement {
  return (
    <Suspense fallback={<p>loading</p>}>
      {element}
      <Loading />
    </Suspense>
  );
}
