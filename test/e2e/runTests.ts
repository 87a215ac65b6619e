// Runs the e2e suite inside a real VS Code (code-server 1.100.3, see scripts/vscode/harness.ts) through
// @vscode/test-electron's runTests. Assumes `npm run build` has produced dist/; bundles only the tests.
// Usage: npx tsx test/e2e/runTests.ts   (env IMAGE_TRUST_E2E_GREP=<pattern> to run some tests)
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

const REPO = resolve(__dirname, '../..');
const OUT = join(REPO, 'out/e2e');
const HARNESS = join(REPO, 'scripts/vscode/harness');

async function bundleSuite(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  const suites = readdirSync(join(__dirname, 'suite'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(__dirname, 'suite', name));
  await esbuild.build({
    entryPoints: [join(__dirname, 'index.ts'), ...suites],
    outbase: __dirname,
    outdir: OUT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    // vscode comes from the extension host; mocha must be the one index.ts runs, so both stay external.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  // The tests may edit files: they get a fresh copy every run.
  cpSync(join(__dirname, 'workspace'), join(OUT, 'workspace'), { recursive: true });
}

async function main(): Promise<void> {
  const started = Date.now();
  await bundleSuite();
  await runTests({
    vscodeExecutablePath: HARNESS,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(OUT, 'index.js'),
    launchArgs: [join(OUT, 'workspace')],
    // Reaches the extension host through code-server: lets the activation test measure memory after a GC.
    extensionTestsEnv: { NODE_OPTIONS: '--expose-gc' },
  });
  console.log(`e2e wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
