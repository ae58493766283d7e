/**
 * The initial phase's staffing check, for the cycle's detail on Plan: the playbook starts with a
 * platform team of "owner, operators, engineers, advocate". It lists who holds each role in the
 * teams of kind platform, and flags a role nobody holds (or a missing platform team) with a link
 * to fix it. Scaling cycles show nothing here. Reads its own data, so it can be placed anywhere a
 * cycle is shown.
 */
import { useMemo } from 'react';
import type { Cycle } from '../../../shared/domain';
import { platformStaffing } from '../../../shared/domain/staffing';
import { usePlatformTeams } from './data/queries';
import { count } from './parts';
import './staffing.css';

/** Names listed per role before "and N more". */
const NAMES = 6;

export default function PlatformStaffing({ cycle }: { cycle: Pick<Cycle, 'id' | 'phase'> }) {
  if (cycle.phase !== 'initial') return null;
  return <StaffingCheck cycleId={cycle.id} />;
}

function StaffingCheck({ cycleId }: { cycleId: string }) {
  const data = usePlatformTeams();
  const check = useMemo(() => (data ? platformStaffing(data.teams, data.people) : null), [data]);
  if (!check) {
    return (
      <p className="muted" role="status">
        Loading the platform team…
      </p>
    );
  }
  const headingId = `platform-staffing-${cycleId}`;
  const empty = check.empty.length;
  return (
    <section className="platform-staffing" aria-labelledby={headingId}>
      <header className="platform-staffing-header">
        <h3 id={headingId}>Platform team</h3>
        <span className={`badge ${empty ? 'badge-warning' : 'badge-active'}`} data-testid="staffing-state">
          {empty ? `${count(empty, 'role')} empty` : 'Every role staffed'}
        </span>
      </header>
      <p className="muted">
        The initial phase starts with a platform team: owner, operators, engineers, advocate.
        {check.teams.length > 0 &&
          ` ${check.teams.map((t) => t.name).join(', ')}: ${count(check.members, 'person', 'people')}.`}
      </p>
      {check.teams.length === 0 && (
        <p className="staffing-flag" role="note">
          No platform team yet. <a href="#/people/teams">Add a team of kind Platform</a>, then its people.
        </p>
      )}
      <dl className="staffing-roles">
        {check.roles.map((r) => (
          <div key={r.role} className={r.people.length ? undefined : 'staffing-empty'}>
            <dt>{r.label}</dt>
            <dd>
              {r.people.length === 0 ? (
                <span className="staffing-flag" role="note">
                  {r.none}. <a href="#/people/new">Add a person</a>
                </span>
              ) : (
                <>
                  {r.people.slice(0, NAMES).map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <a href={`#/people/${p.id}`}>{p.name}</a>
                    </span>
                  ))}
                  {r.people.length > NAMES && (
                    <span className="muted"> and {r.people.length - NAMES} more</span>
                  )}
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
