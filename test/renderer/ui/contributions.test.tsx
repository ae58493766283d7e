// @vitest-environment jsdom
/** Slots: every contribution to a slot renders with the slot's props; an empty slot renders nothing. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRIBUTIONS } from '../../../renderer/areas';
import { ContributionsProvider, NO_CONTRIBUTIONS, Slot } from '../../../renderer/ui/contributions';

afterEach(cleanup);

describe('contribution slots', () => {
  it('renders each contribution with the slot props', async () => {
    const A = ({ appId }: { appId: string }) => <p>blockers of {appId}</p>;
    const B = ({ appId }: { appId: string }) => <p>sessions of {appId}</p>;
    render(
      <ContributionsProvider value={{ ...NO_CONTRIBUTIONS, appDetail: [A, B] }}>
        <Slot name="appDetail" props={{ appId: 'x1' }} />
      </ContributionsProvider>,
    );
    expect(await screen.findByText('blockers of x1')).toBeInTheDocument();
    expect(screen.getByText('sessions of x1')).toBeInTheDocument();
  });

  it('renders nothing for a slot no area fills', () => {
    const { container } = render(
      <ContributionsProvider value={NO_CONTRIBUTIONS}>
        <Slot
          name="overviewCharts"
          props={{
            asOf: '2027-01-01',
            from: '2026-01-01',
            to: '2027-01-01',
            granularity: 'month',
            teamId: null,
          }}
        />
      </ContributionsProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('gathers every slot from the areas', () => {
    expect(Object.keys(CONTRIBUTIONS).sort()).toEqual(Object.keys(NO_CONTRIBUTIONS).sort());
    expect(CONTRIBUTIONS.cycleDetail.length).toBeGreaterThan(0);
  });
});
