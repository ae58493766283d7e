// @vitest-environment jsdom
/** The plain SVG line chart: one path per series, the points walked by keyboard, a point opened. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineChartSvg } from '../../../renderer/ui/chart/LineChartSvg';

afterEach(cleanup);

const series = [
  { key: 'a', name: 'Alpha', color: 'red' },
  { key: 'b', name: 'Beta', color: 'blue' },
];
const days = ['2026-01-31', '2026-02-28', '2026-03-31'];

function chart(onOpen = vi.fn(), step = true) {
  return render(
    <LineChartSvg
      label="Things over time"
      height={216}
      points={3}
      series={series}
      values={[
        [1, 4],
        [3, 2],
        [0, 5],
      ]}
      step={step}
      tick={(i) => `M${i}`}
      title={(i) => days[i]!}
      openLabel={(i) => `List what was open on ${days[i]}`}
      onOpen={onOpen}
    />,
  );
}

describe('LineChartSvg', () => {
  it('draws each series as one path over the points, in steps or straight', () => {
    const { container, unmount } = chart();
    const paths = [...container.querySelectorAll('path')].map((p) => p.getAttribute('d'));
    // y is the top tick (6: ticks 0, 2, 4, 6 for a largest value of 5) less the value: the data's
    // own units, stretched to the plot.
    expect(screen.getByText('6')).toBeInTheDocument();
    expect(paths).toEqual(['M0 5H1V3H2V6', 'M0 2H1V4H2V1']);
    unmount();
    const straight = chart(vi.fn(), false).container;
    expect(straight.querySelector('path')?.getAttribute('d')).toBe('M0 5L1 3L2 6');
    expect(screen.getByText('M2')).toBeInTheDocument();
  });

  it('walks the points with the arrows, showing each, and opens one with Enter or a click', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    chart(onOpen);
    const plot = screen.getByRole('button', { name: 'Things over time' });
    plot.focus();
    await user.keyboard('{ArrowLeft}');
    // From the latest point back one: its values in the tooltip, its list in the name.
    expect(plot).toHaveAccessibleName('Things over time. List what was open on 2026-02-28');
    expect(screen.getByText('2026-02-28')).toBeInTheDocument();
    expect(screen.getByText('Alpha : 3')).toBeInTheDocument();
    expect(screen.getByText('Beta : 2')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenLastCalledWith(1);
    await user.keyboard('{Home} ');
    expect(onOpen).toHaveBeenLastCalledWith(0);
    // The pointer: jsdom lays nothing out, so every position reads as the first point.
    fireEvent.click(plot, { clientX: 0 });
    expect(onOpen).toHaveBeenLastCalledWith(0);
    fireEvent.blur(plot);
    expect(screen.queryByText('Alpha : 1')).toBeNull();
  });

  it('forgets a chosen point that is gone when the points change', async () => {
    const user = userEvent.setup();
    const { rerender } = chart();
    const plot = screen.getByRole('button', { name: 'Things over time' });
    plot.focus();
    await user.keyboard('{End}');
    expect(screen.getByText('2026-03-31')).toBeInTheDocument();
    rerender(
      <LineChartSvg
        label="Things over time"
        height={216}
        points={1}
        series={series}
        values={[[1, 4]]}
        tick={(i) => `M${i}`}
        title={(i) => days[i]!}
        openLabel={(i) => `List what was open on ${days[i]}`}
        onOpen={vi.fn()}
      />,
    );
    expect(screen.queryByText('2026-03-31')).toBeNull();
    expect(plot).toHaveAccessibleName('Things over time');
  });
});
