/**
 * Bringing a portfolio in: pick a CSV (spreadsheet, CMDB export) or a Backstage catalog file,
 * map the CSV's columns to fields (guessed from the header names), preview every row's
 * problems, then import with a progress bar and Cancel, and read the result: created, updated,
 * skipped and rejected (with the reason for each rejected row).
 *
 * A file that is not what it claims (binary data, broken YAML, no name column, one 50 MB line)
 * is answered with a message saying why, before anything is written; and the import itself runs
 * in one transaction, so a failure or a cancel leaves the data as it was.
 */
import { useMemo, useRef, useState } from 'react';
import { parseBackstageCatalog } from '../../../shared/import/apps/backstage';
import {
  APP_IMPORT_FIELDS,
  guessCsvMapping,
  mapCsvRows,
  type AppImportField,
  type CsvMapping,
} from '../../../shared/import/apps/definition';
import { planImport, type ImportPlan } from '../../../shared/import/apps/plan';
import type { AppImportResult as ImportResult, ParsedImport } from '../../../shared/import/apps/records';
import { DEFAULT_MAX_BYTES, formatBytes } from '../../../shared/import/file-checks';
import { parseCsvFile, type ParsedCsv } from '../../../shared/import/read/csv';
import { rejectedRowCount, type ImportProgress, type RejectedRow } from '../../../shared/import/types';
import { desktop } from '../../desktop';
import { applyImport, ImportCanceledError } from './data/import';
import { describeError } from '../../db/errors';
import { useDatabase } from '../../db/DatabaseContext';
import { useUi } from '../../store/ui';
import { count } from './parts';
import type { AppsData } from './data/queries';

type Source = 'csv' | 'backstage';

/** Rows shown in the CSV preview; every row's problems are listed below it regardless. */
const PREVIEW_ROWS = 20;
/** Problems listed before "and N more" (a broken 20,000-row file must not freeze the page). */
const PROBLEM_LIMIT = 500;

interface LoadedFile {
  name: string;
  size: number;
  text: string;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'csv'; file: LoadedFile; csv: ParsedCsv }
  | { kind: 'backstage'; file: LoadedFile; parsed: ParsedImport }
  | { kind: 'importing'; progress: ImportProgress }
  | { kind: 'done'; result: ImportResult; fileName: string };

const SOURCES: { value: Source; label: string; hint: string }[] = [
  {
    value: 'csv',
    label: 'CSV file',
    hint: 'A spreadsheet or CMDB export with a header row: one app per row.',
  },
  {
    value: 'backstage',
    label: 'Backstage catalog',
    hint: 'catalog-info.yaml or an entity dump: Components become apps, Groups become teams.',
  },
];

