/**
 * The stored record schema of every data table, by table name: what a record in the database
 * (or in a backup) must satisfy. One list for the backup reader and the tests that check data.
 */
import { appSchema, criterionSchema, goldenPathSchema } from './apps';
import { blockerSchema } from './blockers';
import { marketingActivitySchema } from './marketing';
import { metricSchema, metricSnapshotSchema } from './metrics';
import { assignmentSchema, pairingSessionSchema, personSchema, teamSchema } from './people';
import { cycleSchema, programSchema } from './program';
import { toilAuditSchema, toilItemSchema, toilResponseSchema } from './toil';
import { valueStreamMapSchema } from './value-stream';

export const RECORD_SCHEMAS = {
  program: programSchema,
  cycles: cycleSchema,
  teams: teamSchema,
  people: personSchema,
  apps: appSchema,
  criteria: criterionSchema,
  goldenPaths: goldenPathSchema,
  assignments: assignmentSchema,
  pairingSessions: pairingSessionSchema,
  blockers: blockerSchema,
  toilItems: toilItemSchema,
  toilAudits: toilAuditSchema,
  toilResponses: toilResponseSchema,
  valueStreamMaps: valueStreamMapSchema,
  marketingActivities: marketingActivitySchema,
  metrics: metricSchema,
  metricSnapshots: metricSnapshotSchema,
} as const;

export type RecordTableName = keyof typeof RECORD_SCHEMAS;
