// @vitest-environment node
/**
 * The benchmark's cached workspace files are named by a fingerprint of the generator, so a file
 * made before the generator changed (an area added its records) is never restored as if current.
 */
import { describe, expect, it } from 'vitest';
import { generatorFingerprint } from '../../bench/workspace/write';

describe('the benchmark workspace cache', () => {
  it('names files by a stable fingerprint of the generator and the schema version', () => {
    const fingerprint = generatorFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{10}$/);
    expect(generatorFingerprint()).toBe(fingerprint);
  });
});
