// @vitest-environment jsdom
/** Slots: every contribution to a slot renders with the slot's props; an empty slot renders nothing. */
import { act, cleanup, render, screen } from '@testing-library/react';
import * as React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTRIBUTIONS } from '../../../renderer/areas';
import {
  ContributionStage,
  ContributionsProvider,
  FALLBACK_MS,
  NO_CONTRIBUTIONS,
  Slot,
  useLeadDrawn,
  type OverviewScope,
} from '../../../renderer/ui/contributions';

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

  describe('a staged slot', () => {
    const scope: OverviewScope = {
      asOf: '2027-01-01',
      from: '2026-01-01',
      to: '2027-01-01',
      granularity: 'month',
      teamId: null,
    };
    let drawn: (value: boolean) => void = () => {};
    function Lead() {
      const [ready, setReady] = React.useState(false);
      drawn = setReady;
      useLeadDrawn(ready);
      return <p>{ready ? 'adoption drawn' : 'adoption loading'}</p>;
    }
    const Tile = () => <p>blockers tile</p>;
    const Chart = () => <p>blockers chart</p>;
    const page = () => (
      <ContributionsProvider
        value={{ ...NO_CONTRIBUTIONS, overviewTiles: [Tile], overviewCharts: [Lead, Chart] }}
      >
        <ContributionStage>
          <Slot name="overviewTiles" props={scope} staged={{ waiting: 'Loading the other numbers…' }} />
          <Slot name="overviewCharts" props={scope} staged={{ waiting: 'Loading the other charts…' }} />
        </ContributionStage>
      </ContributionsProvider>
    );

    it("renders each slot's lead first, and the others once the lead has drawn", async () => {
      render(page());
      expect(await screen.findByText('adoption loading')).toBeInTheDocument();
      // The tiles' lead (its only tile) renders; the charts' other waits.
      expect(screen.getByText('blockers tile')).toBeInTheDocument();
      expect(screen.queryByText('blockers chart')).toBeNull();
      expect(screen.getByRole('status').textContent).toBe('Loading the other charts…');
      act(() => drawn(true));
      expect(await screen.findByText('blockers chart')).toBeInTheDocument();
      expect(screen.queryByRole('status')).toBeNull();
    });

    it('renders the others after a while when the lead never says it has drawn', async () => {
      vi.useFakeTimers();
      try {
        render(page());
        await act(async () => {
          await vi.advanceTimersByTimeAsync(FALLBACK_MS - 100);
        });
        expect(screen.queryByText('blockers chart')).toBeNull();
        await act(async () => {
          await vi.advanceTimersByTimeAsync(200);
        });
        expect(screen.getByText('blockers chart')).toBeInTheDocument();
      } finally {
        vi.useRealTimers();
      }
    });

    it('renders everything at once outside a stage', async () => {
      render(
        <ContributionsProvider value={{ ...NO_CONTRIBUTIONS, overviewCharts: [Lead, Chart] }}>
          <Slot name="overviewCharts" props={scope} staged={{ waiting: 'Loading the other charts…' }} />
        </ContributionsProvider>,
      );
      expect(await screen.findByText('blockers chart')).toBeInTheDocument();
    });
  });
});
