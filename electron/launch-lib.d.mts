/** Types for launch-lib.mjs (plain JavaScript so `npm start` runs without a build step). */
export declare const DEFAULT_PORT: number;
export declare const NOT_BUILT_MESSAGE: string;
export type ElectronLookup = { found: true; path: string } | { found: false; reason: string };
export interface LaunchIo {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  read?: (path: string) => string;
}
export declare function findElectronBinary(root: string, io?: LaunchIo): ElectronLookup;
export declare function choosePort(env: NodeJS.ProcessEnv): number;
export declare function rendererBuilt(root: string, exists?: (path: string) => boolean): boolean;
export declare function shellBuilt(root: string, exists?: (path: string) => boolean): boolean;
export declare function fallbackMessage(url: string): string;
