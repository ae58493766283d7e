/**
 * What the Plan area shows on the leadership overview (the overviewCharts slot): the forecast
 * with odds of reaching the program's target, and how past forecasts compared with what happened.
 */
import type { OverviewScope } from '../../ui/contributions';
import ForecastCalibration from './ForecastCalibration';
import ForecastOdds from './ForecastOdds';

export default function OverviewForecast(scope: OverviewScope) {
  return (
    <>
      <ForecastOdds {...scope} />
      <ForecastCalibration {...scope} />
    </>
  );
}
