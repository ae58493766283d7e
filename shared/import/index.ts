/** Importing a portfolio: file checks, the CSV and Backstage catalog readers, and the import plan. */
export * from './types';
export * from './file-checks';
export * from './csv';
export * from './backstage';
export * from './plan';
