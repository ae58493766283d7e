/**
 * zod's global settings, for both processes. Every entry point (renderer/main.tsx,
 * electron/main/index.ts, electron/preload/index.ts) imports this module first, because zod reads
 * them when a schema is built, not when it parses.
 *
 * jitless: zod 4 compiles object parsers with `new Function` where it may, and finds out whether
 * it may by trying once. Under the app's Content-Security-Policy (script-src 'self', no
 * 'unsafe-eval') that try is refused, and the browser reports a `securitypolicyviolation` even
 * though zod catches the error. Jitless parsing gives the same results without the probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
