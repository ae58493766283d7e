/**
 * Bringing teams and people in from CSV: the one import wizard (renderer/ui/import) with the
 * People area's definitions (shared/import/people) and import commands (data/import.ts). A
 * people file that names teams that do not exist offers to create them (as the kind chosen);
 * declined, the rows naming them are not imported and each says why. Names already in the file
 * are reported by row; importing the same file again updates who it names.
 */
import { useMemo, useState } from 'react';
import { TEAM_KIND_LABELS, TEAM_KINDS, type TeamKind } from '../../../shared/domain';
import type { ParsedRecords, RecordPlan } from '../../../shared/import/definition';
import {
  peopleImport,
  teamsImport,
  type PeopleImportResult,
  type PersonImportRow,
  type TeamImportRow,
} from '../../../shared/import/people/definition';
import { planPeopleImport, planTeamsImport, type PeopleImportPlan } from '../../../shared/import/people/plan';
import type { ImportResult } from '../../../shared/import/types';
import { useDatabase } from '../../db/DatabaseContext';
import { ImportWizard } from '../../ui/import/ImportWizard';
import type { ImportWizardConfig, TableSource } from '../../ui/import/types';
import { applyPeopleImport, applyTeamsImport } from './data/import';
import type { PeopleData } from './data/queries';
import { count } from './parts';
import type { PeopleViewProps } from './PeopleScreen';

const csvSource = (what: string, columns: string): TableSource => ({
  kind: 'table',
  id: 'csv',
  label: 'CSV file',
  hint: `A spreadsheet with a header row: one ${what} per row — ${columns}.`,
  dialogTitle: `Import ${what === 'person' ? 'people' : 'teams'} from a CSV file`,
  filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
});

const NOTE =
  'Importing the same file again updates what it names (by name, in any case) and creates no duplicates. Empty cells never erase what is stored.';

/** Unknown teams listed by name before "and N more". */
const LISTED_TEAMS = 8;

export default function ImportView({ data }: PeopleViewProps) {
  const [entity, setEntity] = useState<'people' | 'teams'>('people');
  return (
    <div className="people-import">
      <fieldset className="import-entity">
        <legend>What to import</legend>
        {(['people', 'teams'] as const).map((e) => (
          <label key={e}>
            <input
              type="radio"
              name="import-entity"
              value={e}
              checked={entity === e}
              onChange={() => setEntity(e)}
            />
            {e === 'people' ? 'People' : 'Teams'}
          </label>
        ))}
      </fieldset>
      {entity === 'people' ? <PeopleImport data={data} /> : <TeamsImport data={data} />}
    </div>
  );
}

function TeamsImport({ data }: { data: PeopleData }) {
  const database = useDatabase();
  const { teams } = data;
  const config = useMemo(
    (): ImportWizardConfig<TeamImportRow, RecordPlan<TeamImportRow>, ImportResult> => ({
      title: 'Import teams',
      definition: teamsImport,
      sources: [
        csvSource('team', 'name, kind (platform, product, infrastructure, governance / security), notes'),
      ],
      plan: (parsed) => planTeamsImport(teams, parsed),
      apply: (plan, options) => applyTeamsImport(plan, options, database),
      note: NOTE,
      doneLink: { href: '#/people/teams', label: 'See the teams' },
    }),
    [teams, database],
  );
  return <ImportWizard config={config} />;
}

function PeopleImport({ data }: { data: PeopleData }) {
  const database = useDatabase();
  const { people, teams } = data;
  const [createTeams, setCreateTeams] = useState(true);
  const [newTeamKind, setNewTeamKind] = useState<TeamKind>('product');

  const config = useMemo(
    (): ImportWizardConfig<PersonImportRow, PeopleImportPlan, PeopleImportResult> => ({
      title: 'Import people',
      definition: peopleImport,
      sources: [csvSource('person', 'name, team, roles, can seed (yes or no), notes')],
      plan: (parsed: ParsedRecords<PersonImportRow>) =>
        planPeopleImport({ people, teams }, parsed, { createTeams, newTeamKind }),
      planFacts: (plan) => [{ label: 'new teams', count: plan.teamsToCreate.length }],
      planOptions: (plan) =>
        plan.unknownTeams.length > 0 && (
          <fieldset className="import-unknown-teams">
            <legend>Teams not found</legend>
            <p>
              The file names {count(plan.unknownTeams.length, 'team')} that{' '}
              {plan.unknownTeams.length === 1 ? 'does' : 'do'} not exist yet:{' '}
              {plan.unknownTeams
                .slice(0, LISTED_TEAMS)
                .map((t) => `${t.name} (${count(t.rows, 'person', 'people')})`)
                .join(', ')}
              {plan.unknownTeams.length > LISTED_TEAMS &&
                `, and ${plan.unknownTeams.length - LISTED_TEAMS} more`}
              .
            </p>
            <div className="toolbar">
              <label className="import-create-teams">
                <input
                  type="checkbox"
                  checked={createTeams}
                  onChange={(e) => setCreateTeams(e.target.checked)}
                />
                Create {plan.unknownTeams.length === 1 ? 'it' : 'them'} with the import, as
              </label>
              <select
                aria-label="Kind of the new teams"
                value={newTeamKind}
                disabled={!createTeams}
                onChange={(e) => setNewTeamKind(e.target.value as TeamKind)}
              >
                {TEAM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {TEAM_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            {!createTeams && (
              <p className="muted">
                The rows that name them are not imported; each is listed below with why.
              </p>
            )}
          </fieldset>
        ),
      apply: (plan, options) => applyPeopleImport(plan, options, database),
      resultFacts: (result) => [{ label: 'teams created', count: result.teamsCreated }],
      note: NOTE,
      doneLink: { href: '#/people', label: 'See the people' },
    }),
    [people, teams, createTeams, newTeamKind, database],
  );
  return <ImportWizard config={config} />;
}
