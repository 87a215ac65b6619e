// A document opened while the server is still starting (warm-up, settings, first indexing pass) gets its
// first diagnostics only once the workspace's policies are known: never a passing "no image policies"
// denial of every image, which a pod opened together with its folder used to flash for a second.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileUri, LspTestClient, REPO_ROOT } from '../helpers/lspClient';

const EXAMPLES = resolve(REPO_ROOT, 'examples');
const POD = resolve(EXAMPLES, 'mypod.yaml');

let client: LspTestClient | undefined;
after(() => client?.kill());

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
