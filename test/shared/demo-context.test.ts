/** The demo's shared context: record stamping, and areas that run in order over what came before. */
import { describe, expect, it } from 'vitest';
import { createDemoContext, startDemo } from '../../shared/demo/context';

describe('the demo context', () => {
  it('stamps a record with a seeded id and timestamps from its own dates, never after today', () => {
    const stamp = () => createDemoContext('2026-03-18', 7).stamp({ title: 'x' }, '2026-03-02', '2026-05-01');
    const record = stamp();
    expect(record).toEqual(stamp());
    expect(record.title).toBe('x');
    expect(record.createdAt.slice(0, 10)).toBe('2026-03-02');
    expect(record.updatedAt.slice(0, 10)).toBe('2026-03-18');
    expect(record.createdAt < record.updatedAt).toBe(true);
  });

  it('keeps a given id and uses one timestamp when created and updated on the same day', () => {
    const record = createDemoContext('2026-03-18', 7).stamp({}, '2026-03-02', '2026-03-02', 'given');
    expect(record.id).toBe('given');
    expect(record.updatedAt).toBe(record.createdAt);
  });

  it('gives every area what the areas before it added', () => {
    const built = startDemo('2026-03-18', 7)
      .run(({ today }) => ({ start: today }))
      .run(({ start }) => ({ label: `from ${start}` }));
    expect(built.context.label).toBe('from 2026-03-18');
  });

  it('refuses an area that would replace what another one produced', () => {
    const built = startDemo('2026-03-18', 7).run(() => ({ teams: [] }));
    expect(() => built.run(() => ({ teams: [] }))).toThrow('Two demo areas produce "teams"');
  });
});
