// The Signed Tags view's custom requests over JSON-RPC against the real lab: workspace repositories, a
// TLS + Basic-auth registry before and after imageTrust/registryLogin (and after logout), and no secret in
// anything the server logs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogMessageNotification } from 'vscode-languageserver-protocol/node';
import {
  RegistryLoginRequest,
  RegistryLogoutRequest,
  RepositoriesRequest,
  SignedTagsRequest,
} from '../../shared/protocol';
import type { SignedTagsResult } from '../../shared/trustView';
import { labBasicCredentials, labCaFiles, labRepository, useLab, type LabState } from '../helpers/lab';
import { LspTestClient } from '../helpers/lspClient';

let lab: LabState;
// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let client: LspTestClient;
const logged: string[] = [];

before(
  async () => {
    lab = await useLab();
    dir = await mkdtemp(join(tmpdir(), 'trust-view-'));
    // An empty Docker config: the only credential the server may use is the one the test logs in with.
    process.env.DOCKER_CONFIG = dir;
    const tls = lab.registries.tls.host;
    const http = lab.registries.http.host;
    await writeFile(
      join(dir, 'pod.yaml'),
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: a, image: "${tls}/ns/private:latest" }\n    - { name: b, image: "${http}/ns/hello-world:3.6" }\n`,
    );
    ({ client } = await LspTestClient.start({
      folders: [dir],
      initializationOptions: {
        trust: {
          servers: { [tls]: lab.notary.url, [http]: lab.notary.url },
          caFiles: labCaFiles(lab),
          insecureHosts: [http],
        },
      },
    }));
    client.connection.onNotification(LogMessageNotification.type, ({ message }) => logged.push(message));
    await client.workspaceIndexed();
  },
  { timeout: 180_000 },
);

after(async () => {
  await client?.stop();
  delete process.env.DOCKER_CONFIG;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function privateTags(): Promise<Extract<SignedTagsResult, { kind: 'ok' }>> {
  const repo = labRepository(lab, 'ns/private', 'tls');
  const result = await client.connection.sendRequest(SignedTagsRequest.type, { repository: repo.gun });
  if (result.kind !== 'ok') assert.fail(JSON.stringify(result));
  return result;
}

test('when the workspace names images → imageTrust/repositories lists their GUNs from disk', async () => {
  const { repositories } = await client.connection.sendRequest(RepositoriesRequest.type);
  const expected = [labRepository(lab, 'ns/hello-world').gun, labRepository(lab, 'ns/private', 'tls').gun];
  // Sorted by name (the lab's ports are random, so either may come first).
  assert.deepEqual(
    repositories,
    expected.sort().map((name) => ({ name, sources: ['image'] })),
  );
});

test('when the registry needs a login → tags come from Notary and the registry part says unauthorized; after login the registry digest is there; after logout it is gone again', async () => {
  const repo = labRepository(lab, 'ns/private', 'tls');
  const before = await privateTags();
  assert.equal(before.registryFailure?.reason, 'unauthorized');
  assert.equal(before.registryFailure?.host, lab.registries.tls.host);
  assert.deepEqual(
    before.tags.map((t) => [t.tag, t.state, t.registryDigest]),
    [['latest', 'signed', undefined]],
  );

  const { user, pass } =
    labBasicCredentials(lab)[lab.registries.tls.host] ?? assert.fail('no TLS credentials');
  await client.connection.sendRequest(RegistryLoginRequest.type, {
    host: lab.registries.tls.host,
    username: user,
    secret: pass,
    secretKind: 'password',
  });
  const after = await privateTags();
  assert.equal(after.registryFailure, undefined);
  assert.deepEqual(
    after.tags.map((t) => [t.tag, t.state, t.registryDigest]),
    [['latest', 'signed', repo.tags.latest?.registry?.digest]],
  );

  await client.connection.sendRequest(RegistryLogoutRequest.type, { host: lab.registries.tls.host });
  assert.equal((await privateTags()).registryFailure?.reason, 'unauthorized');
  assert.equal(
    logged.some((line) => line.includes(pass)),
    false,
    'the password appeared in the server log',
  );
  assert.equal(client.stderr.includes(pass), false);
  assert.equal(
    logged.some((line) => line.includes(`registry login stored for ${lab.registries.tls.host}`)),
    true,
  );
});
