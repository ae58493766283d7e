/**
 * The one import pipeline: the general reader (read/: encodings, CSV, YAML, JSON, with the file
 * checks), the entity definition type and what works on any definition (definition.ts, cells.ts,
 * mapping.ts, matching.ts), and each entity's definition (apps/).
 */
export * from './types';
export * from './file-checks';
export * from './read';
export * from './definition';
export * from './cells';
export * from './mapping';
export * from './matching';
export * from './apps';
export * from './values';
