/**
 * The teams by kind — platform, product, infrastructure, governance/security — each with how
 * many people of the program it has; a name search, a team's form (add, edit, delete with Undo)
 * and, from a team's count, its people in the people list. With a thousand teams each kind shows
 * its first ones until asked for all, so the view stays quick.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { TEAM_KIND_LABELS, type Team, type TeamKind } from '../../../shared/domain';
import { EMPTY_PEOPLE_FILTERS, headcounts, teamsByKind } from '../../../shared/domain/people-list';
import { Dialog } from '../../ui/Dialog';
import { SearchField } from '../../ui/filters';
import { usePeopleUi } from './people-store';
import { count } from './parts';
import type { PeopleViewProps } from './PeopleScreen';
import { TeamForm } from './TeamForm';

/** Teams a kind lists before "Show all". */
const FIRST_TEAMS = 40;

/** What each kind of team is for, in the deck's words. */
const KIND_NOTES: Record<TeamKind, string> = {
  platform: 'Runs the platform as a product: owner, operators, engineers, advocate.',
  product: 'Developer teams whose apps move onto the platform.',
  infrastructure: 'Infrastructure staff, added through pairing and seeding.',
  'governance-security': 'Governance and security, shifting left with their own golden paths.',
};

export default function TeamsView({ data }: PeopleViewProps) {
  const search = usePeopleUi((s) => s.teamSearch);
  const setSearch = usePeopleUi((s) => s.setTeamSearch);
  const setFilters = usePeopleUi((s) => s.setFilters);
  const [editing, setEditing] = useState<{ team: Team | null; kind: TeamKind } | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<TeamKind>>(new Set());

  const counts = useMemo(() => headcounts(data.people), [data.people]);
  const deferredSearch = useDeferredValue(search);
  const groups = useMemo(
    () => teamsByKind(data.teams, counts, deferredSearch),
    [data.teams, counts, deferredSearch],
  );
  const shown = groups.reduce((n, g) => n + g.teams.length, 0);
  // The team as stored now, so an open form follows changes made elsewhere (undefined once deleted).
  const stored = editing?.team ? data.teams.find((t) => t.id === editing.team!.id) : undefined;

  return (
    <section aria-label="Teams" className="teams-view">
      <div className="toolbar teams-toolbar" role="search" aria-label="Find teams">
        <SearchField
          className="teams-search"
          label="Search teams"
          placeholder="Search teams by name…"
          value={search}
          onChange={setSearch}
        />
        <span className="people-count" role="status" aria-live="polite">
          {shown === data.teams.length
            ? count(data.teams.length, 'team')
            : `Showing ${shown.toLocaleString('en')} of ${count(data.teams.length, 'team')}`}
        </span>
        <button type="button" className="primary" onClick={() => setEditing({ team: null, kind: 'product' })}>
          + New team
        </button>
      </div>

      <div className="grid-2 team-kinds">
        {groups.map((group) => {
          const headingId = `team-kind-${group.kind}`;
          const all = expanded.has(group.kind);
          const list = all ? group.teams : group.teams.slice(0, FIRST_TEAMS);
          return (
            <section key={group.kind} className="card team-kind" aria-labelledby={headingId}>
              <header className="team-kind-header">
                <h2 id={headingId}>{TEAM_KIND_LABELS[group.kind]}</h2>
                <span className="muted">
                  {count(group.teams.length, 'team')} · {count(group.people, 'person', 'people')}
                </span>
              </header>
              <p className="muted team-kind-note">{KIND_NOTES[group.kind]}</p>
              {group.teams.length === 0 ? (
                <p className="team-kind-empty">
                  {deferredSearch.trim()
                    ? 'No team of this kind matches.'
                    : `No ${TEAM_KIND_LABELS[group.kind].toLowerCase()} team yet.`}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => setEditing({ team: null, kind: group.kind })}
                  >
                    Add one
                  </button>
                </p>
              ) : (
                <table className="data team-table" aria-labelledby={headingId}>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col" className="numeric">
                        People
                      </th>
                      <th scope="col">Notes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map(({ team, people }) => (
                      <tr key={team.id}>
                        <td>
                          <button
                            type="button"
                            className="link team-name"
                            onClick={() => setEditing({ team, kind: team.kind })}
                            aria-label={`${team.name}: edit the team`}
                          >
                            {team.name}
                          </button>
                        </td>
                        <td className="numeric">
                          {people > 0 ? (
                            <a
                              href="#/people"
                              aria-label={`${count(people, 'person', 'people')} in ${team.name}`}
                              onClick={() => setFilters({ ...EMPTY_PEOPLE_FILTERS, teamId: team.id })}
                            >
                              {people.toLocaleString('en')}
                            </a>
                          ) : (
                            <span className="muted">0</span>
                          )}
                        </td>
                        <td className="team-notes" title={team.notes}>
                          {team.notes}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {group.teams.length > FIRST_TEAMS && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    setExpanded((was) => {
                      const next = new Set(was);
                      if (all) next.delete(group.kind);
                      else next.add(group.kind);
                      return next;
                    })
                  }
                >
                  {all
                    ? `Show the first ${FIRST_TEAMS}`
                    : `Show all ${count(group.teams.length, `${TEAM_KIND_LABELS[group.kind].toLowerCase()} team`)}`}
                </button>
              )}
            </section>
          );
        })}
      </div>

      <Dialog
        open={editing !== null}
        title={editing?.team ? `Edit the team ${editing.team.name}` : 'New team'}
        onClose={() => setEditing(null)}
      >
        {editing &&
          (editing.team && !stored ? (
            <div role="status">
              <p>This team no longer exists; it may have been deleted.</p>
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(null)}>
                  Close
                </button>
              </div>
            </div>
          ) : (
            <TeamForm
              key={editing.team?.id ?? `new-${editing.kind}`}
              team={stored ?? null}
              kind={editing.kind}
              people={stored ? (counts.get(stored.id) ?? 0) : 0}
              onDone={() => setEditing(null)}
            />
          ))}
      </Dialog>
    </section>
  );
}
