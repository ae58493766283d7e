// @vitest-environment jsdom
/**
 * The one import wizard, driven by a made-up entity (people) and a fake import command, with no
 * apps code: it works for any area that brings a field list and a command. Keyboard first: the
 * file button, the column selects and Import are reached with Tab and used with Enter.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { z } from 'zod';
import type { CellResult, EntityImport, ParsedRecords, RecordPlan } from '../../../shared/import/definition';
import { planRecords } from '../../../shared/import/matching';
import { readDocuments } from '../../../shared/import/read/documents';
import {
  ImportCanceledError,
  type ImportApplyOptions,
  type ImportResult,
} from '../../../shared/import/types';
import type { OpenFileResponse } from '../../../shared/ipc/contract';
import type { ChangeSet } from '../../../renderer/db/changes';
import { useUi } from '../../../renderer/store/ui';
import { ImportWizard } from '../../../renderer/ui/import/ImportWizard';
import type { ImportWizardConfig } from '../../../renderer/ui/import/types';
import { Toasts } from '../../../renderer/ui/Toasts';

const files = vi.hoisted(() => ({ next: [] as OpenFileResponse[], requests: [] as unknown[] }));
vi.mock('../../../renderer/desktop', () => ({
  desktop: {
    openFile: async (request: unknown) => {
      files.requests.push(request);
      return files.next.shift() ?? { status: 'canceled' };
    },
    saveFile: async () => ({ status: 'canceled' }),
    appInfo: async () => ({}),
  },
}));

afterEach(() => {
  cleanup();
  files.next.length = 0;
  files.requests.length = 0;
  useUi.setState({ toasts: [] });
});

interface Person {
  name: string;
  email: string | null;
  canSeed?: boolean;
}
interface StoredPerson {
  id: string;
  name: string;
  email: string | null;
}

function parseYesNo(cell: string): CellResult<boolean> {
  if (/^(yes|y|true)$/i.test(cell)) return { value: true };
  if (/^(no|n|false)$/i.test(cell)) return { value: false };
  return { problem: `“${cell}” is not yes or no` };
}

const people: EntityImport<Person, 'name' | 'email' | 'canSeed', StoredPerson> = {
  noun: { one: 'person', many: 'people' },
  fields: [
    {
      field: 'name',
      label: 'Name',
      required: true,
      synonyms: ['name', 'full name'],
      whenEmpty: 'is empty; every person needs a name',
    },
    { field: 'email', label: 'Email', required: false, synonyms: ['email', 'e-mail'] },
    {
      field: 'canSeed',
      label: 'Can seed',
      required: false,
      synonyms: ['can seed', 'seeds'],
      parse: parseYesNo,
    },
  ],
  toRecord: (row) => {
    const person: Person = { name: row.text('name'), email: row.text('email') || null };
    const canSeed = row.value<boolean>('canSeed');
    if (canSeed !== undefined) person.canSeed = canSeed;
    return person;
  },
  schema: z.object({ email: z.email('Email is not an email address').nullable() }),
  matchBy: [
    { name: 'email', field: 'email', ofRecord: (p) => p.email, ofStored: (p) => p.email },
    {
      name: 'name',
      field: 'name',
      ofRecord: (p) => p.name.toLowerCase(),
      ofStored: (p) => p.name.toLowerCase(),
    },
  ],
};

type Apply = (
  plan: RecordPlan<Person>,
  options: ImportApplyOptions,
) => Promise<ImportResult & { undo?: ChangeSet }>;

function configFor(
  stored: StoredPerson[],
  apply: Apply,
  extra: Partial<ImportWizardConfig<Person, RecordPlan<Person>, ImportResult>> = {},
): ImportWizardConfig<Person, RecordPlan<Person>, ImportResult> {
  return {
    title: 'Import people',
    definition: people,
    sources: [
      {
        kind: 'table',
        id: 'csv',
        label: 'CSV file',
        hint: 'One person per row.',
        dialogTitle: 'Import people',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      },
    ],
    plan: (parsed) => planRecords(people, stored, parsed),
    apply,
    doneLink: { href: '#/people', label: 'See the people' },
    ...extra,
  };
}

/** What the fake command wrote, and a result like an area's command returns. */
function fakeApply(written: Person[]): Apply {
  return async (plan, { onProgress }) => {
    const records = [...plan.creates, ...plan.updates.map((u) => u.record)];
    written.push(...records);
    onProgress?.({ done: records.length, total: records.length });
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      skipped: plan.skipped,
      rejected: plan.rejected,
      undo: {
        label: `Imported ${records.length} people`,
        changes: records.map((r, i) => ({ table: 'people', id: `p${i}`, after: undefined })),
      } as unknown as ChangeSet,
    };
  };
}

