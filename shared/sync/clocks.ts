/**
 * The stored shape of the `clocks` table (shared/schema/tables.ts): one row per record that was
 * ever changed since clocks exist, keyed `${table}:${id}`, with the clock of each field's last
 * change and, for a deleted record, its tombstone; after some merges, the clock of the fields it does
 * not have (`absent`) (./merge.ts says how a merge uses them).
 * Records themselves are not changed. The renderer's database stamps them on every write
 * (renderer/db/clock-stamps.ts); a backup carries them so that it can be merged.
 */
import { z } from 'zod';
import { isHlc } from './hlc';

const hlcSchema = z.string().refine(isHlc, 'must be a clock (time:counter:device)');

export const clockEntrySchema = z
  .object({
    id: z.string().min(3).max(200),
    table: z.string().min(1).max(100),
    key: z.string().min(1).max(150),
    fields: z.record(z.string().max(100), hlcSchema),
    prior: z.record(z.string().max(100), hlcSchema).optional(),
    deleted: hlcSchema.optional(),
    absent: hlcSchema.optional(),
  })
  .refine((entry) => entry.id === `${entry.table}:${entry.key}`, {
    message: 'id must be the table and the key, as table:key',
    path: ['id'],
  });
