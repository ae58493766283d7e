/**
 * The one import wizard, for any area: choose a file (or drop it) → map its columns to the
 * entity's fields, or read it straight into records → preview what the import will do with every
 * row's problems → import in one transaction with progress and Cancel → the result, with Undo.
 * What an area imports, and how, comes in `config` (types.ts): its entity definition, the kinds of
 * file it takes, its plan against what is stored and its import command; this knows no area.
 *
 * A file that is not what it claims (binary data, broken YAML, no column for a required field, one
 * 50 MB line) is answered with a message saying why, before anything is written; the command runs
 * in one transaction, so a failure or a cancel leaves the data as it was.
 */
import { useState } from 'react';
import type { ParsedRecords, RecordPlan } from '../../../shared/import/definition';
import { DEFAULT_MAX_BYTES, formatBytes } from '../../../shared/import/file-checks';
import { parseCsvFile, type ParsedCsv } from '../../../shared/import/read/csv';
import { ImportFileError, type ImportResult } from '../../../shared/import/types';
import { describeError } from '../../db/errors';
import { desktop } from '../../desktop';
import { ChooseFileStep } from './ChooseFileStep';
import { MapColumnsStep } from './MapColumnsStep';
import { ProgressStep } from './ProgressStep';
import { RecordsStep } from './RecordsStep';
import { ResultStep } from './ResultStep';
import {
  mapsTables,
  type ImportSource,
  type ImportWizardConfig,
  type LoadedFile,
  type RecordsReading,
} from './types';
import { useImportRun } from './use-import-run';
import './import-wizard.css';

interface FileInfo {
  name: string;
  size: number;
}

type Step<R> =
  | { kind: 'choose'; focus: boolean }
  | { kind: 'reading' }
  | { kind: 'table'; sourceId: string; file: FileInfo; table: ParsedCsv }
  | { kind: 'records'; sourceId: string; file: FileInfo; reading: RecordsReading<R> };

/** Lets the browser paint (e.g. "Reading…") before a long synchronous parse. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function tooLarge(name: string, size: number): ImportFileError {
  return new ImportFileError(
    `${name} is ${formatBytes(size)}; the largest file that can be imported is ${formatBytes(DEFAULT_MAX_BYTES)}.`,
  );
}

/** A dropped file's bytes (FileReader: Blob.arrayBuffer is missing in some environments, jsdom among them). */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/** The source a dropped file is for: the one whose dialog filters name its extension, else `current`. */
function sourceForFile<T, R extends ParsedRecords<T>, P>(
  sources: readonly ImportSource<T, R, P>[],
  name: string,
  current: string,
): string {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const matching = sources.filter((s) =>
    s.filters.some((f) => f.extensions.some((e) => e.toLowerCase() === extension)),
  );
  return matching.some((s) => s.id === current) || matching.length === 0 ? current : matching[0]!.id;
}

/** A source that reads several files chosen together. */
function readsMany<T, R extends ParsedRecords<T>, P>(source: ImportSource<T, R, P>): boolean {
  return source.kind === 'records' && source.readMany !== undefined;
}

export function ImportWizard<
  T,
  P extends RecordPlan<T>,
  Res extends ImportResult,
  R extends ParsedRecords<T> = ParsedRecords<T>,
