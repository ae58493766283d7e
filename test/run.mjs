#!/usr/bin/env node
// `npm test`: every check and every test, in one run, with one total at the end.
//   1. type check (node side and web side), 2. lint (ESLint, Prettier), 3. Electron security scan
//   (electronegativity), 4. unit, repository, component and main-process tests (vitest),
//   5. end-to-end tests in real Chromium against the built renderer (vitest + playwright-core).
// Each check counts as one test; vitest's tests count one by one. The last line is
// "N passed, N failed" (", N skipped" when some were skipped). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, NO_CHROMIUM_MESSAGE } from './e2e/find-chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'test-results');
mkdirSync(outDir, { recursive: true });

const chromium = findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM_MESSAGE);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function vitest(label, args) {
  const report = resolve(outDir, `${label.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let counts;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    // A failed test also fails its describe block and its file, and vitest counts those as failed
    // "suites" too: count each failed test once, and a file once only when it failed with no failed
    // test in it (it did not load, or a hook threw).
    const brokenFiles = (json.testResults ?? []).filter(
      (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
    ).length;
    counts = {
      passed: json.numPassedTests,
      failed: json.numFailedTests + brokenFiles,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (!ok && counts.failed === 0) counts.failed = 1; // e.g. a crash outside any test
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed) failures.push(label);
}

check('Type check (node side)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('Type check (web side)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('Lint (ESLint, zero warnings)', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('Format (Prettier)', 'npx', ['prettier', '--check', '.']);
check('Electron security scan (electronegativity)', 'node', ['test/electronegativity.mjs']);
vitest('Unit, component and main-process tests', []);
if (run('Build the renderer for the end-to-end tests', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  vitest('End-to-end tests (Chromium)', ['-c', 'vitest.e2e.config.ts']);
} else {
  totals.failed += 1;
  failures.push('Build the renderer');
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed ? 1 : 0);
