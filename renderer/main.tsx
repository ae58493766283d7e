/** Entry point of the renderer, in Electron's window or a plain browser. */
// First: zod's settings apply to schemas built from here on (shared/zod-config.ts says why).
import '../shared/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadScreen } from './areas';
import { routeFromHash } from './store/ui';
import { db } from './db/database';
import { requestPersistentStorage } from './db/errors';
import './styles.css';

// Opening IndexedDB starts before React's first render: the first screen waits for it anyway.
// Its failures are the app's to show (db/connection.ts opens the same promise), not this line's.
db.open().catch(() => undefined);
// Meanwhile, the first screen's code loads.
preloadScreen(routeFromHash(location.hash));
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
