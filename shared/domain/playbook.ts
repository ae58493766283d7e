/**
 * The playbook from the deck ("7 Lessons from 7 Years of Running Platforms"), word for word.
 * Each cycle carries its phase's steps as a checklist. Step ids are stable so a checklist keeps
 * its ticks when the wording is ever corrected.
 */
export type Phase = 'initial' | 'scaling';

export interface PlaybookStep {
  id: string;
  text: string;
}

/** "Initial Phase – Create the Platform with Developers". */
export const INITIAL_PHASE_STEPS: readonly PlaybookStep[] = [
  { id: 'initial-1', text: 'Platform team: owner, operators, engineers, advocate' },
  { id: 'initial-2', text: 'Pick one app for business & technical feasibility.' },
  { id: 'initial-3', text: 'Developer toil audit.' },
  { id: 'initial-4', text: 'Find path to production with end-to-end value stream analysis' },
  { id: 'initial-5', text: 'Start with pre-integrated platform, customize as you...' },
  { id: 'initial-6', text: 'Build a golden path with the developer team.' },
  { id: 'initial-7', text: 'Optionally, build an IDP as part of the platform.' },
  { id: 'initial-8', text: 'Do this for 3 months.' },
];

/** "Scaling Phase: Pairing & Seeding to build trust & training". */
export const SCALING_PHASE_STEPS: readonly PlaybookStep[] = [
  { id: 'scaling-1', text: 'Create platform marketing program.' },
  { id: 'scaling-2', text: 'Find two to five more apps.' },
  { id: 'scaling-3', text: 'Pair & seed from first dev & platform team to new teams.' },
  { id: 'scaling-4', text: '"Shift Left" - build golden paths for governance, security, etc.' },
  { id: 'scaling-5', text: 'Add more infrastructure staff with pairing & seeding.' },
  { id: 'scaling-6', text: 'Do this for three months.' },
  { id: 'scaling-7', text: 'Repeat, growing number of apps as pairing & seeding allows.' },
];

export const PHASE_TITLES: Record<Phase, string> = {
  initial: 'Initial Phase – Create the Platform with Developers',
  scaling: 'Scaling Phase: Pairing & Seeding to build trust & training',
};

export function stepsForPhase(phase: Phase): readonly PlaybookStep[] {
  return phase === 'initial' ? INITIAL_PHASE_STEPS : SCALING_PHASE_STEPS;
}

/** Cycle 0 is the initial phase; every later cycle is a scaling cycle. */
export function phaseForIndex(index: number): Phase {
  return index === 0 ? 'initial' : 'scaling';
}

/**
 * How many apps the playbook wants a cycle to select: exactly one in the initial phase
 * ("Pick one app"), two to five in a scaling cycle ("Find two to five more apps").
 */
export const APPS_PER_CYCLE: Record<Phase, { min: number; max: number }> = {
  initial: { min: 1, max: 1 },
  scaling: { min: 2, max: 5 },
};
