// An untrusted workspace over JSON-RPC: the client says so in initializationOptions; a later settings
// pull that omits it does not turn lookups on. Nothing is fetched (a listening socket counts connections
// for both the trust server and the registry of the image) and the diagnostics say why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from '../helpers/lspClient';
import { imagePolicyYaml, podYaml } from '../helpers/trustLab';

// Empty until `before` made it: a failed set-up must not make `after` fail too and hide its error.
let dir = '';
let client: LspTestClient;
let listener: Server;
let connections = 0;
let host: string;

before(async () => {
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'trust-untrusted-'));
  await writeFile(
    join(dir, 'policy.yaml'),
    imagePolicyYaml('default', [{ name: `${host}/ns/*`, trustServer: `https://${host}` }]),
  );
  const settings = { trust: { insecureHosts: [host] } };
  ({ client } = await LspTestClient.start({
    folders: [dir],
    initializationOptions: { ...settings, workspaceTrusted: false },
    settings: () => settings,
  }));
  await client.workspaceIndexed();
});

after(async () => {
  client.kill();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('when the workspace is untrusted → trust-not-checked-untrusted and no connection to server or registry', async () => {
  const uri = fileUri(join(dir, 'pod.yaml'));
  await client.open(uri, podYaml('default', [`${host}/ns/app:1.0`]), 1);
  const diagnostics = await client.diagnostics(uri, (p) =>
    p.diagnostics.some((d) => d.code === 'trust-not-checked-untrusted'),
  );
  const finding = diagnostics.find((d) => d.code === 'trust-not-checked-untrusted');
  assert.equal(finding?.severity, DiagnosticSeverity.Information);
  assert.match(
    finding?.message ?? '',
    /this workspace is not trusted, so nothing is fetched and no credential helper runs/,
  );
  const hover = await client.hover(uri, { line: 8, character: 16 });
  const markdown =
    hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(markdown, /not checked: the workspace is not trusted/);
  assert.equal(connections, 0);
});