const opened = (name: string, content: string): OpenFileResponse => ({
  status: 'opened',
  name,
  size: content.length,
  content,
});

/** Presses Tab until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(user: UserEvent, target: HTMLElement) {
  for (let i = 0; i < 40 && document.activeElement !== target; i++) await user.tab();
  expect(target).toHaveFocus();
}

const CSV = [
  'Full name,Mail,Seeds',
  'Ada Lovelace,ada@example.org,yes',
  ',nobody@example.org,no',
  'Grace Hopper,grace@example.org,maybe',
  'Linus,linus@example.org,no',
  'Edsger,not an address,',
].join('\n');

describe('the import wizard, for an entity it knows nothing about', () => {
  it('goes from a file to the result with the keyboard: mapping, preview with each row’s problems, import', async () => {
    const user = userEvent.setup();
    const written: Person[] = [];
    const stored = [{ id: 'p1', name: 'Ada Lovelace', email: 'ada@example.org' }];
    render(
      <>
        <ImportWizard config={configFor(stored, fakeApply(written))} />
        <Toasts />
      </>,
    );
    expect(screen.getByRole('region', { name: 'Import people' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument(); // one kind of file: no choice to make

    files.next.push(opened('people.csv', CSV));
    await tabTo(user, screen.getByRole('button', { name: 'Choose file…' }));
    await user.keyboard('{Enter}');
    expect(files.requests).toEqual([
      expect.objectContaining({ title: 'Import people', filters: [{ name: 'CSV', extensions: ['csv'] }] }),
    ]);

    // The mapping is guessed from the synonyms; the step's heading takes the focus.
    expect(await screen.findByRole('heading', { name: 'Map the columns' })).toHaveFocus();
    const email = screen.getByRole('combobox', { name: 'Email' });
    expect(screen.getByRole('combobox', { name: /Name/ })).toHaveValue('0');
    expect(email).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Can seed' })).toHaveValue('2');

    // Email was not guessed ("Mail"): choose its column with the keyboard.
    await tabTo(user, email);
    await user.selectOptions(email, 'Mail');
    expect(email).toHaveValue('1');

    const preview = screen.getByRole('table', { name: 'Preview' });
    const rows = within(preview).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Row', 'Problems', 'Name', 'Email', 'Can seed']);
    expect(rows[1]).toHaveTextContent('OK');
    expect(rows[2]).toHaveTextContent('Name: is empty; every person needs a name');
    // An optional value that cannot be read is left empty; the row is still imported.
    expect(rows[3]).toHaveTextContent('Can seed: “maybe” is not yes or no; left empty');
    expect(rows[5]).toHaveTextContent('Email: Email is not an email address');
    expect(screen.getByRole('list', { name: 'What the import will do' })).toHaveTextContent(
      /2 new people.*1 people updated.*2 rejected/,
    );

    await tabTo(user, screen.getByRole('button', { name: 'Import 3 people' }));
    await user.keyboard('{Enter}');

    const result = await screen.findByRole('list', { name: 'Import result' });
    expect(result).toHaveTextContent('2 created');
    expect(result).toHaveTextContent('1 updated');
    expect(result).toHaveTextContent('0 skipped');
    expect(result).toHaveTextContent('2 rejected');
    expect(screen.getByRole('heading', { name: 'Imported people.csv' })).toHaveFocus();
    const rejected = within(screen.getByRole('table', { name: 'Rejected rows' })).getAllByRole('row');
    expect(
      rejected.slice(1).map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Row 3', 'Name', 'is empty; every person needs a name'],
      ['Row 6', 'Email', 'Email is not an email address'],
    ]);
    expect(written.map((p) => p.name)).toEqual(['Grace Hopper', 'Linus', 'Ada Lovelace']);
    expect(written.find((p) => p.name === 'Grace Hopper')!.canSeed).toBeUndefined();
    expect(screen.getByRole('link', { name: 'See the people' })).toHaveAttribute('href', '#/people');

    // The whole import can be undone from the message it leaves.
    expect(await screen.findByText('Imported people.csv: 2 created, 1 updated.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(screen.getByRole('heading', { name: 'Import people' })).toHaveFocus();
  });

  it('says which required column is missing and keeps Import disabled until it is chosen', async () => {
    const user = userEvent.setup();
    render(<ImportWizard config={configFor([], fakeApply([]))} />);
    files.next.push(opened('people.csv', 'Who,Mail\nAda,ada@example.org\n'));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file has no column for “Name”. Choose which column holds it. Its columns are: “Who”, “Mail”.',
    );
    const name = screen.getByRole('combobox', { name: /Name/ });
    expect(name).toBeInvalid();
    expect(name).toBeRequired();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    await user.selectOptions(name, 'Who');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 1 person' })).toBeEnabled();
  });

  it('cancels an import with the keyboard: nothing is kept and the wizard says so', async () => {
    const user = userEvent.setup();
    const apply: Apply = (plan, { signal, onProgress }) =>
      new Promise((_resolve, reject) => {
        onProgress?.({ done: 0, total: plan.creates.length });
        signal?.addEventListener('abort', () => reject(new ImportCanceledError()));
      });
    render(<ImportWizard config={configFor([], apply)} />);
    files.next.push(opened('people.csv', 'Name\nAda\nGrace\n'));
    await user.click(screen.getByRole('button', { name: 'Choose file…' }));
    await user.click(await screen.findByRole('button', { name: 'Import 2 people' }));

    expect(await screen.findByRole('heading', { name: 'Importing…' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('0 of 2 people');
    await tabTo(user, screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The import was canceled. Nothing was changed.',
    );
    expect(screen.getByRole('button', { name: 'Choose file…' })).toBeEnabled();
  });

  it('reads a dropped UTF-16 file by its byte order mark, for the source its extension names', async () => {
    const written: Person[] = [];
    const json = {
      kind: 'records' as const,
      id: 'json',
      label: 'JSON export',
      hint: 'A list of people from the HR system.',
      dialogTitle: 'Import people from JSON',
      filters: [{ name: 'JSON', extensions: ['json'] }],
      heading: 'People in the export',
      read: (file: { name: string; content: string | Uint8Array | ArrayBuffer }) => {
        const [doc] = readDocuments(file.name, file.content);
        const list = doc && 'value' in doc && Array.isArray(doc.value) ? (doc.value as Person[]) : [];
        const parsed: ParsedRecords<Person> = {
          records: list.map((p, i) => ({ ...p, location: `Item ${i + 1}` })),
          rejected: [],
          skipped: [],
        };
        return { parsed, facts: [{ label: 'people', count: list.length }] };
      },
      columns: [
        { label: 'Item', value: (p: Person & { location: string }) => p.location },
        { label: 'Name', value: (p: Person) => p.name },
      ],
      rejectedTitle: 'Items that will not be imported',
    };
    const config = configFor([], fakeApply(written));
    render(<ImportWizard config={{ ...config, sources: [...config.sources, json] }} />);
    expect(screen.getByRole('radio', { name: /CSV file/ })).toBeChecked();

    const text = JSON.stringify([{ name: 'Zoë Ångström', email: null }]);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    const file = new File([bytes], 'people.json', { type: 'application/json' });

    const card = screen.getByRole('heading', { name: 'Import people' }).parentElement!;
    const drop = createEvent.drop(card, { dataTransfer: { files: [file], types: ['Files'] } });
    fireEvent(card, drop);

    expect(await screen.findByRole('heading', { name: 'People in the export' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'What the file holds' })).toHaveTextContent('1 people');
    expect(screen.getByRole('table', { name: 'Preview' })).toHaveTextContent('Zoë Ångström');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Import 1 person' }));
    await waitFor(() => expect(written.map((p) => p.name)).toEqual(['Zoë Ångström']));
  });
});
