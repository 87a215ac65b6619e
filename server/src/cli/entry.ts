import { join } from 'node:path';

/**
 * `dist/cli.js` (`image-trust`): a few lines that pick which bundle to load, so `image-trust inspect`
 * compiles and runs only the trust client (`dist/cli-inspect.js`) and every other command line gets the
 * full CLI (`dist/cli-main.js`). V8 compiles a whole file before running any of it, so lazy `require`s
 * inside one bundle would not save the compile; esbuild's code splitting needs ESM output. Both bundles
 * run the same `runCli`, so `inspect` behaves identically in either.
 */
const bundle = process.argv[2] === 'inspect' ? 'cli-inspect.js' : 'cli-main.js';
// A path computed at run time: esbuild leaves this require alone instead of inlining the bundle.
const load: (path: string) => unknown = require;
load(join(__dirname, bundle));
