// Bundles the three entry points into dist/ (peers.md §3.2): the VS Code client, the language server and
// the CLI, each one CommonJS file for Node 20 with every dependency inside, so the .vsix needs no
// node_modules. JSON Schemas are imported by server/src/schema and so inlined into server.js and cli.js.
// Usage: node esbuild.mjs [--production]   (--production: minified, no source maps)
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { writeSchemaValidators } from './scripts/build/generateSchemaValidators.mjs';

const production = process.argv.includes('--production');

/**
 * `yaml` from its ES-module build (the same sources as its CommonJS `dist/`, built by the same rollup run).
 * Bundled from CommonJS, every `isScalar(…)`/`isMap(…)` call of ours goes through a getter that esbuild's
 * CommonJS interop puts on the module object, and the parser and checks call them for every node; from ES
 * modules esbuild links the functions directly. Measured on the 42,000-line file: 5–10 % of the open.
 */
const yamlPackageDir = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
const yamlAsEsModule = {
  name: 'yaml-as-es-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlPackageDir, 'browser/dist/index.js') }));
  },
};

const common = {
  bundle: true,
  plugins: [yamlAsEsModule],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
};

// server/src/schema imports the policy validators compiled from schemas/*.json: generate them first.
writeSchemaValidators();

/**
 * `inspect` speaks node's own HTTP and loads the undici client only for proxied requests
 * (httpClientOptions.ts lazyUndiciHttpClient): undici is ~85 % of the bundle, and compiling it would cost
 * every run time even when unused. So its lazy import becomes a require of dist/cli-undici.js.
 */
const undiciAsSeparateFile = {
  name: 'undici-as-separate-file',
  setup(build) {
    build.onResolve({ filter: /^\.\/undiciHttpClient$/ }, () => ({
      path: './cli-undici.js',
      external: true,
    }));
  },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/entry.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // dist/cli.js loads one of these two (server/src/cli/entry.ts): `inspect` needs only the trust client.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/inspectMain.ts'],
    outfile: 'dist/cli-inspect.js',
    plugins: [...common.plugins, undiciAsSeparateFile],
    // import() of that file becomes require(): no ESM loader, and the file is found next to this one.
    supported: { 'dynamic-import': false },
  }),
  // Only for proxied requests of `inspect` (server/src/trust/transport/nodeHttpClient.ts).
  esbuild.build({
    ...common,
    entryPoints: ['server/src/trust/transport/undiciHttpClient.ts'],
    outfile: 'dist/cli-undici.js',
  }),
]);
