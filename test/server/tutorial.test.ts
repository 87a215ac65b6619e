import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';

// The IBM tutorial's files in examples/, opened in a workspace that is the examples folder itself.
const EXAMPLES = resolve(REPO_ROOT, 'examples');
const POD = resolve(EXAMPLES, 'mypod.yaml');
const POLICY = resolve(EXAMPLES, 'imagepolicy.yaml');

let client: LspTestClient;

before(async () => {
  ({ client } = await LspTestClient.start({ folders: [EXAMPLES] }));
  await client.workspaceIndexed();
});
after(() => client.kill());

test('when the workspace is indexed → both tutorial files are read', async () => {
  assert.deepEqual(await client.workspaceIndexed(), { indexedFiles: 2, skippedFiles: 0 });
});

test('when the tutorial pod is opened → only the Docker Hub image is denied, at its exact range', async () => {
  await client.open(fileUri(POD), readFileSync(POD, 'utf8'));
  const diagnostics = await client.diagnostics(fileUri(POD), 1);
  assert.deepEqual(
    diagnostics.map((d) => ({
      code: d.code,
      source: d.source,
      severity: d.severity,
      range: d.range,
      message: d.message,
    })),
    [
      {
        code: 'admission-denied',
        source: 'image-trust',
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 11, character: 13 }, end: { line: 11, character: 31 } },
        message: 'Deny "hello-world:latest", no matching repositories in the ImagePolicies',
      },
    ],
  );
});

test('when the tutorial policy is opened → it is warned that trust has no trust server', async () => {
  await client.open(fileUri(POLICY), readFileSync(POLICY, 'utf8'));
  const diagnostics = await client.diagnostics(fileUri(POLICY), 1);
  assert.deepEqual(
    diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
    [
      {
        code: 'policy-no-trust-server',
        severity: DiagnosticSeverity.Warning,
        range: { start: { line: 13, character: 19 }, end: { line: 13, character: 23 } },
      },
    ],
  );
});

test('when the server is asked to shut down → it exits with code 0', async () => {
  const { client: other } = await LspTestClient.start();
  assert.equal(await other.stop(), 0);
});
