/**
 * Bringing a portfolio in: the one import wizard (renderer/ui/import) with the apps' definition
 * (shared/import/apps) and the apps' import command (data/import.ts). Two kinds of file: a CSV
 * (spreadsheet, CMDB export) whose columns are mapped to the app fields, and a Backstage catalog
 * (YAML, or the catalog API's JSON) whose Components become apps and Groups teams.
 */
import { useMemo } from 'react';
import { catalogFromFiles, describeLocations } from '../../../shared/import/apps/backstage';
import { appsImport } from '../../../shared/import/apps/definition';
import { planImport, type ImportPlan } from '../../../shared/import/apps/plan';
import type { AppImportRecord, AppImportResult, TeamImportRecord } from '../../../shared/import/apps/records';
import type { ParsedRecords } from '../../../shared/import/definition';
import { readDocuments } from '../../../shared/import/read/documents';
import { ImportFileError, rejectedRowCount } from '../../../shared/import/types';
import { ALL_FILES_FILTER } from '../../../shared/ipc/contract';
import { ImportWizard as Wizard } from '../../ui/import/ImportWizard';
import type { ImportWizardConfig, LoadedFile, RecordsReading } from '../../ui/import/types';
import { useDatabase } from '../../db/DatabaseContext';
import { applyImport } from './data/import';
import { count } from './parts';
import type { AppsData } from './data/queries';

/** A catalog also declares teams (its Groups); a CSV only names them. */
type AppsParsed = ParsedRecords<AppImportRecord> & { teams?: TeamImportRecord[] };

/** Reads one catalog file, or several chosen together, into records, with what was left out and why. */
function readCatalog(files: LoadedFile[]): RecordsReading<AppsParsed> {
  const catalog = catalogFromFiles(
    files.map((file) => {
      try {
        return { name: file.name, documents: readDocuments(file.name, file.content) };
      } catch (error) {
        if (files.length > 1 && error instanceof ImportFileError)
          throw new ImportFileError(`${file.name}: ${error.message}`);
        throw error;
      }
    }),
  );
  const skipped = catalog.skipped.reduce((n, s) => n + s.count, 0);
  const rejected = rejectedRowCount(catalog.rejected);
  const notes = [
    describeLocations(
      catalog.locations,
      files.map((f) => f.name),
    ),
    catalog.skipped.length > 0 &&
      `Skipped: ${catalog.skipped.map((s) => `${s.reason} (${s.count})`).join(', ')}. Only Components and Groups are imported.`,
  ].filter((line): line is string => typeof line === 'string');
  return {
    parsed: {
      records: catalog.apps,
      teams: catalog.teams,
      rejected: catalog.rejected,
      skipped: catalog.skipped,
    },
    facts: [
      { label: 'components', count: catalog.apps.length },
      { label: 'groups', count: catalog.teams.length },
      { label: 'other entities skipped', count: skipped },
      { label: 'documents rejected', count: rejected, bad: catalog.rejected.length > 0 },
    ],
    ...(notes.length > 0 && { note: notes.join(' ') }),
  };
}

export default function ImportWizard({ data }: { data: AppsData }) {
  const database = useDatabase();
  const { apps, teams } = data;

  const config = useMemo(
    (): ImportWizardConfig<AppImportRecord, ImportPlan, AppImportResult, AppsParsed> => ({
      title: 'Import apps',
      definition: appsImport,
      sources: [
        {
          kind: 'table',
          id: 'csv',
          label: 'CSV file',
          hint: 'A spreadsheet or CMDB export with a header row: one app per row.',
          dialogTitle: 'Import apps from a CSV file',
          filters: [{ name: 'CSV or TSV', extensions: ['csv', 'tsv', 'txt'] }, ALL_FILES_FILTER],
        },
        {
          kind: 'records',
          id: 'backstage',
          label: 'Backstage catalog',
          hint:
            'catalog-info.yaml or an entity dump, or several files together (a Location and the files it names): ' +
            'Components become apps, Groups become teams (one per Group, found again by its entity ref).',
          dialogTitle: 'Import a Backstage catalog',
          filters: [
            { name: 'Backstage catalog (YAML or JSON)', extensions: ['yaml', 'yml', 'json'] },
            ALL_FILES_FILTER,
          ],
          heading: 'Backstage catalog',
          read: (file) => readCatalog([file]),
          readMany: readCatalog,
          columns: [
            { label: 'Document', value: (a) => a.location.replace(/(^|, )Document /, '$1') },
            { label: 'App', value: (a) => a.name },
            { label: 'Team', value: (a) => a.teamName ?? '' },
            { label: 'System', value: (a) => a.system },
            { label: 'Lifecycle', value: (a) => a.lifecycle },
            { label: 'External id', value: (a) => a.externalId ?? '' },
          ],
          rejectedTitle: 'Documents that will not be imported',
          importLabel: (plan) =>
            `Import ${count(plan.creates.length + plan.updates.length, 'app')}${
              plan.teamsToCreate.length > 0 ? ` and ${count(plan.teamsToCreate.length, 'team')}` : ''
            }`,
        },
      ],
      plan: (parsed) =>
        planImport(
          { apps, teams },
          {
            apps: parsed.records,
            teams: 'teams' in parsed ? (parsed.teams ?? []) : [],
            rejected: parsed.rejected,
            skipped: parsed.skipped,
            warnings: parsed.warnings ?? [],
            values: parsed.values ?? {},
          },
        ),
      planFacts: (plan) => [
        { label: 'new teams', count: plan.teamsToCreate.length },
        { label: 'teams updated', count: plan.teamsToUpdate.length },
      ],
      apply: (plan, options) => applyImport(plan, options, database),
      resultFacts: (result) => [
        { label: 'teams created', count: result.teamsCreated },
        { label: 'teams updated', count: result.teamsUpdated },
      ],
      note:
        'Importing the same file again updates the apps it matches (by external id, else by name) and ' +
        'creates no duplicates. Empty cells never erase what is stored.',
      doneLink: { href: '#/apps', label: 'See the apps' },
    }),
    [apps, teams, database],
  );

  return <Wizard config={config} />;
}
