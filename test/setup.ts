// Shared test setup: an in-memory IndexedDB for Dexie and the DOM matchers for component tests.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