/** Lets the browser paint (e.g. "Reading…") before a long synchronous parse. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default function ImportWizard({ data }: { data: AppsData }) {
  const database = useDatabase();
  const toast = useUi((s) => s.toast);
  const [source, setSource] = useState<Source>('csv');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [fileError, setFileError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const chooseFile = async () => {
    setFileError(null);
    try {
      const response = await desktop.openFile({
        title: source === 'csv' ? 'Import apps from a CSV file' : 'Import a Backstage catalog',
        filters:
          source === 'csv'
            ? [{ name: 'CSV', extensions: ['csv', 'txt'] }]
            : [{ name: 'Backstage catalog (YAML)', extensions: ['yaml', 'yml'] }],
        maxBytes: DEFAULT_MAX_BYTES,
      });
      if (response.status === 'canceled') return;
      if (response.status === 'too-large') {
        setFileError(
          `${response.name} is ${formatBytes(response.size)}; the largest file that can be imported is ${formatBytes(DEFAULT_MAX_BYTES)}. Nothing was imported.`,
        );
        return;
      }
      const file = { name: response.name, size: response.size, text: response.content };
      setStep({ kind: 'reading' });
      await nextFrame();
      if (source === 'csv') setStep({ kind: 'csv', file, csv: parseCsvFile(file.text) });
      else setStep({ kind: 'backstage', file, parsed: parseBackstageCatalog(file.text) });
    } catch (error) {
      setStep({ kind: 'choose' });
      setFileError(`${describeError(error)} Nothing was imported.`);
    }
  };

  const runImport = async (plan: ImportPlan, fileName: string) => {
    const controller = new AbortController();
    abortRef.current = controller;
    const total = plan.creates.length + plan.updates.length;
    setStep({ kind: 'importing', progress: { done: 0, total } });
    try {
      const result = await applyImport(
        plan,
        {
          signal: controller.signal,
          onProgress: (progress) => setStep({ kind: 'importing', progress }),
        },
        database,
      );
      setStep({ kind: 'done', result, fileName });
      toast({
        kind: 'success',
        text: `Imported ${fileName}: ${result.created} created, ${result.updated} updated.`,
      });
    } catch (error) {
      setStep({ kind: 'choose' });
      if (error instanceof ImportCanceledError) setFileError(error.message);
      else setFileError(`The import failed and was rolled back: ${describeError(error)}`);
    } finally {
      abortRef.current = null;
    }
  };

  const restart = () => {
    setStep({ kind: 'choose' });
    setFileError(null);
  };

  return (
    <section aria-label="Import apps" className="import-wizard">
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <div className="card">
          <h2>Import apps</h2>
          <fieldset className="source-choice">
            <legend>What are you importing?</legend>
            {SOURCES.map((s) => (
              <label key={s.value} className={`source-option${source === s.value ? ' is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="import-source"
                  value={s.value}
                  checked={source === s.value}
                  onChange={() => setSource(s.value)}
                />
                <span>
                  <strong>{s.label}</strong>
                  <small className="muted">{s.hint}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {fileError && (
            <div className="form-error" role="alert">
              {fileError}
            </div>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void chooseFile()}
              disabled={step.kind === 'reading'}
            >
              {step.kind === 'reading' ? 'Reading the file…' : 'Choose file…'}
            </button>
          </div>
          <p className="muted">
            Importing the same file again updates the apps it matches (by external id, else by name) and
            creates no duplicates. Empty cells never erase what is stored.
          </p>
        </div>
      )}

      {step.kind === 'csv' && (
        <CsvStep
          file={step.file}
          csv={step.csv}
          data={data}
          onCancel={restart}
          onImport={(plan) => void runImport(plan, step.file.name)}
        />
      )}

      {step.kind === 'backstage' && (
        <BackstageStep
          file={step.file}
          parsed={step.parsed}
          data={data}
          onCancel={restart}
          onImport={(plan) => void runImport(plan, step.file.name)}
        />
      )}

      {step.kind === 'importing' && (
        <div className="card import-progress">
          <h2>Importing…</h2>
          <progress
            className="progress"
            max={Math.max(1, step.progress.total)}
            value={step.progress.done}
            aria-label="Import progress"
          />
          <p role="status" aria-live="polite">
            {step.progress.done.toLocaleString('en')} of {step.progress.total.toLocaleString('en')} apps
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => abortRef.current?.abort()}>
              Cancel
            </button>
          </div>
          <p className="muted">Cancel rolls everything back: nothing from this file is kept.</p>
        </div>
      )}

      {step.kind === 'done' && <ResultStep result={step.result} fileName={step.fileName} onAgain={restart} />}
    </section>
  );
}

/** What the import will do, from the plan: shown before the user confirms. */
function PlanSummary({ plan }: { plan: ImportPlan }) {
  const rejectedRows = rejectedRowCount(plan.rejected);
  return (
    <ul className="import-stats" aria-label="What the import will do">
      <li>
        <strong>{plan.creates.length.toLocaleString('en')}</strong> new apps
      </li>
      <li>
        <strong>{plan.updates.length.toLocaleString('en')}</strong> apps updated
      </li>
      <li>
        <strong>{plan.teamsToCreate.length.toLocaleString('en')}</strong> new teams
      </li>
      <li className={rejectedRows ? 'is-bad' : undefined}>
        <strong>{rejectedRows.toLocaleString('en')}</strong> rejected
      </li>
      <li>
        <strong>{plan.skipped.toLocaleString('en')}</strong> skipped
      </li>
    </ul>
  );
}

/** The plan's numbers with the two ways on: import, or choose another file. */
function PlanBar({
  plan,
  label,
  onCancel,
  onImport,
}: {
  plan: ImportPlan | null;
  label: string;
  onCancel: () => void;
  onImport: (plan: ImportPlan) => void;
}) {
  const nothing = !plan || plan.creates.length + plan.updates.length + plan.teamsToCreate.length === 0;
  return (
    <div className="plan-bar">
      {plan && <PlanSummary plan={plan} />}
      <div className="toolbar plan-actions">
        <button type="button" onClick={onCancel}>
          Choose another file
        </button>
        <button type="button" className="primary" disabled={nothing} onClick={() => plan && onImport(plan)}>
          {label}
        </button>
      </div>
    </div>
  );
}

