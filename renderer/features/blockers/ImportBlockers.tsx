/**
 * Importing a RAID log: the one import wizard (renderer/ui/import) with the blockers' definition
 * (shared/import/blockers), linked to the people, teams, cycles and apps stored now, and the
 * blockers' import command (data/import.ts). Unknown categories, owners and the like are listed
 * under "Map the values"; a row whose sub-category is left unmapped is rejected with its number.
 */
import { useMemo } from 'react';
import { cycleLabel } from '../../../shared/domain';
import { blockersImport, type BlockerImportRecord } from '../../../shared/import/blockers/definition';
import { planRecords } from '../../../shared/import/matching';
import type { ImportResult } from '../../../shared/import/types';
import { useDatabase } from '../../db/DatabaseContext';
import { ImportWizard } from '../../ui/import/ImportWizard';
import type { ImportWizardConfig } from '../../ui/import/types';
import { applyBlockerImport, type BlockerImportPlan } from './data/import';
import { useAppDirectory, useBlockerTitles, type BlockerLookups } from './data/queries';
import { today } from './parts';

export default function ImportBlockers({ lookups }: { lookups: BlockerLookups }) {
  const database = useDatabase();
  const apps = useAppDirectory();
  const stored = useBlockerTitles();

  const config = useMemo((): ImportWizardConfig<
    BlockerImportRecord,
    BlockerImportPlan,
    ImportResult
  > | null => {
    if (!apps || !stored) return null;
    const definition = blockersImport({
      people: lookups.people,
      teams: lookups.teams,
      cycles: lookups.cycles.map((c) => ({ id: c.id, index: c.index, label: cycleLabel(c) })),
      apps,
    });
    return {
      title: 'Import a RAID log',
      definition,
      sources: [
        {
          kind: 'table',
          id: 'csv',
          label: 'CSV file',
          hint: 'A RAID log or blocker list with a header row: one blocker per row, with its category and sub-category as the deck names them.',
          dialogTitle: 'Import blockers from a CSV file',
          filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }],
        },
      ],
      plan: (parsed) => planRecords(definition, stored, parsed),
      apply: (plan, options) => applyBlockerImport(plan, today(), options, database),
      note:
        'Categories and sub-categories are matched to the deck’s whatever their case and punctuation; others are ' +
        'listed for you to map. Importing the same log again updates the blockers it matches by title.',
      doneLink: { href: '#/blockers', label: 'See the register' },
    };
  }, [apps, stored, lookups, database]);

  if (!config) {
    return (
      <div role="status" className="empty">
        Loading…
      </div>
    );
  }
  return <ImportWizard config={config} />;
}
