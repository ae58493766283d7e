// @vitest-environment jsdom
/**
 * Slots: every contribution to a slot renders with the slot's props; an empty slot renders nothing;
 * a contribution renders again only when a prop it reads changes; the lead can run a render ahead,
 * and the others catch up one per commit.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTRIBUTIONS } from '../../../renderer/areas';
import {
  ContributionStage,
  ContributionsProvider,
  FALLBACK_MS,
  NO_CONTRIBUTIONS,
  sameScope,
  Slot,
  useCatchUp,
  useContributionCount,
  useLeadDrawn,
  usingScope,
  type OverviewScope,
} from '../../../renderer/ui/contributions';

afterEach(cleanup);

const scope: OverviewScope = {
  asOf: '2027-01-01',
  from: '2026-01-01',
  to: '2027-01-01',
  granularity: 'month',
  teamId: null,
};

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

  describe('renders a contribution again only when it must', () => {
    const renders = { all: 0, some: 0 };
    const ReadsAll = (props: OverviewScope) => {
      renders.all++;
      return <p>all {props.granularity}</p>;
    };
    const ReadsSome = usingScope(['asOf', 'teamId'], ({ asOf }) => {
      renders.some++;
      return <p>some {asOf}</p>;
    });
    const page = (props: OverviewScope, lagging?: OverviewScope) => (
      <ContributionsProvider value={{ ...NO_CONTRIBUTIONS, overviewCharts: [ReadsAll, ReadsSome] }}>
        <Slot name="overviewCharts" props={props} {...(lagging ? { lagging: () => lagging } : {})} />
      </ContributionsProvider>
    );

    it('skips every contribution when the host renders again with equal props in a new object', async () => {
      renders.all = renders.some = 0;
      const { rerender } = render(page(scope));
      await screen.findByText('all month');
      expect(renders).toEqual({ all: 1, some: 1 });
      rerender(page({ ...scope }));
      expect(renders).toEqual({ all: 1, some: 1 });
    });

    it('renders a contribution that names its fields only when one of them changes', async () => {
      renders.all = renders.some = 0;
      const { rerender } = render(page(scope));
      await screen.findByText('all month');
      rerender(page({ ...scope, granularity: 'week' }));
      expect(screen.getByText('all week')).toBeInTheDocument();
      expect(renders).toEqual({ all: 2, some: 1 });
      rerender(page({ ...scope, granularity: 'week', asOf: '2026-12-31' }));
      expect(screen.getByText('some 2026-12-31')).toBeInTheDocument();
      expect(renders).toEqual({ all: 3, some: 2 });
    });

    it('gives the lead the props and the others the lagging ones', async () => {
      render(page({ ...scope, granularity: 'week', asOf: '2026-12-31' }, scope));
      expect(await screen.findByText('all week')).toBeInTheDocument();
      expect(screen.getByText('some 2027-01-01')).toBeInTheDocument();
    });
  });

  it('takes two scopes with the same fields for the same, and any field changed for another', () => {
    expect(sameScope(scope, { ...scope })).toBe(true);
    expect(sameScope(undefined, undefined)).toBe(true);
    expect(sameScope(scope, undefined)).toBe(false);
    for (const change of [
      { asOf: '2026-12-31' },
      { from: '2026-02-01' },
      { to: '2027-02-01' },
      { granularity: 'week' as const },
      { teamId: 't1' },
    ])
      expect(sameScope(scope, { ...scope, ...change })).toBe(false);
  });

  describe('the others catching up with the lead', () => {
    /** Each contribution's renders, in order: its name and the granularity it drew. */
    const drawn: string[] = [];
    const panel = (name: string) =>
      function Panel(props: OverviewScope) {
        drawn.push(`${name} ${props.granularity}`);
        return <p>{`${name} ${props.granularity}`}</p>;
      };
    const contributions = {
      ...NO_CONTRIBUTIONS,
      overviewTiles: [panel('lead tile'), panel('tile')],
      overviewCharts: [panel('lead chart'), panel('chart 1'), panel('chart 2')],
    };
    /** At each commit of the host: whether it is settled, and what each contribution shows. */
    const snapshots: string[] = [];
    function Host({ value }: { value: OverviewScope | undefined }) {
      const tiles = useContributionCount('overviewTiles');
      const charts = useContributionCount('overviewCharts');
      const catchUp = useCatchUp(value, tiles - 1 + charts - 1);
      const section = React.useRef<HTMLElement>(null);
      React.useEffect(() => {
        const texts = [...(section.current?.querySelectorAll('p') ?? [])].map((p) => p.textContent);
        snapshots.push(`${catchUp.settled ? 'settled' : 'busy'}: ${texts.join(', ')}`);
      });
      if (!value) return <p>loading</p>;
      return (
        <section ref={section} aria-label="charts" aria-busy={!catchUp.settled}>
          <Slot name="overviewTiles" props={value} lagging={(i) => catchUp.lagging(i - 1) ?? value} />
          <Slot
            name="overviewCharts"
            props={value}
            lagging={(i) => catchUp.lagging(tiles - 1 + i - 1) ?? value}
          />
        </section>
      );
    }
    const page = (value: OverviewScope | undefined) => (
      <ContributionsProvider value={contributions}>
        <Host value={value} />
      </ContributionsProvider>
    );

    it('draws everything for the first value at once, then a change on the leads first and on the others in order', async () => {
      drawn.length = 0;
      const { rerender } = render(page(undefined));
      rerender(page(scope));
      expect(await screen.findByText('chart 2 month')).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'charts' })).toHaveAttribute('aria-busy', 'false');
      drawn.length = 0;

      rerender(page({ ...scope, granularity: 'week' }));
      await waitFor(() =>
        expect(screen.getByRole('region', { name: 'charts' })).toHaveAttribute('aria-busy', 'false'),
      );
      // The leads in the change's own render; then the tile, then each chart, each alone.
      expect(drawn).toEqual([
        'lead tile week',
        'lead chart week',
        'tile week',
        'chart 1 week',
        'chart 2 week',
      ]);
      expect(screen.getByText('chart 2 week')).toBeInTheDocument();
    });

    it('is busy in every commit until the last has caught up', async () => {
      const { rerender } = render(page(scope));
      await screen.findByText('chart 2 month');
      // The host's effects run after its commits: wait for the one of each commit awaited, so a
      // busy machine cannot record a commit before the list is emptied or after it is read.
      await waitFor(() => expect(snapshots.at(-1)).toMatch(/^settled: .*chart 2 month$/));
      snapshots.length = 0;
      rerender(page({ ...scope, granularity: 'quarter' }));
      await waitFor(() =>
        expect(screen.getByRole('region', { name: 'charts' })).toHaveAttribute('aria-busy', 'false'),
      );
      await waitFor(() => expect(snapshots.at(-1)).toMatch(/^settled: /));
      expect(snapshots).toEqual([
        'busy: lead tile quarter, tile month, lead chart quarter, chart 1 month, chart 2 month',
        'busy: lead tile quarter, tile quarter, lead chart quarter, chart 1 month, chart 2 month',
        'busy: lead tile quarter, tile quarter, lead chart quarter, chart 1 quarter, chart 2 month',
        'settled: lead tile quarter, tile quarter, lead chart quarter, chart 1 quarter, chart 2 quarter',
      ]);
    });

    it('waits for the value to rest: changes in quick succession move the leads each time and the others once', async () => {
      const { rerender } = render(page(scope));
      await screen.findByText('chart 2 month');
      drawn.length = 0;
      rerender(page({ ...scope, granularity: 'week' }));
      rerender(page({ ...scope, granularity: 'cycle' }));
      rerender(page({ ...scope, granularity: 'quarter' }));
      expect(screen.getByText('lead chart quarter')).toBeInTheDocument();
      expect(screen.getByText('chart 1 month')).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.getByRole('region', { name: 'charts' })).toHaveAttribute('aria-busy', 'false'),
      );
      expect(drawn).toEqual([
        'lead tile week',
        'lead chart week',
        'lead tile cycle',
        'lead chart cycle',
        'lead tile quarter',
        'lead chart quarter',
        'tile quarter',
        'chart 1 quarter',
        'chart 2 quarter',
      ]);
    });
  });

  describe('a staged slot', () => {
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
