import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { waitForCode } from '../support/diagnostics';
import { activated, imageTrustExtension } from '../support/extension';
import { childrenMatching, rssOf, settledRss, toMiB } from '../support/processMemory';
import { workspaceFile } from '../support/workspace';

// Runs first (index.ts): nothing has opened a YAML file yet, so the extension is still inactive and the
// extension host's memory does not include it. The measures are printed as `metric:` lines.
suite('activation', () => {
  test('when mypod.yaml is opened → the extension activates (onLanguage:yaml) and its client is ready', async () => {
    const extension = imageTrustExtension();
    assert.equal(extension.isActive, false, 'active before any YAML file was opened');
    const rssBefore = settledRss();
    const started = performance.now();

    const uri = workspaceFile('mypod.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await activated();
    const activationMs = performance.now() - started;
    assert.equal(extension.isActive, true);

    await waitForCode(uri, 'admission-denied');
    const firstDiagnosticMs = performance.now() - started;
    const rssAfter = settledRss();
    const servers = childrenMatching(process.pid, 'dist/server.js');
    console.log(`metric: activation (open mypod.yaml → activate() resolved) ${activationMs.toFixed(0)} ms`);
    console.log(
      `metric: open mypod.yaml → first admission-denied diagnostic ${firstDiagnosticMs.toFixed(0)} ms`,
    );
    console.log(
      `metric: extension host RSS ${toMiB(rssBefore)} MiB before activation, ${toMiB(rssAfter)} MiB after ` +
        `(+${toMiB(rssAfter - rssBefore)} MiB, measured after a GC: ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no'}); language server process RSS ${servers.map((pid) => toMiB(rssOf(pid))).join(', ') || 'n/a'} MiB`,
    );
  });
});
