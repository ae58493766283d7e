/**
 * The general file reader of every import, apart from what the file describes: bytes to checked
 * text (text.ts), CSV to a header row and data rows (csv.ts), YAML and JSON to documents
 * (documents.ts). Entity field lists and readers build on these (definition.ts, apps/).
 */
export * from './text';
export * from './csv';
export * from './documents';
