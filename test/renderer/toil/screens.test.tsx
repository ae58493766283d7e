// @vitest-environment jsdom
/**
 * The Toil audits screens: an audit below the privacy threshold shows only its count (and shows
 * with a lower threshold), the response grid moves on after each digit and refuses a score out
 * of range naming the respondent and statement with nothing saved, a statement reworded on the
 * Template tab is flagged in a comparison across it, and the heat map's all-teams row leaves a
 * hidden team out.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AdoptionDatabase } from '../../../renderer/db/database';
import { DatabaseProvider } from '../../../renderer/db/DatabaseContext';
import { setPrivacyThreshold } from '../../../renderer/features/toil/data/preferences';
import { addResponses, saveAudit } from '../../../renderer/features/toil/data/toil';
import ToilScreen from '../../../renderer/features/toil/ToilScreen';
import { buildRecord } from '../../../renderer/db/repository';
import { useUi } from '../../../renderer/store/ui';
import {
  DECK_TOIL_TEMPLATE,
  teamInputSchema,
  toilItemInputSchema,
  type Team,
  type ToilItem,
} from '../../../shared/domain';

const opened: AdoptionDatabase[] = [];
afterEach(async () => {
  cleanup();
  // Back to jsdom's own (no layout) after the heat map's test.
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { offsetHeight?: number }).offsetHeight;
  useUi.setState({ toasts: [], route: '' });
  for (const d of opened.splice(0)) await d.delete();
});

async function setUp() {
  const database = new AdoptionDatabase(`toil-ui-${crypto.randomUUID()}`);
  opened.push(database);
  const items = DECK_TOIL_TEMPLATE.map(
    (i) =>
      buildRecord(toilItemInputSchema, {
        kind: i.kind,
        text: i.text,
        order: i.order,
        builtIn: true,
        reversed: i.reversed,
      }) as ToilItem,
  );
  await database.toilItems.bulkAdd(items);
  const teams = ['Payments', 'Lending'].map(
    (name) => buildRecord(teamInputSchema, { name, kind: 'product' }) as Team,
  );
  await database.teams.bulkAdd(teams);
  const statements = items.filter((i) => i.kind === 'statement');
  const audit = async (team: Team, date: string, scores: number[]) => {
    const { audit } = await saveAudit(
      { input: { title: `${team.name} ${date}`, date, teamId: team.id } },
      database,
    );
    if (scores.length)
      await addResponses(
        audit.id,
        scores.map((n) => ({ scores: { [statements[0]!.id]: n }, answers: {} })),
        database,
      );
    return audit;
  };
  return { database, items, statements, teams, audit };
}

function show(database: AdoptionDatabase, route: string) {
  return render(
    <DatabaseProvider database={database}>
      <ToilScreen route={route} />
    </DatabaseProvider>,
  );
}

describe('an audit’s results', () => {
  it('shows only the count below the threshold, and the results once the threshold allows', async () => {
    const { database, teams, audit, statements } = await setUp();
    const four = await audit(teams[0]!, '2026-03-02', [2, 3, 4, 5]);
    show(database, `toil/${four.id}`);
    expect(
      await screen.findByText(/Results show from 5 responses, .*1 more response needed/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /results/i })).toBeNull();
    expect(document.querySelector('table.toil-results')).toBeNull();

    await setPrivacyThreshold(4, database);
    expect(await screen.findByText(/Overall score/)).toBeInTheDocument();
    const row = within(document.querySelector('table.toil-results')!)
      .getByText(statements[0]!.text)
      .closest('tr')!;
    expect(within(row).getByText('3.5')).toBeInTheDocument();
  });
});

describe('the response grid', () => {
  // 135 inputs: generous time for a busy machine (user-event types key by key).
  it(
    'moves on after each digit, and refuses 7 naming the respondent and statement, saving nothing',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      const { database, teams, audit, statements, items } = await setUp();
      const empty = await audit(teams[0]!, '2026-03-02', []);
      show(database, `toil/${empty.id}`);
      const firstStatement = await screen.findByLabelText(`Respondent 1: ${statements[0]!.text}`);
      await user.click(firstStatement);
      await user.keyboard('4');
      expect((firstStatement as HTMLInputElement).value).toBe('4');
      expect(document.activeElement).toBe(screen.getByLabelText(`Respondent 1: ${statements[1]!.text}`));
      await user.keyboard('n5');
      expect((screen.getByLabelText(`Respondent 1: ${statements[2]!.text}`) as HTMLInputElement).value).toBe(
        '5',
      );
      // A pasted 7 is not moved past: the save names it.
      const second = screen.getByLabelText(`Respondent 2: ${statements[3]!.text}`);
      await user.click(second);
      await user.paste('7');
      await user.click(screen.getByRole('button', { name: 'Save 2 responses' }));
      const problems = await screen.findByRole('list', { name: 'Answers to fix' });
      expect(problems).toHaveTextContent(
        `Respondent 2, S4 “${statements[3]!.text}”: “7” is outside the 1 to 5 scale (or N/A for not applicable)`,
      );
      expect(await database.toilResponses.count()).toBe(0);
      expect(items.length).toBe(27);
    },
  );
});

describe('rewording and comparing', () => {
  it('flags a statement reworded between two audits of a team', async () => {
    const user = userEvent.setup();
    const { database, teams, audit, statements } = await setUp();
    const before = await audit(teams[0]!, '2020-03-02', [1, 2, 2, 2, 3]);
    const view = show(database, 'toil/template');
    await user.click(await screen.findByRole('button', { name: `Reword “${statements[0]!.text}”` }));
    const field = screen.getByRole('textbox', { name: 'New wording' });
    await user.clear(field);
    await user.type(field, 'We know what we build.');
    await user.click(screen.getByRole('button', { name: 'Save the wording' }));
    expect(await screen.findByText('We know what we build.')).toBeInTheDocument();
    view.unmount();

    const after = await audit(teams[0]!, '2099-01-04', [4, 4, 5, 5, 4]);
    show(database, `toil/compare/${before.id}/${after.id}`);
    expect(await screen.findByText(/1 statement improved, 0 got worse/)).toBeInTheDocument();
    expect(screen.getByText(/1 statement was reworded in between/)).toBeInTheDocument();
    expect(
      screen.getByText(`Reworded: the earlier audit asked “${statements[0]!.text}”`),
    ).toBeInTheDocument();
    expect(screen.getByText('+2.4')).toBeInTheDocument();
  });
});

describe('the heat map', () => {
  it('lists a hidden team without figures and leaves it out of the all-teams row', async () => {
    // jsdom lays nothing out: give the heat map's scroller a window's height so its rows are drawn.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
    const { database, teams, audit, statements } = await setUp();
    await audit(teams[0]!, '2026-03-02', [4, 4, 4, 4, 4]);
    await audit(teams[1]!, '2026-03-02', [1, 1, 1, 1]);
    show(database, 'toil/heatmap');
    expect(await screen.findByText(/1 team or app shown; 1 is hidden/)).toBeInTheDocument();
    const all = screen.getByText('All teams shown').closest('tr')!;
    expect(within(all).getAllByText('4.0')).toHaveLength(1);
    expect(screen.getByText('Hidden: 4 responses, fewer than 5')).toBeInTheDocument();
    expect(statements.length).toBe(21);
  });
});
