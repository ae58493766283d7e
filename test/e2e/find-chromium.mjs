// Finds a Chromium or Chrome for the end-to-end tests (shared by test/run.mjs and the e2e setup):
// CHROMIUM_PATH (or CHROME_PATH) when set, else the usual install locations.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** @param {NodeJS.ProcessEnv} [env] @returns {string | undefined} */
export function findChromium(env = process.env) {
  const configured = env.CHROMIUM_PATH || env.CHROME_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Chrome found for the end-to-end tests: install one (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to its executable.';
