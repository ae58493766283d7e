/**
 * The program at a glance: name, platform, start; what happened (apps on the platform, against
 * the target, and the adoption rate of the eligible population) beside what was planned (the
 * target, and where the sum of cycle goals gets to); cycle length; with the Edit action.
 */
import {
  adoptionRate,
  formatIsoDate,
  plannedCumulativeApps,
  type Cycle,
  type Program,
} from '../../../shared/domain';
import { pluralApps } from './labels';
import './plan.css';

interface ProgramSummaryProps {
  program: Program;
  cycles: readonly Cycle[];
  /** Apps on the platform; undefined while they are counted. */
  onPlatform?: number | undefined;
  onEdit: () => void;
}

function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p < 10 && p % 1 !== 0 ? p.toFixed(1) : Math.round(p)}%`;
}

export function ProgramSummary({ program, cycles, onPlatform, onEdit }: ProgramSummaryProps) {
  const plan = plannedCumulativeApps(cycles).at(-1);
  const rate = onPlatform === undefined ? undefined : adoptionRate(onPlatform, program.eligibleApps);
  return (
    <section className="card program-summary" aria-labelledby="program-title">
      <div className="program-summary-head">
        <div>
          <p className="eyebrow">Program</p>
          <h2 id="program-title">{program.name}</h2>
          <p className="muted">
            on the <strong className="platform-name">{program.platformName}</strong> platform
          </p>
        </div>
        <button type="button" onClick={onEdit}>
          Edit program
        </button>
      </div>
      <dl className="stat-grid">
        <div className="stat-actual">
          <dt>On the platform</dt>
          <dd>
            {onPlatform === undefined ? '…' : pluralApps(onPlatform)}
            {onPlatform !== undefined && (
              <small>{percent(onPlatform, program.targetApps)} of the target</small>
            )}
          </dd>
        </div>
        <div className="stat-actual">
          <dt>Adoption rate</dt>
          <dd>
            {rate === undefined ? '…' : percent(rate, 1)}
            {onPlatform !== undefined && (
              <small>
                {onPlatform.toLocaleString()} of {program.eligibleApps.toLocaleString()} eligible apps
              </small>
            )}
          </dd>
        </div>
        <div className="stat-plan">
          <dt>Planned by the last cycle</dt>
          <dd>
            {plan ? pluralApps(plan.planned) : '—'}
            {plan && (
              <small>
                by {formatIsoDate(plan.date)} · {percent(plan.planned, program.targetApps)} of target
              </small>
            )}
          </dd>
        </div>
        <div>
          <dt>Target apps</dt>
          <dd>
            {program.targetApps.toLocaleString()}
            <small>{percent(program.targetApps, program.eligibleApps)} of eligible</small>
          </dd>
        </div>
        <div>
          <dt>Eligible app population</dt>
          <dd>{program.eligibleApps.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Start date</dt>
          <dd>{formatIsoDate(program.startDate)}</dd>
        </div>
        <div>
          <dt>Cycle length</dt>
          <dd>
            {program.cycleLengthMonths} {program.cycleLengthMonths === 1 ? 'month' : 'months'}
          </dd>
        </div>
      </dl>
    </section>
  );
}
