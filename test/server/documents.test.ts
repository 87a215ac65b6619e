import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { podYaml, PROD_POLICY } from '../helpers/yamlFixtures';

// Three documents; the second is broken YAML. The third is a Pod with an invalid image reference.
const MULTI = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: allow-all
spec:
  repositories:
    - name: "*"
---
broken: [1, 2
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: c
      image: Nginx:Latest
`;

const POD = podYaml('prod');

let folder: string;
let client: LspTestClient;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'image-trust-documents-'));
  ({ client } = await LspTestClient.start({ folders: [folder] }));
  await client.workspaceIndexed();
});
after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('when the second of three documents is broken → one yaml-syntax error there and the third is still checked', async () => {
  const uri = fileUri(join(folder, 'multi.yaml'));
  await client.open(uri, MULTI);
  const diagnostics = await client.diagnostics(uri, 1);
  // The parser notices the unclosed "[" where the next document starts (line 9, the "---").
  assert.deepEqual(
    diagnostics.map((d) => ({ code: d.code, range: d.range })),
    [
      { code: 'yaml-syntax', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } },
      {
        code: 'image-invalid-reference',
        range: { start: { line: 17, character: 13 }, end: { line: 17, character: 25 } },
      },
    ],
  );
});

test('when the broken document is fixed → its error goes away with the new version', async () => {
  const uri = fileUri(join(folder, 'multi.yaml'));
  await client.change(uri, MULTI.replace('[1, 2', '[1, 2]').replace('Nginx:Latest', 'nginx:1.27'), 2);
  assert.deepEqual(await client.diagnostics(uri, 2), []);
  await client.close(uri);
  assert.deepEqual(await client.diagnostics(uri, (p) => p.version === undefined), []);
});

test('when a policy file appears on disk → the open pod is re-checked without being edited', async () => {
  const podUri = fileUri(join(folder, 'pod.yaml'));
  await client.open(podUri, POD);
  const [denied] = await client.diagnostics(podUri, 1);
  assert.equal(denied?.code, 'admission-denied');
  // The controller's own wording, typo included (portieris.md §2.1).
  assert.equal(denied?.message, 'Deny "quay.io/team/app:1.0", no image policies or cluster polices');

  const policyPath = join(folder, 'prod-imagepolicy.yaml');
  writeFileSync(policyPath, PROD_POLICY);
  client.forgetDiagnostics(podUri);
  await client.watchedFilesChanged([{ uri: fileUri(policyPath), type: FileChangeType.Created }]);
  // Wait for the publish that reflects the new policy: a re-check already under way may publish first.
  assert.deepEqual(
    await client.diagnostics(podUri, (p) => p.version === 1 && p.diagnostics.length === 0),
    [],
  );

  unlinkSync(policyPath);
  client.forgetDiagnostics(podUri);
  await client.watchedFilesChanged([{ uri: fileUri(policyPath), type: FileChangeType.Deleted }]);
  assert.deepEqual(
    (await client.diagnostics(podUri, (p) => p.version === 1 && p.diagnostics.length > 0)).map((d) => d.code),
    ['admission-denied'],
  );
});

test('when an unsaved policy is closed → the disk version counts again and the pod is re-checked', async () => {
  const podUri = fileUri(join(folder, 'pod.yaml'));
  const policyUri = fileUri(join(folder, 'unsaved-imagepolicy.yaml'));
  client.forgetDiagnostics(podUri);
  await client.open(policyUri, PROD_POLICY);
  assert.deepEqual(
    await client.diagnostics(podUri, (p) => p.version === 1 && p.diagnostics.length === 0),
    [],
  );
  client.forgetDiagnostics(podUri);
  await client.close(policyUri);
  assert.deepEqual(
    (await client.diagnostics(podUri, (p) => p.version === 1 && p.diagnostics.length > 0)).map((d) => d.code),
    ['admission-denied'],
  );
});

test('when the client asks for a refresh → the workspace is re-read and the count returned', async () => {
  writeFileSync(join(folder, 'other.yml'), 'a: 1\n');
  const result = await client.refresh();
  assert.equal(result.indexedFiles, 1);
});
