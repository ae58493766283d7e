/**
 * Demo area: the golden paths built so far — delivery paths from the initial phase on,
 * governance and security ones from the "shift left" cycles — each built a few weeks into the
 * cycle of its script. Apps, pairing and marketing refer to them by their script.
 */
import { addDaysIso, workdayOnOrAfter, type GoldenPath } from '../domain';
import type { DemoContext, DemoTables } from './context';
import { must } from './helpers';
import type { ProgramFacts } from './program';
import * as story from './story';

export interface GoldenPathFacts extends DemoTables<'goldenPaths'> {
  /** The scripts of the paths built up to the active cycle, in the order of `goldenPaths`. */
  goldenPathScripts: readonly story.GoldenPathScript[];
  goldenPathOf(script: story.GoldenPathScript): GoldenPath;
}

export function demoGoldenPaths({
  rng,
  stamp,
  activeIndex,
  cyclePlan,
}: DemoContext & ProgramFacts): GoldenPathFacts {
  const goldenPathScripts = story.GOLDEN_PATHS.filter((gp) => gp.cycle <= activeIndex);
  const goldenPaths: GoldenPath[] = goldenPathScripts.map((gp) => {
    const built = workdayOnOrAfter(addDaysIso(cyclePlan(gp.cycle).startDate, rng.int(20, 60)));
    return stamp({ name: gp.name, kind: gp.kind, description: gp.description }, built);
  });
  return {
    goldenPaths,
    goldenPathScripts,
    goldenPathOf: (gp) => must(goldenPaths[goldenPathScripts.indexOf(gp)], gp.name),
  };
}
