/**
 * Security scan of the desktop shell with @doyensec/electronegativity (part of `npm run lint`
 * and `npm test`). Scans the TypeScript sources in electron/ with every check enabled, prints
 * each finding and one summary line, and fails on any HIGH or MEDIUM finding. LOW and
 * INFORMATIONAL findings are printed for review but do not fail the run.
 *
 * It also fails when the scan did not really happen: no files found, a file the parser could not
 * read (its checks would silently not run), or checks missing. `eng-disable` annotations in the
 * sources (the tool's own way to mark a reviewed false positive) are listed, so none is hidden.
 *
 * It runs offline (no network request, no "No connectivity?" warning). The tool goes online in two
 * places, both handled here:
 * - every run fetches translations for $LANG from the package's i18nSource (S3) although it ships
 *   en-US, es-ES and fr-FR: its i18n module is replaced by one that sets up the bundled strings
 *   as the original does when that fetch fails, in en-US, so findings read the same everywhere
 *   (the run fails if the tool stops loading that module, rather than going online again);
 * - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub (and asks
 *   GitHub whether it changed on every run) to report security releases newer than the Electron
 *   version that ELECTRON_VERSION_JSON_CHECK finds in a package.json. It is excluded: there is no
 *   offline copy of that list, and electron/ has no package.json, so it never had a version to
 *   check there. Every other check runs, which the run verifies.
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// A directory argument scans somewhere else (used to check that the scan catches a bad window).
const input = resolve(root, process.argv[2] ?? 'electron');

/** The one check that needs the network (see above), by class name as the tool's options take it. */
const ONLINE_CHECK = 'AvailableSecurityFixesGlobalCheck';

// Put the offline i18n module in the require cache before the tool loads the original.
const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n');
const i18n = createRequire(i18nPath)('i18n');
let offlineI18nUsed = false;
const offlineI18n = async () => {
  offlineI18nUsed = true;
  i18n.configure({
    locales: ['en-US', 'es-ES', 'fr-FR'],
    defaultLocale: 'en-US',
    directory: dirname(i18nPath),
    updateFiles: false,
    objectNotation: true,
    retryInDefaultLocale: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
const i18nModule = new Module(i18nPath);
i18nModule.filename = i18nPath;
i18nModule.loaded = true;
i18nModule.exports = offlineI18n;
require.cache[i18nPath] = i18nModule;

const run = require('@doyensec/electronegativity');
const { list_files: listFiles, extension } = require('@doyensec/electronegativity/dist/util');
const { GLOBAL_CHECKS } = require('@doyensec/electronegativity/dist/finder/checks/GlobalChecks');

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
  excludeFromScan: [ONLINE_CHECK],
});

if (!offlineI18nUsed) fail(`the tool no longer loads ${relative(root, i18nPath)}, so it may go online`);

const parseErrors = result.errors.filter((e) => !e.tolerable);
for (const error of result.errors) {
  console.log(`${error.tolerable ? 'warning' : 'PARSE ERROR'} in ${rel(error.file)}: ${error.message}`);
}
if (parseErrors.length > 0)
  fail(`${parseErrors.length} file(s) could not be parsed, so their checks did not run`);
if (result.atomicChecks === 0 || result.globalChecks !== GLOBAL_CHECKS.length - 1) {
  fail(
    `checks missing (atomic: ${result.atomicChecks}, global: ${result.globalChecks} of ${GLOBAL_CHECKS.length - 1})`,
  );
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
    `(Electron ${electronVersion}, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, offline: ` +
    `AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK left out): ${high} high, ${medium} medium, ${low} low, ${info} informational`,
);
process.exit(failed ? 1 : 0);
