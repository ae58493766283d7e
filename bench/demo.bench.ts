/**
 * The demo program: generated when the user clicks "Load the demo program", so it must feel
 * instant (target 200 ms for the whole multi-year dataset).
 */
import { describe, expect, it } from 'vitest';
import { generateDemoProgram, demoRecordCount } from '../shared/demo/generate';
import { measure } from './report';

describe('demo program', () => {
  it('generates the multi-year demo dataset', () => {
    const data = measure('Demo program generation (every table)', { targetMs: 200, runs: 5 }, () =>
      generateDemoProgram({ today: '2026-11-23' }),
    );
    expect(demoRecordCount(data)).toBeGreaterThan(1000);
  });
});
