// Shared test setup: an in-memory IndexedDB for Dexie and the DOM matchers for component tests.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy… waits until what it looks for appears, polling; the default ceiling of 1 s (and at a load average of 17, even 5 s) is shorter
// than a lazy screen's first load takes on a busy 2-core CI machine. A passing test does not wait
// longer for this; only a failing one reports later.
configure({ asyncUtilTimeout: 15_000 });
