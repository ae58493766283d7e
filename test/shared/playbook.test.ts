/** The playbook as the deck states it: the checklists must read word for word like the slides. */
import { describe, expect, it } from 'vitest';
import {
  APPS_PER_CYCLE,
  INITIAL_PHASE_STEPS,
  PHASE_TITLES,
  phaseForIndex,
  SCALING_PHASE_STEPS,
  stepsForPhase,
} from '../../shared/domain';

// Copied from the deck's "Initial Phase" and "Scaling Phase" slides, in order.
const DECK_INITIAL = [
  'Platform team: owner, operators, engineers, advocate',
  'Pick one app for business & technical feasibility.',
  'Developer toil audit.',
  'Find path to production with end-to-end value stream analysis',
  'Start with pre-integrated platform, customize as you...',
  'Build a golden path with the developer team.',
  'Optionally, build an IDP as part of the platform.',
  'Do this for 3 months.',
];
const DECK_SCALING = [
  'Create platform marketing program.',
  'Find two to five more apps.',
  'Pair & seed from first dev & platform team to new teams.',
  '"Shift Left" - build golden paths for governance, security, etc.',
  'Add more infrastructure staff with pairing & seeding.',
  'Do this for three months.',
  'Repeat, growing number of apps as pairing & seeding allows.',
];

describe('the playbook', () => {
  it('lists the initial phase steps word for word, in the deck order', () => {
    expect(INITIAL_PHASE_STEPS.map((s) => s.text)).toEqual(DECK_INITIAL);
    expect(PHASE_TITLES.initial).toBe('Initial Phase – Create the Platform with Developers');
  });

  it('lists the scaling phase steps word for word, in the deck order', () => {
    expect(SCALING_PHASE_STEPS.map((s) => s.text)).toEqual(DECK_SCALING);
    expect(PHASE_TITLES.scaling).toBe('Scaling Phase: Pairing & Seeding to build trust & training');
  });

  it('gives every step a unique, stable id', () => {
    const ids = [...INITIAL_PHASE_STEPS, ...SCALING_PHASE_STEPS].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('initial-1');
    expect(ids.at(-1)).toBe('scaling-7');
  });

  it('makes cycle 0 the initial phase and every later cycle a scaling cycle', () => {
    expect(phaseForIndex(0)).toBe('initial');
    expect(phaseForIndex(1)).toBe('scaling');
    expect(phaseForIndex(17)).toBe('scaling');
    expect(stepsForPhase('initial')).toBe(INITIAL_PHASE_STEPS);
    expect(stepsForPhase('scaling')).toBe(SCALING_PHASE_STEPS);
  });

  it('wants exactly one app in the initial phase and two to five per scaling cycle', () => {
    expect(APPS_PER_CYCLE).toEqual({ initial: { min: 1, max: 1 }, scaling: { min: 2, max: 5 } });
  });
});
