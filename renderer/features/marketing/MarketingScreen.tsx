/**
 * The Marketing area: the platform marketing program the scaling phase starts each cycle with —
 * newsletters, demo days, office hours, cloud parties, blueprints, training — logged with their
 * date and reach, and per cycle beside the apps onboarded in the cycle after. Routes: see route.ts.
 */
import { useMemo } from 'react';
import { useCycles } from '../../db/workspace-queries';
import { PageHeader } from '../../ui/PageHeader';
import { ViewTabs } from '../../ui/ViewTabs';
import { ActivityDialog } from './ActivityDialog';
import { ActivityList } from './ActivityList';
import { useActivities } from './data/queries';
import { PerCycleView } from './PerCycleView';
import { newRoute, parseMarketingRoute } from './route';
import './marketing.css';

const TABS = [
  { view: '', label: 'Activities' },
  { view: 'cycles', label: 'Per cycle' },
] as const;

export default function MarketingScreen({ route }: { route: string }) {
  const parsed = useMemo(() => parseMarketingRoute(route), [route]);
  const activities = useActivities();
  const cycles = useCycles();
  const ready = activities && cycles;
  const reach = useMemo(() => (activities ?? []).reduce((sum, a) => sum + a.reach, 0), [activities]);

  let body;
  if (!ready) {
    body = (
      <p role="status" className="empty">
        Loading the marketing program…
      </p>
    );
  } else if (parsed.kind === 'unknown') {
    body = (
      <p className="empty" role="status">
        There is no such page in Marketing. <a href="#/marketing">All activities</a>
      </p>
    );
  } else if (parsed.kind === 'cycles') {
    body = <PerCycleView activities={activities} cycles={cycles} />;
  } else {
    body = (
      <>
        <ActivityList activities={activities} cycles={cycles} filter={parsed.filter} />
        {parsed.kind === 'new' && <ActivityDialog id={null} filter={parsed.filter} />}
        {parsed.kind === 'edit' && <ActivityDialog id={parsed.id} filter={parsed.filter} />}
      </>
    );
  }

  return (
    <div className="mk-screen">
      <PageHeader
        title="Marketing"
        summary={
          activities
            ? `${activities.length.toLocaleString('en-US')} activities reaching ${reach.toLocaleString('en-US')} people: how the platform is made known, cycle by cycle.`
            : 'Loading the activities…'
        }
        actions={
          <a
            className="button primary"
            href={`#/${newRoute(parsed.kind === 'list' ? parsed.filter : undefined)}`}
          >
            + Log activity
          </a>
        }
      />
      <ViewTabs
        area="marketing"
        label="Marketing views"
        tabs={TABS}
        current={parsed.kind === 'cycles' ? 'cycles' : ''}
      />
      {body}
    </div>
  );
}
