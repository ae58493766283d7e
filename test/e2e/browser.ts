/** The Chromium the end-to-end tests drive, and the flags it needs here. */
export { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';

/** Flags for a headless Chromium that may run as root in a container with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
