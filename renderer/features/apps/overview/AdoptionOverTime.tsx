/**
 * "Adoption over time" on the leadership overview (the Apps area's overviewCharts contribution):
 * cumulative apps by step against the plan, the cycles shaded by phase, with a one-line reading
 * ("42 apps on the platform, 6 ahead of plan") and the data as a table. Every point and row opens
 * the apps on the platform by its day in the apps table.
 */
import type { AdoptionPoint } from '../../../../shared/domain/adoption';
import { formatIsoDate } from '../../../../shared/domain';
import { adoptionReading } from '../../../../shared/domain/adoption';
import { useForecastResult } from '../../../db/forecast-queries';
import { useLeadDrawn, type OverviewScope } from '../../../ui/contributions';
import { ChartCard } from '../../../ui/chart/ChartCard';
import { AdoptionChart, type AdoptionForecastFan } from './AdoptionChart';
import { useOpenApps } from './open-apps';
import { useAdoption } from './use-adoption';

/** Started by the app while this module's screen loads (ui/preloadable.ts). */
export { warmAdoption as warm } from './use-adoption';

const dash = (n: number | null) => (n === null ? '—' : n);

export default function AdoptionOverTime(props: OverviewScope & { forecast?: AdoptionForecastFan | null }) {
  // The program's forecast as of the overview's day (shared/domain/forecast.ts, worked out off
  // the page's thread), drawn as a fan; null while there is none to draw (too little history).
  const forecast = useForecastResult(props.asOf);
  const scope = { ...props, forecast: props.forecast ?? forecast ?? null };
  const adoption = useAdoption(scope);
  // The overview's lead: the other areas' tiles and charts follow once this has its figures.
  useLeadDrawn(adoption !== undefined);
  const openApps = useOpenApps();
  if (adoption === null) return null;
  if (adoption === undefined) {
    return (
      <section className="card chart-card" aria-busy="true">
        <h3>Adoption over time</h3>
        <p className="muted" role="status">
          Loading apps…
        </p>
      </section>
    );
  }
  const { series, headline, team, bands, program } = adoption;
  const hasData = series.some((p) => (p.selected ?? 0) > 0 || (p.planned ?? 0) > 0);
  const rate = `${(headline.rate * 100).toLocaleString('en', { maximumFractionDigits: 1 })} % of the eligible ${program.eligibleApps.toLocaleString('en')}`;
  const forecastLine = scope.forecast
    ? scope.forecast.dates
        .filter((d) => d.date)
        .map((d) => `${d.likelihood} % by ${formatIsoDate(d.date)}`)
        .join(', ')
    : '';
  const open = (p: AdoptionPoint) =>
    openApps({ step: 'production', after: null, onOrBefore: p.date }, scope.teamId);

  return (
    <ChartCard<AdoptionPoint>
      title="Adoption over time"
      className="adoption-card"
      reading={
        `${adoptionReading(headline, team?.name)} (${rate})` +
        (forecastLine ? `; target of ${scope.forecast!.target.toLocaleString('en')}: ${forecastLine}.` : '.')
      }
      columns={[
        { label: 'Period', value: (p) => p.label },
        { label: 'As of', value: (p) => formatIsoDate(p.date) },
        { label: 'Selected', value: (p) => dash(p.selected), numeric: true },
        { label: 'Hello world', value: (p) => dash(p.helloWorld), numeric: true },
        { label: 'On the platform', value: (p) => dash(p.production), numeric: true },
        { label: 'New on the platform', value: (p) => dash(p.newInProduction), numeric: true },
        { label: 'Plan', value: (p) => dash(p.planned), numeric: true },
      ]}
      rows={hasData ? series : []}
      rowKey={(p) => p.start}
      onOpen={open}
      canOpen={(p) => (p.production ?? 0) > 0}
      openLabel={(p) => `Open the ${p.production ?? 0} apps on the platform by ${formatIsoDate(p.date)}`}
      empty={
        series.length === 0
          ? scope.granularity === 'cycle'
            ? 'No cycle falls in this range: choose a wider range or another granularity.'
            : 'This range holds no day to chart.'
          : `No app had been selected by ${formatIsoDate(scope.asOf < scope.to ? scope.asOf : scope.to)} in this range${team ? ` for ${team.name}` : ''}, and no plan covers it: nothing to chart yet.`
      }
    >
      <AdoptionChart
        series={series}
        bands={bands}
        from={scope.from}
        to={scope.to}
        asOf={scope.asOf}
        granularity={scope.granularity}
        target={program.targetApps}
        forecast={scope.forecast ?? null}
        onOpenPoint={open}
      />
    </ChartCard>
  );
}