>({ config }: { config: ImportWizardConfig<T, P, Res, R> }) {
  const { sources, definition } = config;
  const [sourceId, setSourceId] = useState(sources[0]?.id ?? '');
  const [step, setStep] = useState<Step<R>>({ kind: 'choose', focus: false });
  const [fileError, setFileError] = useState<string | null>(null);
  const run = useImportRun<P, Res>(config.apply);

  /** Reads a file (or several, for a source that reads many) with a source, or says why not (nothing is written either way). */
  const load = async (id: string, get: () => Promise<LoadedFile[]>) => {
    setFileError(null);
    try {
      const files = await get();
      const source = sources.find((s) => s.id === id);
      const file = files[0];
      if (!file || !source) return;
      setStep({ kind: 'reading' });
      await nextFrame();
      if (source.kind === 'table') {
        if (!mapsTables(definition))
          throw new Error(`${config.title} has no fields to map a table's columns to.`);
        const table = source.read ? source.read(file) : parseCsvFile(file.content);
        setStep({ kind: 'table', sourceId: id, file: { name: file.name, size: file.size }, table });
      } else if (source.readMany && files.length > 1) {
        const info = {
          name: `${file.name} and ${files.length - 1} more ${files.length === 2 ? 'file' : 'files'}`,
          size: files.reduce((sum, f) => sum + f.size, 0),
        };
        setStep({ kind: 'records', sourceId: id, file: info, reading: source.readMany(files) });
      } else {
        const info = { name: file.name, size: file.size };
        setStep({ kind: 'records', sourceId: id, file: info, reading: source.read(file) });
      }
    } catch (error) {
      setStep({ kind: 'choose', focus: false });
      setFileError(`${describeError(error)} Nothing was imported.`);
    }
  };

  const chooseFile = () => {
    const source = sources.find((s) => s.id === sourceId);
    if (!source) return;
    void load(sourceId, async () => {
      const response = await desktop.openFile({
        title: source.dialogTitle,
        filters: source.filters,
        maxBytes: DEFAULT_MAX_BYTES,
        multiple: readsMany(source),
      });
      if (response.status === 'canceled') return [];
      if (response.status === 'too-large') throw tooLarge(response.name, response.size);
      const { name, size, content, more = [] } = response;
      return [{ name, size, content }, ...more];
    });
  };

  const dropFiles = (dropped: File[]) => {
    const first = dropped[0];
    if (!first) return;
    const id = sourceForFile(sources, first.name, sourceId);
    const source = sources.find((s) => s.id === id);
    const files = source && readsMany(source) ? dropped : [first];
    setSourceId(id);
    void load(id, async () => {
      const total = files.reduce((sum, f) => sum + f.size, 0);
      const huge = files.find((f) => f.size > DEFAULT_MAX_BYTES);
      if (huge) throw tooLarge(huge.name, huge.size);
      if (total > DEFAULT_MAX_BYTES) throw tooLarge(`${files.length} files`, total);
      return Promise.all(
        files.map(async (f) => ({ name: f.name, size: f.size, content: await readBytes(f) })),
      );
    });
  };

  const startImport = async (plan: P, fileName: string) => {
    const problem = await run.start(plan, plan.creates.length + plan.updates.length, fileName);
    if (problem !== null) {
      setStep({ kind: 'choose', focus: true });
      setFileError(problem);
    }
  };

  const restart = () => {
    run.reset();
    setStep({ kind: 'choose', focus: true });
    setFileError(null);
  };

  const body = () => {
    if (run.state.kind === 'importing') {
      return <ProgressStep progress={run.state.progress} many={definition.noun.many} onCancel={run.cancel} />;
    }
    if (run.state.kind === 'done') {
      return (
        <ResultStep
          result={run.state.result}
          extra={config.resultFacts?.(run.state.result) ?? []}
          fileName={run.state.fileName}
          doneLink={config.doneLink}
          onAgain={restart}
        />
      );
    }
    // A table step exists only for a definition that maps rows (checked as the file is read).
    if (step.kind === 'table' && mapsTables(definition)) {
      return (
        <MapColumnsStep
          definition={definition}
          file={step.file}
          table={step.table}
          plan={config.plan}
          planFacts={config.planFacts}
          planOptions={config.planOptions}
          onCancel={restart}
          onImport={(plan) => void startImport(plan, step.file.name)}
        />
      );
    }
    if (step.kind === 'records') {
      const source = sources.find((s) => s.id === step.sourceId);
      if (source?.kind === 'records') {
        return (
          <RecordsStep
            definition={definition}
            source={source}
            file={step.file}
            reading={step.reading}
            plan={config.plan}
            planFacts={config.planFacts}
            planOptions={config.planOptions}
            onCancel={restart}
            onImport={(plan) => void startImport(plan, step.file.name)}
          />
        );
      }
    }
    return (
      <ChooseFileStep
        title={config.title}
        sources={sources}
        sourceId={sourceId}
        onSource={setSourceId}
        error={fileError}
        busy={step.kind === 'reading'}
        note={config.note}
        focus={step.kind === 'choose' && step.focus}
        onChoose={chooseFile}
        onDrop={dropFiles}
      />
    );
  };

  return (
    <section aria-label={config.title} className="import-wizard">
      {body()}
    </section>
  );
}
