// Builds the desktop shell: the main process and the preload, as CommonJS bundles Electron loads directly.
// Two builds, not one with two inputs: a shared chunk (zod, the contract) would make preload.cjs
// require a second file, and a sandboxed preload may require nothing but 'electron'.
import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function bundle(name: 'main' | 'preload', emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external },
    build: {
      emptyOutDir,
      rollupOptions: {
        input: { [name]: `electron/${name}/index.ts` },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  // Shared by both bundles (each environment inherits these build options).
  build: { outDir: 'dist/electron', target: 'node20', ssr: true, minify: false, sourcemap: true },
  environments: { main: bundle('main', true), preload: bundle('preload', false) },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
