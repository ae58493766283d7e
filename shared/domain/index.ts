/** The domain: entity types, their zod schemas, and the pure calculations over them. */
export * from './common';
export * from './dates';
export * from './playbook';
export * from './program';
export * from './people';
export * from './apps';
export * from './blockers';
export * from './toil';
export * from './value-stream';
export * from './marketing';
export * from './metrics';
export * from './feasibility';
export * from './pipeline';
export * from './cycle-choice';
export * from './cycle-actuals';
export * from './three-way';
export * from './pairing';
