/**
 * What a new workspace starts with besides the program: the records every area expects to find
 * (today the default feasibility criteria). Written in the same transaction that creates the
 * program, so no screen ever has to write when it opens.
 */
import { criterionInputSchema, DEFAULT_CRITERIA, type Criterion } from '../../shared/domain';
import { buildRecord } from './repository';

/** The default criteria as new records, in order. */
export function defaultCriteriaRecords(): Criterion[] {
  return DEFAULT_CRITERIA.map(
    (c, order) => buildRecord(criterionInputSchema, { ...c, order }, 'Criterion') as Criterion,
  );
}
