// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatTile } from '../../../renderer/ui/chart/StatTile';

afterEach(cleanup);

describe('StatTile', () => {
  it('shows the label, value and detail, and is no button without records to open', () => {
    render(<StatTile label="Apps on the platform" value="42" detail="6 ahead of plan" />);
    expect(screen.getByText('Apps on the platform')).toBeTruthy();
    expect(screen.getByText('42')).toBeTruthy();
    expect(screen.getByText('6 ahead of plan')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('opens its records by click and by keyboard through a named button', () => {
    const onOpen = vi.fn();
    render(<StatTile label="Open blockers" value="7" onOpen={onOpen} openLabel="Open the 7 open blockers" />);
    const button = screen.getByRole('button', { name: 'Open the 7 open blockers' });
    fireEvent.click(button);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('draws a sparkline only from two or more values, scaled into the tile', () => {
    const { container, rerender } = render(<StatTile label="Deployments" value="10" trend={[5]} />);
    expect(container.querySelector('polyline')).toBeNull();
    rerender(<StatTile label="Deployments" value="10" trend={[0, 5, 10]} />);
    const points = container.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).toHaveLength(3);
    const ys = points.map((p) => Number(p.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(ys[2]!); // the highest value is drawn nearest the top
    rerender(<StatTile label="Deployments" value="10" trend={[3, 3]} />); // flat: no division by zero
    expect(container.querySelector('polyline')!.getAttribute('points')).not.toContain('NaN');
  });
});
