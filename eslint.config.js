// Lint: typescript-eslint + react-hooks, and the layering rules that keep shared/ pure and renderer/ free of Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
