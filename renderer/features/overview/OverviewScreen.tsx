/**
 * The leadership overview, the first screen once a program exists: the program's name, the
 * controls (time range, granularity, team, "as of"), then every area's headline tiles and charts
 * (the overviewTiles and overviewCharts slots), all drawn for one scope. The controls apply at
 * once and are kept on this machine, so the overview opens as it was left before the next
 * steering meeting.
 */
import { useMemo } from 'react';
import { formatIsoDate, todayIso } from '../../../shared/domain';
import { resolveOverviewScope, type OverviewControls } from '../../../shared/domain/overview-scope';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useCycles, useProgram } from '../../db/workspace-queries';
import { useUi } from '../../store/ui';
import { Slot, type OverviewScope } from '../../ui/contributions';
import { saveOverviewControls, useOverviewControls } from './data/controls';
import { useTeamChoices } from './data/queries';
import { OverviewControlsBar } from './OverviewControlsBar';
import './overview.css';

/**
 * Prints the overview as the report, in the light theme whatever the window shows (a dark page's
 * backgrounds are not printed, its light text would be), and puts the theme back afterwards.
 */
function printReport() {
  const root = document.documentElement;
  const theme = root.dataset.theme;
  root.dataset.theme = 'light';
  const restore = () => {
    if (theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = theme;
  };
  window.addEventListener('afterprint', restore, { once: true });
  window.print();
}

export default function OverviewScreen(_props: { route: string }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const program = useProgram();
  const cycles = useCycles();
  const controls = useOverviewControls();
  const teams = useTeamChoices();
  const today = todayIso();

  const scope: OverviewScope | undefined = useMemo(
    () =>
      program && cycles && controls
        ? resolveOverviewScope(controls, { today, programStart: program.startDate, cycles })
        : undefined,
    [program, cycles, controls, today],
  );

  if (program === undefined || cycles === undefined || controls === undefined || teams === undefined) {
    return (
      <div className="empty" role="status">
        Loading the overview…
      </div>
    );
  }
  if (program === null || !scope) {
    return <p className="empty">There is no program yet: create one from the welcome screen.</p>;
  }

  const change = (next: OverviewControls) => {
    saveOverviewControls(next, database).catch((error: unknown) =>
      toast({ kind: 'error', text: `The overview's controls were not kept: ${describeError(error)}` }),
    );
  };

  const asOfToday = scope.asOf === today;
  const team = scope.teamId ? teams.find((t) => t.id === scope.teamId) : undefined;

  return (
    <div className="overview">
      <header className="page-header overview-header">
        <div>
          <p className="overview-eyebrow">Overview · {program.platformName}</p>
          <h1>{program.name}</h1>
          <p className="overview-scope-line">
            {formatIsoDate(scope.from)} – {formatIsoDate(scope.to)}
            {team ? ` · ${team.name}` : ' · all teams'}
            {asOfToday ? '' : ` · as it stood on ${formatIsoDate(scope.asOf)}`}
          </p>
          <p className="overview-print-only">Report made on {formatIsoDate(today)}</p>
        </div>
        {/* The one-page report: the print stylesheet (overview.css) keeps the header, the tiles and
            the charts, drops the navigation and the controls, and fits them on one A4 or Letter
            page; the browser's print dialog (and the desktop's) saves it as PDF. */}
        <button type="button" className="overview-print" onClick={printReport}>
          Print report…
        </button>
      </header>

      <OverviewControlsBar
        controls={controls}
        scope={scope}
        cycles={cycles}
        teams={teams}
        today={today}
        onChange={change}
      />

      <section className="overview-tiles" aria-label="Headline numbers">
        <Slot name="overviewTiles" props={scope} />
      </section>

      <section className="overview-charts" aria-label="Charts">
        <Slot name="overviewCharts" props={scope} />
      </section>
    </div>
  );
}
