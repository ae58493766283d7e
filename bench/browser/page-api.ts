/**
 * What the benchmark's page script (./page/bench-page.ts, injected into every page before the
 * app's own scripts) offers the harness, as plain data types: the harness runs in Node and
 * calls it through `page.evaluate`, the script runs in the page. No DOM types here, so both
 * sides can import it.
 */

/** One condition on the page: an element matching `selector` (with `text`), or none when `absent`. */
export interface Check {
  selector: string;
  /** The element's text must start with this (after trimming). */
  text?: string;
  /** The form control's current value must be exactly this. */
  value?: string;
  absent?: boolean;
}

/** All checks true: the screen or result the user waits for is on the page. */
export type Ready = readonly Check[];

export interface LongTaskReport {
  /** The longest task (PerformanceObserver 'longtask', so only tasks over 50 ms are seen); 0 when none. */
  longestMs: number;
  count: number;
  totalMs: number;
  /** The longest gap between two animation frames while observing. */
  longestFrameGapMs: number;
  /** Animation frames drawn while observing. */
  frames: number;
  /** What progress the page showed while observing (aria-valuenow / value of progress bars), in order. */
  progress: number[];
  durationMs: number;
}

export interface InteractionTiming {
  /** From the input event's timestamp to the frame after the result was drawn (double rAF). */
  ms: number;
  /** The longest Event Timing entry (input to next paint, as Chrome reports it) in the same span. */
  eventTimingMs: number | null;
  input: string;
}

export interface FirstScreenTiming {
  /** Milliseconds from navigation start to the frame after the screen was drawn. */
  ms: number;
  screen: string;
}

export interface RawResult {
  records: number;
  ms: number;
  perSecond: number;
  /** Long tasks while writing (rawWrite only). */
  longTasks?: LongTaskReport;
}

export interface BenchPageApi {
  /** The first of the configured screens drawn since navigation start, and when (see FirstScreenTiming). */
  firstScreen(): Promise<FirstScreenTiming>;
  /**
   * Arms the next input: the timing starts at the first input event after this call and ends
   * when `ready` has been drawn; it fails as soon as `fail` holds (an error on screen).
   */
  armInteraction(ready: Ready, timeoutMs: number, fail?: Ready): void;
  /** Resolves when the armed interaction's result has been drawn. */
  interactionDone(): Promise<InteractionTiming>;
  /** Waits until `ready` holds (no timing). */
  waitFor(ready: Ready, timeoutMs: number): Promise<void>;
  /** `watchProgress`: also record the values a progress bar shows (the restore). */
  longTasksStart(watchProgress?: boolean): void;
  longTasksStop(): LongTaskReport;
  /** A bare DOM control's input-to-paint on this page: the floor under every interaction figure. */
  armBareControl(): void;
  /** Reads every record of the given tables of a database with plain getAll transactions. */
  rawRead(dbName: string, tables: readonly string[]): Promise<RawResult>;
  /**
   * Fetches a backup file, then writes its records into a new database `dbName` whose stores
   * and indexes follow `indexes` (Dexie index specs), in plain transactions of `batch` records.
   */
  rawWrite(url: string, dbName: string, indexes: Record<string, string>, batch: number): Promise<RawResult>;
  deleteDatabase(dbName: string): Promise<void>;
}

/** What the harness injects before the page script: the screens whose first drawing it times. */
export interface BenchPageConfig {
  screens: Record<string, Ready>;
  timeoutMs: number;
}
