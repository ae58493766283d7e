/**
 * The desktop API contract: every call the renderer may make of the main process, with its
 * request and response schemas. Main validates requests, the preload validates responses, and
 * the browser fallback implements the same interface, so every screen works in both.
 *
 * Channels are named `area:verb`. There is no generic invoke: one method per call.
 */
import { z } from 'zod';
import { PAGE_SIZES } from '../export/page-size';

/** Largest file an import reads through the bridge, and the default limit of every file read. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Largest backup the app writes or restores: ten years of an enterprise program (20,000 apps,
 * 200,000 pairing sessions, daily metrics) is about 190 MB of JSON. Kept under the longest string
 * a JavaScript engine holds (V8: 2^29 − 24 characters), since a backup is read as one string.
 */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9*]{1,10}$/i, 'extension'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** The filter that shows every file, offered after a dialog's own filters. */
export const ALL_FILES_FILTER: FileFilter = { name: 'All files', extensions: ['*'] };

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'desktop' inside Electron, 'browser' in a plain web browser. */
  shell: z.enum(['desktop', 'browser']),
  platform: z.string(),
  /** Where the desktop app keeps its data; null in a browser. */
  userDataPath: z.string().nullable(),
  /** The user's documents folder, the default place for exports; null in a browser. */
  documentsPath: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A file name the user is offered in a save dialog: never a path. */
const suggestedNameSchema = z
  .string()
  .min(1, 'File name is required')
  .max(255, 'File name must be at most 255 characters')
  .refine((n) => !/[\\/\0]/.test(n), 'File name may not contain slashes');

export const saveFileRequestSchema = z.object({
  suggestedName: suggestedNameSchema,
  /** Text (an export, a backup), or bytes (a chart's PNG). */
  content: z.union([
    z.string().max(MAX_BACKUP_BYTES, 'File is too large to save'),
    z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.byteLength <= MAX_BACKUP_BYTES, 'File is too large to save'),
  ]),
  mimeType: z.string().max(100).default('text/plain'),
  filters: z.array(fileFilterSchema).max(10).default([]),
});
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;

export const saveFileResponseSchema = z.union([
  z.object({ status: z.literal('saved'), path: z.string().nullable() }),
  z.object({ status: z.literal('canceled') }),
]);
export type SaveFileResponse = z.infer<typeof saveFileResponseSchema>;

/** Most files one open dialog returns when several may be picked together. */
export const MAX_OPEN_FILES = 100;

export const openFileRequestSchema = z.object({
  title: z.string().max(200).default('Open'),
  filters: z.array(fileFilterSchema).max(10).default([]),
  /** The largest file, and with `multiple`, the most all the files chosen may hold together. */
  maxBytes: z.number().int().positive().max(MAX_BACKUP_BYTES).default(MAX_FILE_BYTES),
  /** Let the user pick several files together (a catalog's Location and the files it names). */
  multiple: z.boolean().default(false),
  /**
   * 'text' (the default): the content decoded (shared/import/read/text.ts). 'bytes': the file's
   * bytes as they are, for a backup, which a worker decodes and checks: a 200 MB text decoded,
   * joined and sent on to the worker held the page for seconds; bytes move to it at no cost.
   */
  read: z.enum(['text', 'bytes']).default('text'),
});
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;

const openedFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  /** The text, or with `read: 'bytes'` (and for an automatic backup) the file's bytes undecoded. */
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
});

export const openFileResponseSchema = z.union([
  openedFileSchema.extend({
    status: z.literal('opened'),
    /** The other files picked with the first, in the dialog's order (only when `multiple`). */
    more: z
      .array(openedFileSchema)
      .max(MAX_OPEN_FILES - 1)
      .optional(),
  }),
  z.object({ status: z.literal('canceled') }),
  z.object({ status: z.literal('too-large'), name: z.string(), size: z.number().int().nonnegative() }),
]);
export type OpenFileResponse = z.infer<typeof openFileResponseSchema>;

