import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from '../helpers/lspClient';

// A workspace with one ImagePolicy on disk; the pod is opened from the editor only.
const POLICY_TEXT = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: custom
  namespace: default
spec:
  repositories:
    - name: us.icr.io/mynamespace/*
      policy:
        trust:
          enabled: true
          trustServer: https://notary.example.com
`;
const POD_TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: mypod
spec:
  containers:
    - name: hello-world
      image: hello-world:latest
`;

let folder: string;
let client: LspTestClient;
let policyUri: string;
const podUri = 'file:///virtual/mypod.yaml';

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'image-trust-features-'));
  writeFileSync(join(folder, 'imagepolicy.yaml'), POLICY_TEXT);
  policyUri = fileUri(join(folder, 'imagepolicy.yaml'));
  ({ client } = await LspTestClient.start({ folders: [folder] }));
  await client.workspaceIndexed();
});
after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('when hovering the repositories key of a policy → the schema documentation is shown for the word', async () => {
  await client.open(policyUri, POLICY_TEXT);
  await client.diagnostics(policyUri, 1);
  const hover = await client.hover(policyUri, { line: 6, character: 5 });
  const contents = hover?.contents as MarkupContent;
  assert.equal(contents.kind, MarkupKind.Markdown);
  assert.match(contents.value, /^\*\*Repositories\*\*/);
  assert.deepEqual(hover?.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 14 } });
});

test('when hovering a key the schema does not know → there is no hover', async () => {
  const text = POLICY_TEXT.replace('  name: custom', '  nam: custom');
  await client.change(policyUri, text, 2);
  await client.diagnostics(policyUri, 2);
  assert.equal(await client.hover(policyUri, { line: 3, character: 3 }), null);
});

test('when completing a new key under trust → the missing trust keys are offered, not the written ones', async () => {
  const text = POLICY_TEXT.replace('          trustServer: https://notary.example.com\n', '          \n');
  await client.change(policyUri, text, 3);
  await client.diagnostics(policyUri, 3);
  const items = await client.completion(policyUri, { line: 11, character: 10 });
  assert.deepEqual(items.map((item) => item.label).sort(), ['signerSecrets', 'trustServer']);
  const signers = items.find((item) => item.label === 'signerSecrets');
  assert.deepEqual(signers?.textEdit, {
    range: { start: { line: 11, character: 10 }, end: { line: 11, character: 10 } },
    newText: 'signerSecrets:\n            - ',
  });
});

test('when completing the value of enabled → true and false are offered', async () => {
  const text = POLICY_TEXT.replace('enabled: true', 'enabled: t');
  await client.change(policyUri, text, 4);
  await client.diagnostics(policyUri, 4);
  const items = await client.completion(policyUri, { line: 10, character: 20 });
  assert.deepEqual(
    items.map((item) => item.label),
    ['true', 'false'],
  );
  await client.change(policyUri, POLICY_TEXT, 5);
  await client.diagnostics(policyUri, 5);
});

test('when an image is denied → the quick fix adds its repository to the policy and the pod is re-checked', async () => {
  await client.open(podUri, POD_TEXT);
  const [denied, ...others] = await client.diagnostics(podUri, 1);
  assert.equal(others.length, 0);
  assert.equal(denied?.code, 'admission-denied');
  assert.deepEqual(denied?.range, { start: { line: 7, character: 13 }, end: { line: 7, character: 31 } });

  const actions = await client.codeActions(podUri, denied.range, [denied]);
  assert.equal(actions.length, 1);
  const [fix] = actions;
  assert.equal(fix?.kind, 'quickfix');
  assert.equal(fix?.isPreferred, true);
  assert.deepEqual(fix?.diagnostics, [denied]);
  const edits = fix?.edit?.changes?.[policyUri];
  assert.deepEqual(edits, [
    {
      range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } },
      newText: '    - name: hello-world\n',
    },
  ]);

  // Applying the edit in the editor re-checks the pod: the image is now allowed.
  const edit = edits?.[0];
  assert.ok(edit);
  await client.editRange(policyUri, edit.range, edit.newText, 6);
  assert.deepEqual(await client.diagnostics(podUri, (p) => p.diagnostics.length === 0), []);
});

test('when a diagnostic comes back without fix data → no code action is offered', async () => {
  const actions = await client.codeActions(
    podUri,
    { start: { line: 7, character: 13 }, end: { line: 7, character: 31 } },
    [
      {
        range: { start: { line: 7, character: 13 }, end: { line: 7, character: 31 } },
        message: 'Deny "hello-world:latest", no matching repositories in the ImagePolicies',
        code: 'admission-denied',
        source: 'image-trust',
      },
    ],
  );
  assert.deepEqual(actions, []);
});
