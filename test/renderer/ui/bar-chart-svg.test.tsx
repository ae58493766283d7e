// @vitest-environment jsdom
/** The plain SVG bar chart: its round y ticks, the bars it draws, and opening a bar by keyboard or click. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChartSvg, niceTicks } from '../../../renderer/ui/chart/BarChartSvg';

afterEach(cleanup);

describe('niceTicks', () => {
  it('covers the largest value from 0 in about five round steps', () => {
    expect(niceTicks(51)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(2000)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(1220)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.9, 5, true)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('draws 0 to 1 when there is nothing above 0', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('always starts at 0, ends at or above the largest value, in equal whole steps, at most 5 of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1]!;
        expect(Number.isInteger(step)).toBe(true);
        ticks.forEach((t, i) => expect(t).toBe(i * step));
      }),
    );
  });
});

describe('BarChartSvg', () => {
  const series = [
    { key: 'a', name: 'Alpha', color: 'red' },
    { key: 'b', name: 'Beta', color: 'blue' },
  ];

  it('draws a bar per value above 0, each a button that opens its records', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(
      <BarChartSvg
        label="Things"
        categories={['One', 'Two']}
        series={series}
        values={[
          [3, 0],
          [null, 5],
        ]}
        layout="grouped"
        describe={(c, s, n) => `${n} ${series[s]!.name} in ${['One', 'Two'][c]}`}
        onOpen={onOpen}
      />,
    );
    const bars = screen.getAllByRole('button');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['3 Alpha in One', '5 Beta in Two']);
    expect(screen.getByRole('group', { name: 'Things' })).toContainElement(bars[0]!);
    // The axes' text is for the eye: the bars' names carry it.
    expect(screen.getByText('Two').closest('[aria-hidden="true"]')).not.toBeNull();

    bars[0]!.focus();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(bars[1]);
    expect([bars[0]!.tabIndex, bars[1]!.tabIndex]).toEqual([-1, 0]);
    await user.keyboard(' ');
    expect(onOpen).toHaveBeenLastCalledWith(1, 1);
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(0, 0);
    await user.click(bars[1]!);
    expect(onOpen).toHaveBeenCalledTimes(3);
  });
});
