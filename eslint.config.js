// Lint: typescript-eslint + react-hooks, and the layering rules that keep shared/ pure and renderer/ free of Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { dirname, relative, resolve, sep } from 'node:path';

const root = import.meta.dirname;
const FEATURES = resolve(root, 'renderer/features');

/** The feature folder a file or import path is in ('apps' for renderer/features/apps/…), or null. */
function featureOf(file) {
  const rel = relative(FEATURES, file);
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep)[0];
}

/**
 * Areas never import each other: what two areas share moves to renderer/ui, renderer/db or
 * shared/, and one area shows something in another through renderer/ui/contributions.
 */
const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    messages: {
      cross:
        '{{from}} may not import the {{to}} area ({{path}}): areas never import each other. Move what both need to renderer/ui, renderer/db or shared/, or contribute it through renderer/ui/contributions.',
    },
  },
  create(context) {
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(resolve(dirname(context.filename), source));
      if (to && to !== from) {
        context.report({ node, messageId: 'cross', data: { from: `The ${from} area`, to, path: source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const layer = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ group: [p.group], message: p.message })) },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-cross-feature-imports': noCrossFeatureImports } } },
    rules: { 'local/no-cross-feature-imports': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      { group: 'electron', message: 'shared/ is pure TypeScript: no electron.' },
      { group: 'react', message: 'shared/ is pure TypeScript: no react.' },
      { group: 'react-dom', message: 'shared/ is pure TypeScript: no react-dom.' },
      { group: 'dexie', message: 'shared/ is pure TypeScript: no dexie.' },
      { group: 'dexie-*', message: 'shared/ is pure TypeScript: no dexie.' },
      { group: '**/renderer/**', message: 'shared/ may not import the renderer.' },
      { group: '**/electron/**', message: 'shared/ may not import the desktop shell.' },
      { group: 'node:*', message: 'shared/ runs in both processes: no Node built-ins.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer([
      {
        group: 'electron',
        message: 'The renderer talks to Electron only through renderer/desktop (the DesktopApi).',
      },
      { group: '**/electron/**', message: 'The renderer may not import the desktop shell.' },
      { group: 'node:*', message: 'The renderer runs in a browser: no Node built-ins.' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: layer([
      { group: '**/renderer/**', message: 'The desktop shell may not import the renderer.' },
      { group: 'react', message: 'The desktop shell has no React.' },
      { group: 'dexie', message: 'The desktop shell does not touch the database.' },
    ]),
  },
);
