// A document opened while the server is still starting (warm-up, settings, first indexing pass) gets its
// workspace-dependent diagnostics only once the workspace's policies are known: never a passing "no image
// policies" denial of every image, which a pod opened together with its folder used to flash for a second.
// What the file alone decides (syntax, schema, image references) is published at once meanwhile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';

const EXAMPLES = resolve(REPO_ROOT, 'examples');
const POD = resolve(EXAMPLES, 'mypod.yaml');

let client: LspTestClient | undefined;
let heldClient: LspTestClient | undefined;
after(() => {
  client?.kill();
  heldClient?.kill();
});

test('when the tutorial pod is opened before the workspace is indexed → its first publish already counts the tutorial policy', async () => {
  ({ client } = await LspTestClient.start({ folders: [EXAMPLES] }));
  // No wait for imageTrust/workspaceIndexed: the open reaches the server during its warm-up.
  await client.open(fileUri(POD), readFileSync(POD, 'utf8'));
  const first = await client.diagnostics(fileUri(POD));
  assert.deepEqual(
    first.map((d) => ({ code: d.code, line: d.range.start.line, message: d.message })),
    [
      {
        code: 'admission-denied',
        line: 11,
        message: 'Deny "hello-world:latest", no matching repositories in the ImagePolicies',
      },
    ],
  );
  // The quick fix's edit is there from the first publish too (it targets the indexed policy).
  const data = first[0]?.data as { edit?: unknown } | undefined;
  assert.ok(data?.edit, 'the first denial carries the add-entry edit');
});

test('when a document with a bad image reference is opened while start-up waits for settings → the reference error is published at once, the denial after start-up', async () => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let indexed = false;
  // The server pulls its settings before its first indexing pass: held here, start-up cannot end.
  ({ client: heldClient } = await LspTestClient.start({
    folders: [EXAMPLES],
    settings: async () => {
      await released;
      return {};
    },
  }));
  void heldClient.workspaceIndexed().then(() => (indexed = true));
  const uri = fileUri(resolve(EXAMPLES, 'held-start-up.yaml'));
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: held',
    'spec:',
    '  containers:',
    '    - name: bad',
    '      image: Hello/World:1',
    '    - name: denied',
    '      image: hello-world:latest',
    '',
  ].join('\n');
  await heldClient.open(uri, text);
  const early = await heldClient.diagnostics(uri);
  assert.equal(indexed, false, 'published before the workspace was indexed');
  assert.deepEqual(
    early.map((d) => ({ code: d.code, line: d.range.start.line })),
    [{ code: 'image-invalid-reference', line: 7 }],
  );
  // Fixed while start-up still waits: the early error is withdrawn at once, not left until start-up ends.
  await heldClient.change(uri, text.replace('Hello/World:1', 'hello/world:1'), 2);
  assert.deepEqual(await heldClient.diagnostics(uri, 2), []);
  assert.equal(indexed, false, 'withdrawn before the workspace was indexed');
  await heldClient.change(uri, text, 3);
  assert.equal((await heldClient.diagnostics(uri, 3)).length, 1);
  release();
  const full = await heldClient.diagnostics(uri, (p) =>
    p.diagnostics.some((d) => d.code === 'admission-denied'),
  );
  assert.deepEqual(
    full.map((d) => ({ code: d.code, line: d.range.start.line })),
    [
      { code: 'image-invalid-reference', line: 7 },
      { code: 'admission-denied', line: 9 },
    ],
  );
  assert.deepEqual(full[0], early[0], 'the early finding is published unchanged');
});
