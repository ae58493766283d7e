/** Types for preview-cache.mjs (plain JavaScript so `npm start` runs without a build step). */
import type { Plugin } from 'vite';
export declare const IMMUTABLE: string;
export declare function cacheHashedAssets(): Plugin;
