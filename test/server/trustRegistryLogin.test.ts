// A registry login made for the Signed Tags view (imageTrust/registryLogin) also serves the trust
// diagnostics, over JSON-RPC against the lab's TLS + Basic-auth registry: before it, the registry's digest
// cannot be read (trust-unavailable, UNAUTHORIZED); after it, the same open document turns trust-signed
// without an edit; after logout, unauthorized again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { RegistryLoginRequest, RegistryLogoutRequest } from '../../shared/protocol';
import { labBasicCredentials, labCaFiles, useLab, type LabState } from '../helpers/lab';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { imagePolicyYaml, podYaml } from '../helpers/trustLab';

let lab: LabState;
// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let client: LspTestClient;
let pod: string;

before(
  async () => {
    lab = await useLab();
    dir = await mkdtemp(join(tmpdir(), 'trust-login-'));
    // An empty Docker config: the only credential the server may use is the one the test logs in with.
    process.env.DOCKER_CONFIG = dir;
    const tls = lab.registries.tls.host;
    await writeFile(
      join(dir, 'policy.yaml'),
      imagePolicyYaml('default', [{ name: `${tls}/ns/*`, trustServer: lab.notary.url }]),
    );
    pod = join(dir, 'pod.yaml');
    await writeFile(pod, podYaml('default', [`${tls}/ns/private:latest`]));
    ({ client } = await LspTestClient.start({
      folders: [dir],
      initializationOptions: { trust: { caFiles: labCaFiles(lab) } },
    }));
    await client.workspaceIndexed();
  },
  { timeout: 180_000 },
);

after(async () => {
  await client?.stop();
  delete process.env.DOCKER_CONFIG;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const trustCode = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.flatMap((d) => (typeof d.code === 'string' && d.code.startsWith('trust-') ? [d.code] : []));

function publishedWith(code: string): (params: PublishDiagnosticsParams) => boolean {
  return (params) => trustCode(params.diagnostics).includes(code);
}

test('when the user logs in to the registry in the editor → the trust diagnostics use that login too (and stop after logout)', async () => {
  const uri = fileUri(pod);
  const host = lab.registries.tls.host;
  await client.open(uri, podYaml('default', [`${host}/ns/private:latest`]));

  const before = await client.diagnostics(uri, publishedWith('trust-unavailable'));
  assert.deepEqual(trustCode(before), ['trust-unavailable']);
  const unavailable = before.find((d) => d.code === 'trust-unavailable');
  assert.match(unavailable?.message ?? '', /\(UNAUTHORIZED\)/);

  const { user, pass } = labBasicCredentials(lab)[host] ?? assert.fail('no TLS credentials');
  await client.connection.sendRequest(RegistryLoginRequest.type, {
    host,
    username: user,
    secret: pass,
    secretKind: 'password',
  });
  // No edit: the login itself has the open documents checked again with the new credentials.
  assert.deepEqual(trustCode(await client.diagnostics(uri, publishedWith('trust-signed'))), ['trust-signed']);

  await client.connection.sendRequest(RegistryLogoutRequest.type, { host });
  const loggedOut = await client.diagnostics(uri, publishedWith('trust-unavailable'));
  assert.deepEqual(trustCode(loggedOut), ['trust-unavailable']);
});
