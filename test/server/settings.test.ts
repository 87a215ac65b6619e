import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  createProtocolConnection,
  ExitNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient, SERVER_BUNDLE, withDeadline } from '../helpers/lspClient';
import { podYaml, PROD_POLICY } from '../helpers/yamlFixtures';

// The pod names no namespace; the only policy is in "prod". The setting decides the verdict.
let folder: string;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'image-trust-settings-'));
  writeFileSync(join(folder, 'policy.yaml'), PROD_POLICY);
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('when initializationOptions name the default namespace → a pod without one is judged there', async () => {
  const { client } = await LspTestClient.start({
    folders: [folder],
    initializationOptions: { defaultNamespace: 'prod' },
  });
  try {
    await client.workspaceIndexed();
    const uri = fileUri(join(folder, 'pod.yaml'));
    await client.open(uri, podYaml());
    assert.deepEqual(await client.diagnostics(uri, 1), []);
  } finally {
    client.kill();
  }
});

test('when the client changes imageTrust.defaultNamespace → the server pulls it and re-checks open files', async () => {
  let namespace = 'default';
  const { client } = await LspTestClient.start({
    folders: [folder],
    settings: () => ({ defaultNamespace: namespace }),
  });
  try {
    await client.workspaceIndexed();
    const uri = fileUri(join(folder, 'pod.yaml'));
    await client.open(uri, podYaml());
    assert.deepEqual(
      (await client.diagnostics(uri, 1)).map((d) => d.code),
      ['admission-denied'],
    );
    namespace = 'prod';
    client.forgetDiagnostics(uri);
    await client.configurationChanged();
    assert.deepEqual(await client.diagnostics(uri, 1), []);
  } finally {
    client.kill();
  }
});

test('when started with --node-ipc as VS Code does → it initializes and shuts down cleanly', async () => {
  const child = fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  });
  assert.equal(result.serverInfo?.name, 'image-trust');
  assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await withDeadline(exited, 15_000, 'server exit', () => ''), 0);
  connection.dispose();
});
