/**
 * Security scan of the desktop shell with @doyensec/electronegativity (part of `npm run lint`
 * and `npm test`). Scans the TypeScript sources in electron/ with every check enabled, prints
 * each finding and one summary line, and fails on any HIGH or MEDIUM finding. LOW and
 * INFORMATIONAL findings are printed for review but do not fail the run.
 *
 * It also fails when the scan did not really happen: no files found, a file the parser could not
 * read (its checks would silently not run), or no checks loaded. `eng-disable` annotations in the
 * sources (the tool's own way to mark a reviewed false positive) are listed, so none is hidden.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A directory argument scans somewhere else (used to check that the scan catches a bad window).
const input = resolve(root, process.argv[2] ?? 'electron');

// The tool fetches translations for $LANG; pin English so findings read the same everywhere.
process.env.LANG = 'en-US';

const run = require('@doyensec/electronegativity');
const { list_files: listFiles, extension } = require('@doyensec/electronegativity/dist/util');

/** The Electron version the checks assume (their defaults differ by version), read without loading electron. */
const electronVersion = JSON.parse(
  readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

const SOURCE_EXTENSIONS = new Set(['js', 'jsx', 'ts', 'tsx', 'html', 'htm']);
const files = ((await listFiles(input)) ?? []).filter((f) => SOURCE_EXTENSIONS.has(extension(f)));
const rel = (file) => (file === 'N/A' ? 'N/A' : relative(root, resolve(input, file)));

const fail = (message) => {
  console.error(`electronegativity: FAIL — ${message}`);
  process.exit(1);
};

if (files.length === 0) fail(`no source files found under ${relative(root, input)}/`);

const annotations = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => /eng-disable/.test(line))
    .map(({ line, index }) => `${rel(file)}:${index + 1}: ${line.trim()}`),
);

const result = await run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  severitySet: 'informational',
  confidenceSet: 'tentative',
  customScan: [],
  excludeFromScan: [],
});

const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const error of result.errors) {
  console.log(`${error.tolerable ? 'warning' : 'PARSE ERROR'} in ${rel(error.file)}: ${error.message}`);
}
if (parseErrors.length > 0)
  fail(`${parseErrors.length} file(s) could not be parsed, so their checks did not run`);
if (result.atomicChecks === 0 || result.globalChecks === 0) {
  fail(`checks missing (atomic: ${result.atomicChecks}, global: ${result.globalChecks})`);
}

const ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const issues = [...result.issues].sort(
  (a, b) => ORDER.indexOf(a.severity.name) - ORDER.indexOf(b.severity.name),
);
for (const issue of issues) {
  const where = `${rel(issue.file)}:${issue.location.line}:${issue.location.column}`;
  const review = issue.manualReview ? ' (review)' : '';
  console.log(
    `${issue.severity.name}/${issue.confidence.name} ${issue.id}${review} ${where} — ${issue.description}`,
  );
}
if (annotations.length > 0) {
  console.log(`eng-disable annotations (reviewed false positives):\n  ${annotations.join('\n  ')}`);
}

const count = (name) => issues.filter((i) => i.severity.name === name).length;
const [high, medium, low, info] = ORDER.map(count);
const failed = high + medium > 0;
console.log(
  `electronegativity: ${failed ? 'FAIL' : 'PASS'} — scanned ${files.length} files in ${relative(root, input)}/ ` +
    `(Electron ${electronVersion}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks): ` +
    `${high} high, ${medium} medium, ${low} low, ${info} informational`,
);
process.exit(failed ? 1 : 0);
