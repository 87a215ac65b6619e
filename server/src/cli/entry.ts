import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * `dist/cli.js` (`image-trust`): a few lines that pick which bundle to load, so `image-trust inspect`
 * compiles and runs only the trust client (`dist/cli-inspect.js`) and every other command line gets the
 * full CLI (`dist/cli-main.js`). V8 compiles a whole file before running any of it, so lazy `require`s
 * inside one bundle would not save the compile; esbuild's code splitting needs ESM output. Both bundles
 * run the same `runCli`, so `inspect` behaves identically in either.
 */
// undici parses HTTP with llhttp compiled to WebAssembly. V8 compiles it with Liftoff and then, in the
// background, again with TurboFan; node waits for that background job before it exits, which cost
// ~150–220 ms of wall time (and the CPU) after the output was written, whatever the request count
// (measured with --cpu-prof: idle from the last write to exit). Liftoff code is plenty for parsing a
// handful of response heads (bodies are passed through), so a short-lived CLI process skips the
// TurboFan tier. Set before any bundle is loaded, i.e. before undici compiles the module. (`inspect`
// speaks node's own HTTP and loads undici only for a proxied request; `check` still uses undici.)
setFlagsFromString('--liftoff-only');

const bundle = process.argv[2] === 'inspect' ? 'cli-inspect.js' : 'cli-main.js';
// A path computed at run time: esbuild leaves this require alone instead of inlining the bundle.
const load: (path: string) => unknown = require;
load(join(__dirname, bundle));