function ProblemList({ rejected, title }: { rejected: readonly RejectedRow[]; title: string }) {
  if (rejected.length === 0) return null;
  return (
    <div className="problem-list">
      <h3>{title}</h3>
      <div className="problem-scroll">
        <table className="data" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {rejected.slice(0, PROBLEM_LIMIT).map((r, i) => (
              <tr key={`${r.location}-${i}`}>
                <td>{r.location}</td>
                <td>{r.field || '—'}</td>
                <td>{r.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rejected.length > PROBLEM_LIMIT && (
        <p className="muted">…and {(rejected.length - PROBLEM_LIMIT).toLocaleString('en')} more problems.</p>
      )}
    </div>
  );
}

function FileHeader({ file, what }: { file: LoadedFile; what: string }) {
  return (
    <p className="muted">
      {what} <strong>{file.name}</strong> ({formatBytes(file.size)})
    </p>
  );
}

function CsvStep({
  file,
  csv,
  data,
  onCancel,
  onImport,
}: {
  file: LoadedFile;
  csv: ParsedCsv;
  data: AppsData;
  onCancel: () => void;
  onImport: (plan: ImportPlan) => void;
}) {
  const [mapping, setMapping] = useState<CsvMapping>(() => guessCsvMapping(csv.headers));

  const outcome = useMemo((): { parsed: ParsedImport } | { error: string } => {
    try {
      return { parsed: mapCsvRows(csv, mapping) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }, [csv, mapping]);
  const plan = useMemo(
    () => ('parsed' in outcome ? planImport({ apps: data.apps, teams: data.teams }, outcome.parsed) : null),
    [outcome, data.apps, data.teams],
  );

  const problemsByRow = useMemo(() => {
    const map = new Map<string, RejectedRow[]>();
    for (const r of plan?.rejected ?? []) map.set(r.location, [...(map.get(r.location) ?? []), r]);
    return map;
  }, [plan]);

  const mapped = APP_IMPORT_FIELDS.filter((f) => mapping[f.field] !== undefined);

  const setField = (field: AppImportField, value: string) =>
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });

  return (
    <div className="card">
      <h2>Map the columns</h2>
      <FileHeader file={file} what={`${count(csv.rows.length, 'row')} in`} />
      <div className="mapping-grid">
        {APP_IMPORT_FIELDS.map((f) => {
          const id = `map-${f.field}`;
          return (
            <div className="field" key={f.field}>
              <label htmlFor={id}>
                {f.label}
                {f.required && <span aria-hidden="true"> *</span>}
              </label>
              <select
                id={id}
                value={mapping[f.field] ?? ''}
                onChange={(e) => setField(f.field, e.target.value)}
                aria-invalid={f.required && mapping[f.field] === undefined ? true : undefined}
              >
                <option value="">{f.required ? '— choose a column —' : 'Not imported'}</option>
                {csv.headers.map((h, i) => (
                  <option key={i} value={i}>
                    {h || `Column ${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>

      {'error' in outcome && (
        <div className="form-error" role="alert">
          {outcome.error}
        </div>
      )}
      <PlanBar
        plan={plan}
        label={plan ? `Import ${count(plan.creates.length + plan.updates.length, 'app')}` : 'Import'}
        onCancel={onCancel}
        onImport={onImport}
      />
      {plan && (
        <>
          <h3>Preview</h3>
          <div className="preview-scroll">
            <table className="data preview-table" aria-label="Preview">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Problems</th>
                  {mapped.map((f) => (
                    <th scope="col" key={f.field}>
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {csv.rows.slice(0, PREVIEW_ROWS).map((row, i) => {
                  const location = `Row ${i + 2}`;
                  const problems = problemsByRow.get(location) ?? [];
                  return (
                    <tr key={i} className={problems.length ? 'has-problem' : undefined}>
                      <td>{i + 2}</td>
                      <td className="problems-cell">
                        {problems.length === 0 ? (
                          <span className="ok">OK</span>
                        ) : (
                          problems.map((p, j) => (
                            <div key={j} className="problem">
                              {p.field ? `${p.field}: ` : ''}
                              {p.problem}
                            </div>
                          ))
                        )}
                      </td>
                      {mapped.map((f) => (
                        <td key={f.field}>{row[mapping[f.field]!] ?? ''}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {csv.rows.length > PREVIEW_ROWS && (
            <p className="muted">
              Showing the first {PREVIEW_ROWS} of {csv.rows.length.toLocaleString('en')} rows; the problems of
              every row are listed below.
            </p>
          )}
          <ProblemList rejected={plan.rejected} title="Rows that will not be imported" />
        </>
      )}
    </div>
  );
}

function BackstageStep({
  file,
  parsed,
  data,
  onCancel,
  onImport,
}: {
  file: LoadedFile;
  parsed: ParsedImport;
  data: AppsData;
  onCancel: () => void;
  onImport: (plan: ImportPlan) => void;
}) {
  const plan = useMemo(
    () => planImport({ apps: data.apps, teams: data.teams }, parsed),
    [parsed, data.apps, data.teams],
  );
  return (
    <div className="card">
      <h2>Backstage catalog</h2>
      <FileHeader file={file} what="Read" />
      <ul className="import-stats" aria-label="What the file holds">
        <li>
          <strong>{parsed.apps.length.toLocaleString('en')}</strong> components
        </li>
        <li>
          <strong>{parsed.teams.length.toLocaleString('en')}</strong> groups
        </li>
        <li>
          <strong>{parsed.skipped.reduce((n, s) => n + s.count, 0).toLocaleString('en')}</strong> other
          entities skipped
        </li>
        <li className={parsed.rejected.length ? 'is-bad' : undefined}>
          <strong>{rejectedRowCount(parsed.rejected).toLocaleString('en')}</strong> documents rejected
        </li>
      </ul>
      {parsed.skipped.length > 0 && (
        <p className="muted">
          Skipped: {parsed.skipped.map((s) => `${s.reason} (${s.count})`).join(', ')}. Only Components and
          Groups are imported.
        </p>
      )}
      <h3>The import will make</h3>
      <PlanBar
        plan={plan}
        label={`Import ${count(plan.creates.length + plan.updates.length, 'app')}${
          plan.teamsToCreate.length > 0 ? ` and ${count(plan.teamsToCreate.length, 'team')}` : ''
        }`}
        onCancel={onCancel}
        onImport={onImport}
      />
      {parsed.apps.length > 0 && (
        <div className="preview-scroll">
          <table className="data preview-table" aria-label="Preview">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">App</th>
                <th scope="col">Team</th>
                <th scope="col">System</th>
                <th scope="col">Lifecycle</th>
                <th scope="col">External id</th>
              </tr>
            </thead>
            <tbody>
              {parsed.apps.slice(0, PREVIEW_ROWS).map((a) => (
                <tr key={a.location}>
                  <td>{a.location.replace('Document ', '')}</td>
                  <td>{a.name}</td>
                  <td>{a.teamName ?? ''}</td>
                  <td>{a.system}</td>
                  <td>{a.lifecycle}</td>
                  <td>{a.externalId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProblemList rejected={plan.rejected} title="Documents that will not be imported" />
    </div>
  );
}

function ResultStep({
  result,
  fileName,
  onAgain,
}: {
  result: ImportResult;
  fileName: string;
  onAgain: () => void;
}) {
  const rejectedRows = rejectedRowCount(result.rejected);
  return (
    <div className="card import-result" role="status" aria-live="polite">
      <h2>Imported {fileName}</h2>
      <ul className="import-stats" aria-label="Import result">
        <li>
          <strong>{result.created.toLocaleString('en')}</strong> created
        </li>
        <li>
          <strong>{result.updated.toLocaleString('en')}</strong> updated
        </li>
        <li>
          <strong>{result.skipped.toLocaleString('en')}</strong> skipped
        </li>
        <li className={rejectedRows ? 'is-bad' : undefined}>
          <strong>{rejectedRows.toLocaleString('en')}</strong> rejected
        </li>
        <li>
          <strong>{result.teamsCreated.toLocaleString('en')}</strong> teams created
        </li>
      </ul>
      <ProblemList rejected={result.rejected} title="Rejected rows" />
      <div className="form-actions">
        <button type="button" onClick={onAgain}>
          Import another file
        </button>
        <a className="button primary" href="#/apps">
          See the apps
        </a>
      </div>
    </div>
  );
}
