// @vitest-environment jsdom
/**
 * The initial phase's staffing check on Plan's cycle detail: the platform team's roles with who
 * holds them, an empty role flagged, a missing platform team said, and nothing on a scaling cycle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import type { AdoptionDatabase } from '../../../renderer/db/database';
import PlatformStaffing from '../../../renderer/features/people/PlatformStaffing';
import { createPerson, savePerson } from '../../../renderer/features/people/data/people';
import { createTeam } from '../../../renderer/features/people/data/teams';
import { AREAS, CONTRIBUTIONS } from '../../../renderer/areas';
import { freshDb, resetAll } from './helpers';

afterEach(resetAll);

const initial = { id: 'c0', phase: 'initial' as const };

function show(database: AdoptionDatabase, cycle: { id: string; phase: 'initial' | 'scaling' } = initial) {
  return render(
    <DatabaseProvider database={database}>
      <PlatformStaffing cycle={cycle} />
    </DatabaseProvider>,
  );
}

describe('the platform team staffing check', () => {
  it('is contributed to the cycle detail on Plan', () => {
    const panel = AREAS.find((a) => a.id === 'people')?.contributes?.cycleDetail;
    expect(panel).toBeDefined();
    expect(CONTRIBUTIONS.cycleDetail).toContain(panel);
  });

  it('lists who holds each role and flags the role nobody holds, following changes', async () => {
    const database = freshDb();
    const nimbus = await createTeam({ name: 'Nimbus', kind: 'platform' }, database);
    await createPerson({ name: 'Olga Owner', teamId: nimbus.id, roles: ['platform-owner'] }, database);
    await createPerson({ name: 'Ana Ruiz', teamId: nimbus.id, roles: ['engineer', 'advocate'] }, database);
    const ops = await createPerson({ name: 'Ben Ops', teamId: nimbus.id, roles: ['developer'] }, database);
    show(database);

    const section = await screen.findByRole('region', { name: 'Platform team' });
    expect(within(section).getByTestId('staffing-state')).toHaveTextContent('1 role empty');
    expect(within(section).getByRole('note')).toHaveTextContent('No operator yet. Add a person');
    expect(within(section).getByRole('link', { name: 'Olga Owner' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^#\/people\//),
    );
    expect(section).toHaveTextContent('EngineersAna Ruiz');
    expect(section).toHaveTextContent('AdvocateAna Ruiz');

    await savePerson({ id: ops.id, input: { roles: ['operator'] } }, database);
    await waitFor(() =>
      expect(within(section).getByTestId('staffing-state')).toHaveTextContent('Every role staffed'),
    );
    expect(within(section).queryByRole('note')).toBeNull();
  });

  it('says when there is no platform team yet', async () => {
    const database = freshDb();
    await createTeam({ name: 'Payments', kind: 'product' }, database);
    show(database);
    const section = await screen.findByRole('region', { name: 'Platform team' });
    expect(within(section).getByTestId('staffing-state')).toHaveTextContent('4 roles empty');
    expect(within(section).getAllByRole('note')[0]).toHaveTextContent(
      'No platform team yet. Add a team of kind Platform',
    );
  });

  it('shows nothing on a scaling cycle', () => {
    const database = freshDb();
    const { container } = show(database, { id: 'c1', phase: 'scaling' });
    expect(container).toBeEmptyDOMElement();
  });
});
