/**
 * Importing a portfolio: the app records (records.ts), the apps' definition for CSV files
 * (definition.ts), the Backstage catalog reader (backstage.ts) and the plan against the stored
 * apps (plan.ts) and teams (teams.ts).
 */
export * from './records';
export * from './definition';
export * from './backstage';
export * from './plan';
export * from './teams';
