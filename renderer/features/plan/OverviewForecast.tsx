/**
 * What the Plan area shows on the leadership overview (the overviewCharts slot): the forecast
 * with odds of reaching the program's target, and how past forecasts compared with what happened.
 */
import { usingScope, type OverviewScope } from '../../ui/contributions';
import ForecastCalibration from './ForecastCalibration';
import ForecastOdds from './ForecastOdds';

const FIELDS = ['asOf', 'teamId'] as const;

function OverviewForecast(scope: Pick<OverviewScope, 'asOf' | 'teamId'>) {
  return (
    <>
      <ForecastOdds {...scope} />
      <ForecastCalibration {...scope} />
    </>
  );
}

/** Drawn again only when one of FIELDS changes (not the granularity, say). */
export default usingScope(FIELDS, OverviewForecast);
