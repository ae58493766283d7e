/** Entry point of the renderer, in Electron's window or a plain browser. */
// First: zod's settings apply to schemas built from here on (shared/zod-config.ts says why).
import '../shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadScreen } from './areas';
import { routeFromHash } from './store/ui';
import { programHint } from './store/program-hint';
import { db } from './db/database';
import { requestPersistentStorage } from './db/errors';
import './styles.css';

// Opening IndexedDB starts before React's first render: the first screen waits for it anyway.
// Its failures are the app's to show (db/connection.ts opens the same promise), not this line's.
db.open().catch(() => undefined);
// Meanwhile, the first screen's code loads, when the last start found a program: without one the
// welcome screen shows, and loading the overview's charts would only slow drawing it. The lead
// chart's reads start as soon as its code is in (its module's `warm`).
if (programHint()) preloadScreen(routeFromHash(location.hash), db);
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
