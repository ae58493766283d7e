export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export const NO_CHROMIUM_MESSAGE: string;
