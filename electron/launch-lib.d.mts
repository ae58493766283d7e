/** Types for launch-lib.mjs (plain JavaScript so `npm start` runs without a build step). */
export declare const DEFAULT_PORT: number;
export declare const DEFAULT_DOWNLOAD_TIMEOUT_S: number;
export declare const NOT_BUILT_MESSAGE: string;
export type ElectronLookup = { found: true; path: string } | { found: false; reason: string };
export interface LaunchIo {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  read?: (path: string) => string;
}
export declare function findElectronBinary(root: string, io?: LaunchIo): ElectronLookup;
export declare function choosePort(env: NodeJS.ProcessEnv): number;
export type Settings =
  { ok: true; port: number; downloadTimeoutSeconds: number } | { ok: false; problem: string };
export declare function readSettings(env: NodeJS.ProcessEnv): Settings;
export declare function rendererBuilt(root: string, exists?: (path: string) => boolean): boolean;
export declare function shellBuilt(root: string, exists?: (path: string) => boolean): boolean;
export declare function electronVersion(root: string): string | null;
export type InstallResult = { ok: true } | { ok: false; reason: string };
export type LaunchChoice =
  { kind: 'window'; path: string; downloaded: boolean } | { kind: 'browser'; reason?: string };
export declare function chooseLaunch(
  root: string,
  options: {
    env: NodeJS.ProcessEnv;
    find?: (root: string, io: { env: NodeJS.ProcessEnv }) => ElectronLookup;
    install: () => Promise<InstallResult>;
  },
): Promise<LaunchChoice>;
export declare function installFailureReason(output: string, code: number | null): string;
export interface DownloadProgress {
  seconds: number;
  bytes: number;
}
export declare function runElectronInstaller(
  root: string,
  options: {
    env?: NodeJS.ProcessEnv;
    timeoutMs: number;
    onProgress?: (progress: DownloadProgress) => void;
    progressEveryMs?: number;
    onStart?: (abort: () => void) => void;
  },
): Promise<InstallResult>;
export declare function progressDisplay(
  stream: { write: (text: string) => unknown; isTTY?: boolean; columns?: number },
  about: { version: string; limitSeconds: number },
): { start(): void; update(progress: DownloadProgress): void; finish(): void };
export declare function fallbackMessage(url: string, reason?: string): string;
