/** What the cycles actually did: apps selected into each, those on the platform, the unfinished ones, adoption. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_STAGES, type AppStage } from '../../shared/domain/apps';
import {
  adoptionRate,
  countAppsByCycle,
  cycleOutcome,
  isUnfinished,
  NO_APPS,
  unfinishedAppsOf,
} from '../../shared/domain/cycle-actuals';
import { countsTowardCycle } from '../../shared/domain/pipeline';

const app = (cycleId: string | null, stage: AppStage, name = 'x') => ({ cycleId, stage, name });

describe('countAppsByCycle', () => {
  it('counts the apps selected into each cycle, those on the platform and those unfinished', () => {
    const counts = countAppsByCycle([
      app('c0', 'on-platform'),
      app('c0', 'on-platform'),
      app('c0', 'onboarding'),
      app('c0', 'paused'),
      app('c1', 'selected'),
      app('c1', 'candidate'),
      app('c1', 'dropped'),
      app(null, 'on-platform'),
    ]);
    expect(counts.get('c0')).toEqual({ selected: 4, onPlatform: 2, unfinished: 1 });
    expect(counts.get('c1')).toEqual({ selected: 1, onPlatform: 0, unfinished: 1 });
    expect(counts.size).toBe(2);
  });

  it('leaves out cycles where nothing counts, and apps without a cycle', () => {
    expect(countAppsByCycle([app('c2', 'candidate'), app('c2', 'dropped'), app(null, 'selected')]).size).toBe(
      0,
    );
    expect(countAppsByCycle([]).size).toBe(0);
  });

  it('never counts more on the platform than selected, nor more than the stage index holds', () => {
    const arbApp = fc.record({
      cycleId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
      stage: fc.constantFrom(...APP_STAGES),
    });
    fc.assert(
      fc.property(fc.array(arbApp, { maxLength: 60 }), (apps) => {
        const counts = countAppsByCycle(apps);
        let onPlatform = 0;
        let selected = 0;
        for (const c of counts.values()) {
          expect(c.onPlatform + c.unfinished).toBeLessThanOrEqual(c.selected);
          onPlatform += c.onPlatform;
          selected += c.selected;
        }
        expect(onPlatform).toBeLessThanOrEqual(apps.filter((a) => a.stage === 'on-platform').length);
        expect(selected).toBe(apps.filter((a) => countsTowardCycle(a)).length);
      }),
    );
  });
});

describe('unfinished apps', () => {
  it('are the selected and onboarding apps of the cycle', () => {
    expect(APP_STAGES.filter((stage) => isUnfinished({ stage }))).toEqual(['selected', 'onboarding']);
    const apps = [
      app('c0', 'selected', 'A'),
      app('c0', 'on-platform', 'B'),
      app('c0', 'onboarding', 'C'),
      app('c1', 'onboarding', 'D'),
      app('c0', 'paused', 'E'),
    ];
    expect(unfinishedAppsOf(apps, 'c0').map((a) => a.name)).toEqual(['A', 'C']);
  });
});

describe('adoptionRate', () => {
  it('is apps on the platform over the eligible population', () => {
    expect(adoptionRate(44, 400)).toBeCloseTo(0.11, 10);
    expect(adoptionRate(0, 400)).toBe(0);
  });

  it('is 0 without an eligible population, and not capped above it', () => {
    expect(adoptionRate(5, 0)).toBe(0);
    expect(adoptionRate(12, 10)).toBeCloseTo(1.2, 10);
  });
});

describe('cycleOutcome', () => {
  it('sets the apps on the platform against the goal', () => {
    expect(cycleOutcome(1, { selected: 4, onPlatform: 4, unfinished: 0 })).toEqual({
      goal: 1,
      selected: 4,
      onPlatform: 4,
      unfinished: 0,
      short: 0,
      met: true,
    });
    expect(cycleOutcome(3, { selected: 3, onPlatform: 1, unfinished: 2 })).toMatchObject({
      short: 2,
      met: false,
    });
  });

  it('reads a cycle without apps as none selected', () => {
    expect(cycleOutcome(3, undefined)).toMatchObject({ ...NO_APPS, goal: 3, short: 3, met: false });
    expect(cycleOutcome(0, undefined)).toMatchObject({ short: 0, met: true });
  });
});
