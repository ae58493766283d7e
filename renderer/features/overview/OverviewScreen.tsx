/**
 * The leadership overview, the first screen once a program exists: the program's name, the
 * controls (time range, granularity, team, "as of"), then every area's headline tiles and charts
 * (the overviewTiles and overviewCharts slots), all drawn for one scope. The controls apply at
 * once and are kept on this machine, so the overview opens as it was left before the next
 * steering meeting.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { PAGE_SIZE_LABELS, PAGE_SIZES, isPageSize } from '../../../shared/export/page-size';
import { formatIsoDate, todayIso } from '../../../shared/domain';
import { resolveOverviewScope } from '../../../shared/domain/overview-scope';
import { useDatabase } from '../../db/DatabaseContext';
import { describeError } from '../../db/errors';
import { useCycles, useProgram } from '../../db/workspace-queries';
import { desktop } from '../../desktop';
import { useAppInfo } from '../../desktop/use-app-info';
import { useUi } from '../../store/ui';
import {
  ContributionStage,
  sameScope,
  Slot,
  useCatchUp,
  useContributionCount,
  type OverviewScope,
} from '../../ui/contributions';
import { useOverviewControlsEditor } from './data/controls';
import { useTeamChoices, type TeamChoice } from './data/queries';
import { OverviewControlsBar } from './OverviewControlsBar';
import { makeReport, reportFileName, setReportPageSize, useReportPageSize } from './report';
import './overview.css';

const NO_TEAMS: TeamChoice[] = [];

export default function OverviewScreen(_props: { route: string }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const program = useProgram();
  const cycles = useCycles();
  const keptNot = useCallback(
    (error: unknown) =>
      toast({ kind: 'error', text: `The overview's controls were not kept: ${describeError(error)}` }),
    [toast],
  );
  // A change shows at once; it is written meanwhile (data/controls.ts).
  const [controls, change] = useOverviewControlsEditor(keptNot);
  // A thousand teams are a tenth of a second's read: the overview draws without waiting for them
  // (only the team filter and the scope line name a team).
  const teams = useTeamChoices();
  const pageSize = useReportPageSize();
  const appInfo = useAppInfo();
  const [making, setMaking] = useState(false);
  const paperId = useId();
  const today = todayIso();

  const scope: OverviewScope | undefined = useMemo(
    () =>
      program && cycles && controls
        ? resolveOverviewScope(controls, { today, programStart: program.startDate, cycles })
        : undefined,
    [program, cycles, controls, today],
  );

  // A change of the controls redraws the lead tile and chart (adoption) in the next frame; the
  // other areas' tiles, then charts, follow one at a time, each in a render any input goes before.
  const tileCount = useContributionCount('overviewTiles');
  const others = Math.max(0, tileCount - 1) + Math.max(0, useContributionCount('overviewCharts') - 1);
  const catchUp = useCatchUp(scope, others, sameScope);
  const settling = !catchUp.settled;
  // The page printed (the report, or the browser's own Print) shows every chart for the controls.
  const catchUpNow = catchUp.now;
  useEffect(() => {
    window.addEventListener('beforeprint', catchUpNow);
    return () => window.removeEventListener('beforeprint', catchUpNow);
  }, [catchUpNow]);

  if (program === undefined || cycles === undefined || controls === undefined || pageSize === undefined) {
    return (
      <div className="empty" role="status">
        Loading the overview…
      </div>
    );
  }
  if (program === null || !scope) {
    return <p className="empty">There is no program yet: create one from the welcome screen.</p>;
  }

  const report = async () => {
    // The others drawn for the controls as they are now, even if they changed a moment ago.
    catchUp.now();
    setMaking(true);
    try {
      const outcome = await makeReport({
        api: desktop,
        pageSize,
        fileName: reportFileName(program.name, today),
      });
      if (outcome.status === 'saved') {
        toast({ kind: 'success', text: `Saved the report (${pageSize}, one page) to ${outcome.path}.` });
      }
    } catch (error) {
      toast({ kind: 'error', text: `The report was not made: ${describeError(error)}` });
    } finally {
      setMaking(false);
    }
  };
  const choosePaper = (value: string) => {
    if (!isPageSize(value)) return;
    setReportPageSize(value, database).catch((error: unknown) =>
      toast({ kind: 'error', text: `The paper size was not kept: ${describeError(error)}` }),
    );
  };
  // The desktop app saves a PDF itself; a browser opens its print dialog ("Save as PDF" there).
  const savesPdf = appInfo?.shell === 'desktop';

  // The lead contributions draw for the scope, the others as they catch up with it: the tiles
  // first (at the top of the page), then the charts.
  const tilesLag = (i: number) => catchUp.lagging(i - 1) ?? scope;
  const chartsLag = (i: number) => catchUp.lagging(tileCount - 1 + i - 1) ?? scope;
  const asOfToday = scope.asOf === today;
  const team = scope.teamId ? teams?.find((t) => t.id === scope.teamId) : undefined;
  // While the teams are read, a chosen team is not named yet (nor called "all teams").
  const teamPart = team ? ` · ${team.name}` : scope.teamId && !teams ? '' : ' · all teams';

  return (
    <div className="overview">
      <header className="page-header overview-header">
        <div>
          <p className="overview-eyebrow">Overview · {program.platformName}</p>
          <h1>{program.name}</h1>
          <p className="overview-scope-line">
            {formatIsoDate(scope.from)} – {formatIsoDate(scope.to)}
            {teamPart}
            {asOfToday ? '' : ` · as it stood on ${formatIsoDate(scope.asOf)}`}
          </p>
          <p className="overview-print-only">Report made on {formatIsoDate(today)}</p>
        </div>
        {/* The one-page report: the print stylesheet (overview.css) keeps the header, the tiles and
            the charts, drops the navigation and the controls, and fits them on one A4 or Letter
            page (report.ts). */}
        <div className="overview-report-actions">
          <label htmlFor={paperId}>Paper</label>
          <select id={paperId} value={pageSize} onChange={(e) => choosePaper(e.target.value)}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {PAGE_SIZE_LABELS[size]}
              </option>
            ))}
          </select>
          <button type="button" className="overview-print" aria-busy={making} onClick={() => void report()}>
            {savesPdf ? 'Save report as PDF…' : 'Print report…'}
          </button>
          <span role="status" className="visually-hidden">
            {making ? 'Making the report…' : ''}
          </span>
        </div>
      </header>

      <OverviewControlsBar
        controls={controls}
        scope={scope}
        cycles={cycles}
        teams={teams ?? NO_TEAMS}
        today={today}
        onChange={change}
      />

      {/* Adoption leads (the apps area ranks first): its tiles and chart draw before the other
          areas read their records (ui/contributions.tsx, ContributionStage). */}
      <ContributionStage>
        <section className="overview-tiles" aria-label="Headline numbers" aria-busy={settling}>
          <Slot
            name="overviewTiles"
            props={scope}
            lagging={tilesLag}
            staged={{ waiting: 'Loading the other numbers…' }}
          />
        </section>

        <section className="overview-charts" aria-label="Charts" aria-busy={settling}>
          <Slot
            name="overviewCharts"
            props={scope}
            lagging={chartsLag}
            staged={{ waiting: 'Loading the other charts…' }}
          />
        </section>
      </ContributionStage>
    </div>
  );
}
