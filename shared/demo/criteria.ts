/**
 * Demo area: the feasibility criteria that score the apps on business value and technical
 * feasibility — the product's default set, entered when the program was set up.
 */
import { DEFAULT_CRITERIA } from '../domain';
import type { DemoContext, DemoTables } from './context';
import type { ProgramFacts } from './program';

export function demoCriteria({ stamp, setUpOn }: DemoContext & ProgramFacts): DemoTables<'criteria'> {
  return {
    criteria: DEFAULT_CRITERIA.map((c, order) =>
      stamp(
        { name: c.name, axis: c.axis, weight: c.weight, description: c.description ?? '', order },
        setUpOn,
      ),
    ),
  };
}