/** Most automatic backups a list returns: a year of daily backups and as many taken before restores. */
export const MAX_AUTO_BACKUPS = 2 * 365 + 10;

/** How many automatic backups of each kind are kept: the user's choice, 1 to 365 (default 14). */
export const AUTO_BACKUP_KEEP = { min: 1, max: 365, default: 14 } as const;

export const autoBackupKeepSchema = z
  .number({ error: 'Enter a whole number of backups' })
  .int('Enter a whole number of backups')
  .min(AUTO_BACKUP_KEEP.min, `Keep at least ${AUTO_BACKUP_KEEP.min} backup`)
  .max(AUTO_BACKUP_KEEP.max, `Keep at most ${AUTO_BACKUP_KEEP.max} backups`);

/**
 * The names automatic backups have in `<userData>/backups`, and the only names a read accepts:
 * `daily-2026-12-03.json` (one per day the app is used, replaced when written again that day) and
 * `before-restore-2026-12-03T07-40-12.json` (the data a restore replaced; never pruned as a daily).
 */
export const AUTO_BACKUP_NAME =
  /^(daily-\d{4}-\d{2}-\d{2}|before-restore-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2})\.json$/;

export const autoBackupKindSchema = z.enum(['daily', 'before-restore']);
export type AutoBackupKind = z.infer<typeof autoBackupKindSchema>;

export const autoBackupNameSchema = z
  .string()
  .max(100, 'Backup name is too long')
  .regex(AUTO_BACKUP_NAME, 'Not the name of an automatic backup');

export const autoBackupSchema = z.object({
  name: autoBackupNameSchema,
  kind: autoBackupKindSchema,
  /** When the file was written (ISO date-time). */
  savedAt: z.string(),
  size: z.number().int().nonnegative(),
});
export type AutoBackup = z.infer<typeof autoBackupSchema>;

/** Automatic backups exist only in the desktop app; a browser answers `unavailable`. */
const unavailableSchema = z.object({ status: z.literal('unavailable') });

export const listAutoBackupsResponseSchema = z.union([
  unavailableSchema,
  z.object({
    status: z.literal('listed'),
    /** The folder they are in, to show the user. */
    folder: z.string(),
    /** Newest first. */
    backups: z.array(autoBackupSchema).max(MAX_AUTO_BACKUPS),
  }),
]);
export type ListAutoBackupsResponse = z.infer<typeof listAutoBackupsResponseSchema>;

export const writeAutoBackupRequestSchema = z.object({
  kind: autoBackupKindSchema,
  content: z.string().max(MAX_BACKUP_BYTES, 'Backup is too large to save'),
  /** How many of this kind to keep, this one included; older ones are deleted. */
  keep: autoBackupKeepSchema.default(AUTO_BACKUP_KEEP.default),
});
export type WriteAutoBackupRequest = z.input<typeof writeAutoBackupRequestSchema>;

export const writeAutoBackupResponseSchema = z.union([
  unavailableSchema,
  z.object({
    status: z.literal('written'),
    backup: autoBackupSchema,
    /** The older backups deleted to keep the last N. */
    removed: z.array(autoBackupNameSchema),
  }),
]);
export type WriteAutoBackupResponse = z.infer<typeof writeAutoBackupResponseSchema>;

export const readAutoBackupRequestSchema = z.object({ name: autoBackupNameSchema });
export type ReadAutoBackupRequest = z.input<typeof readAutoBackupRequestSchema>;

export const readAutoBackupResponseSchema = z.union([
  unavailableSchema,
  openedFileSchema.extend({ status: z.literal('opened') }),
  z.object({ status: z.literal('too-large'), name: z.string(), size: z.number().int().nonnegative() }),
  z.object({ status: z.literal('missing'), name: z.string() }),
]);
export type ReadAutoBackupResponse = z.infer<typeof readAutoBackupResponseSchema>;

