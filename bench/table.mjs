#!/usr/bin/env node
// The benchmark's table, from its results: as text for the terminal (bench/run.mjs prints it) and
// as Markdown for the README. Run alone, it puts bench/results/latest.json's table in README.md
// between the `<!-- bench:start -->` and `<!-- bench:end -->` markers:
//
//   node bench/table.mjs --readme
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const HEADER = ['figure', 'value', 'target', 'pass', 'baseline', 'ratio', 'cpu'];
export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

const number = (v) =>
  v === null || v === undefined
    ? '—'
    : Math.abs(v) >= 100
      ? Math.round(v).toLocaleString('en')
      : String(Math.round(v * 10) / 10);

const targetText = (f) =>
  f.target
    ? `${f.target.kind === 'max' ? '≤' : '≥'} ${f.target.ofBaseline ? `${f.target.value}× baseline` : `${number(f.target.value)} ${f.unit}`}`
    : '—';

/** Each figure as the table's cells, in HEADER's order. */
function cells(figures) {
  return figures.map((f) => [
    f.figure,
    f.value === null ? `not measured` : `${number(f.value)} ${f.unit}`,
    targetText(f),
    f.pass === null || f.pass === undefined ? '—' : f.pass ? 'pass' : 'MISS',
    f.baseline ? `${number(f.baseline.value)} ${f.baseline.unit}` : '—',
    typeof f.ratio === 'number' ? `${f.ratio.toFixed(2)}×` : '—',
    typeof f.cpuMs === 'number' ? `${number(f.cpuMs)} ms` : '—',
  ]);
}

export const missesOf = (figures) => figures.filter((f) => f.pass === false).length;

/** The table as aligned text lines. */
export function textTable(figures) {
  const rows = cells(figures);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(HEADER), ...rows.map(line)];
}

/** The results file's table in Markdown, after one line saying when, where and how it was measured. */
export function markdownTable(result) {
  const { figures, machine } = result;
  const escape = (text) => text.replaceAll('|', '\\|');
  const load = (l) => (Array.isArray(l) ? l[0] : '?');
  return [
    `Measured ${result.generatedAt.slice(0, 10)} on ${machine.cpus} CPUs (${machine.cpuModel}), workspace ×${result.scale}, ` +
      `${result.runs} runs a figure, load average ${load(machine.loadAverageAtStart)} at the start and ` +
      `${load(machine.loadAverage)} at the end: ${figures.length} figures, ${missesOf(figures)} missing their target.`,
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...cells(figures).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** README.md's text with `markdown` between the bench markers; throws when the markers are missing. */
export function withTable(readme, markdown) {
  const from = readme.indexOf(README_START);
  const to = readme.indexOf(README_END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  return `${readme.slice(0, from + README_START.length)}\n\n${markdown}\n\n${readme.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = JSON.parse(readFileSync(resolve(root, 'bench/results/latest.json'), 'utf8'));
  const markdown = markdownTable(result);
  if (process.argv.includes('--readme')) {
    const readme = resolve(root, 'README.md');
    // Formatted as `npm run lint` wants it (Prettier aligns the table's columns).
    const prettier = await import('prettier');
    const options = { ...(await prettier.resolveConfig(readme)), filepath: readme };
    writeFileSync(readme, await prettier.format(withTable(readFileSync(readme, 'utf8'), markdown), options));
    console.log(`README.md: the table of ${result.generatedAt} (workspace ×${result.scale}).`);
  } else {
    console.log(markdown);
  }
}