/**
 * `report:save-pdf`: the page as it is now, printed to PDF by the main process (Electron's
 * printToPDF, print media: the overview's print stylesheet) and saved where the user chooses.
 * The renderer lays the page out for print first (the light theme) and restores it after.
 */
export const saveReportPdfRequestSchema = z.object({
  suggestedName: suggestedNameSchema.refine((n) => /\.pdf$/i.test(n), 'File name must end in .pdf'),
  pageSize: z.enum(PAGE_SIZES, { error: 'Page size must be A4 or Letter' }),
});
export type SaveReportPdfRequest = z.input<typeof saveReportPdfRequestSchema>;

/** Largest report PDF the main process writes: one page of text and vector charts is far below. */
export const MAX_REPORT_PDF_BYTES = 50 * 1024 * 1024;

export const saveReportPdfResponseSchema = z.union([
  /** Only the desktop app prints to PDF itself; a browser answers so and the page opens the print dialog. */
  unavailableSchema,
  z.object({
    status: z.literal('saved'),
    path: z.string(),
    /** The PDF's size in bytes. */
    size: z.number().int().positive().max(MAX_REPORT_PDF_BYTES),
  }),
  z.object({ status: z.literal('canceled') }),
]);
export type SaveReportPdfResponse = z.infer<typeof saveReportPdfResponseSchema>;

/** The channels and their schemas, for the main-process handlers and their tests. */
export const IPC = {
  appInfo: { channel: 'app:info', request: z.undefined(), response: appInfoSchema },
  saveFile: { channel: 'file:save', request: saveFileRequestSchema, response: saveFileResponseSchema },
  openFile: { channel: 'file:open', request: openFileRequestSchema, response: openFileResponseSchema },
  listAutoBackups: {
    channel: 'backups:list',
    request: z.undefined(),
    response: listAutoBackupsResponseSchema,
  },
  writeAutoBackup: {
    channel: 'backups:write',
    request: writeAutoBackupRequestSchema,
    response: writeAutoBackupResponseSchema,
  },
  readAutoBackup: {
    channel: 'backups:read',
    request: readAutoBackupRequestSchema,
    response: readAutoBackupResponseSchema,
  },
  saveReportPdf: {
    channel: 'report:save-pdf',
    request: saveReportPdfRequestSchema,
    response: saveReportPdfResponseSchema,
  },
} as const;

/** What the renderer may ask of the desktop: implemented by the preload and by the browser fallback. */
export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
  /** Saves text the renderer produced (an export, a backup): a save dialog, or a download in a browser. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResponse>;
  /** Lets the user pick a file and returns its text: an open dialog, or a file input in a browser. */
  openFile(request: OpenFileRequest): Promise<OpenFileResponse>;
  /** The automatic backups in the desktop app's backups folder, newest first. */
  listAutoBackups(): Promise<ListAutoBackupsResponse>;
  /** Writes today's daily backup (replacing today's) or a backup before a restore; keeps the last N. */
  writeAutoBackup(request: WriteAutoBackupRequest): Promise<WriteAutoBackupResponse>;
  /** Reads one automatic backup back, by a name from the list. */
  readAutoBackup(request: ReadAutoBackupRequest): Promise<ReadAutoBackupResponse>;
  /** Prints the page to a PDF and saves it where the user chooses (desktop); `unavailable` in a browser. */
  saveReportPdf(request: SaveReportPdfRequest): Promise<SaveReportPdfResponse>;
}

/**
 * Every method of the desktop API, one per contract call: what a preload must expose to count as
 * the desktop (and what test fakes are built from). The checks below keep it equal to DesktopApi.
 */
export const DESKTOP_METHODS = Object.keys(IPC) as (keyof typeof IPC)[];
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
const desktopMethodsMatch: SameKeys<typeof IPC, DesktopApi> = true;
void desktopMethodsMatch;

/** The name under which the preload exposes the API on `window`. */
export const DESKTOP_API_KEY = 'platformAdoptionDesktop';
