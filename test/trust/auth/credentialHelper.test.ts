import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDockerCredentialStore } from '../../../server/src/trust/credentials/dockerCredentialStore';
import { createProcessRunner } from '../../../server/src/trust/credentials/processRunner';
import { TrustError } from '../../../server/src/trust/errors';

const FIXTURE_BIN = resolve(import.meta.dirname, '../../fixtures/bin');

/**
 * The docker-credential-helpers protocol with a real child process: test/fixtures/bin/docker-credential-test
 * reads the server URL on stdin and prints {ServerURL, Username, Secret}.
 */
describe('Docker credential helpers through the real process runner', () => {
  let dir = '';
  let logPath = '';
  let env: Record<string, string> = {};

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'image-trust-helper-'));
    logPath = join(dir, 'calls.log');
    await writeFile(
      join(dir, 'helper-store.json'),
      JSON.stringify({
        'reg.example:5000': { Username: 'alice', Secret: 'alice-secret' },
        'https://index.docker.io/v1/': { Username: 'hubuser', Secret: 'hub-secret' },
        'token.example': { Username: '<token>', Secret: 'refresh-token' },
      }),
    );
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({
        credsStore: 'test',
        credHelpers: { 'reg.example:5000': 'test', 'evil.example': '../../bin/sh', 'hang.example': 'test' },
        auths: { 'reg.example:5000': { auth: Buffer.from('from:auths').toString('base64') } },
      }),
    );
    env = {
      PATH: `${FIXTURE_BIN}:${dirname(process.execPath)}`,
      DOCKER_CREDENTIAL_TEST_STORE: join(dir, 'helper-store.json'),
      DOCKER_CREDENTIAL_TEST_LOG: logPath,
    };
  });

  after(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  const store = (helpers: 'enabled' | 'disabled' = 'enabled', helperTimeoutMs = 5_000) =>
    createDockerCredentialStore({
      configDir: dir,
      readFile: (path) => readFile(path),
      runProcess: createProcessRunner(env),
      credentialHelpers: helpers,
      helperTimeoutMs,
    });

  const calls = async () => (await readFile(logPath, 'utf8').catch(() => '')).split('\n').filter(Boolean);

  test('when credHelpers names a helper for the host → it runs `get` with the server URL on stdin, once per store', async () => {
    await rm(logPath, { force: true });
    const credentials = store();
    assert.deepEqual(await credentials.get('reg.example:5000'), {
      kind: 'basic',
      username: 'alice',
      password: 'alice-secret',
    });
    assert.deepEqual(await credentials.get('reg.example:5000'), {
      kind: 'basic',
      username: 'alice',
      password: 'alice-secret',
    });
    assert.deepEqual(await calls(), ['get reg.example:5000']);
  });

  test('when Docker Hub goes through credsStore → the helper is asked for https://index.docker.io/v1/', async () => {
    await rm(logPath, { force: true });
    assert.deepEqual(await store().get('docker.io'), {
      kind: 'basic',
      username: 'hubuser',
      password: 'hub-secret',
    });
    assert.deepEqual(await calls(), ['get https://index.docker.io/v1/']);
  });

  test('when the helper answers Username <token> → it is an identity token', async () => {
    assert.deepEqual(await store().get('token.example'), {
      kind: 'identityToken',
      username: '',
      identityToken: 'refresh-token',
    });
  });

  test('when the helper has no entry ("credentials not found") → there is no credential', async () => {
    assert.equal(await store().get('unknown.example'), undefined);
  });

  test('when helpers are disabled → no process runs and only auths is read', async () => {
    await rm(logPath, { force: true });
    assert.deepEqual(await store('disabled').get('reg.example:5000'), {
      kind: 'basic',
      username: 'from',
      password: 'auths',
    });
    assert.equal(await store('disabled').get('unknown.example'), undefined);
    assert.deepEqual(await calls(), []);
  });

  test('when the helper name is a path → CONFIGURATION and nothing is spawned', async () => {
    await rm(logPath, { force: true });
    await assert.rejects(
      store().get('evil.example'),
      (error) => error instanceof TrustError && error.code === 'CONFIGURATION',
    );
    assert.deepEqual(await calls(), []);
  });

  test('when the helper never answers → TIMEOUT once the deadline passes', async () => {
    await assert.rejects(
      store('enabled', 300).get('hang.example'),
      (error) => error instanceof TrustError && error.code === 'TIMEOUT',
    );
  });

  test('when the helper is not installed → CONFIGURATION with the cause kept', async () => {
    const missing = createDockerCredentialStore({
      configDir: dir,
      readFile: (path) => readFile(path),
      runProcess: createProcessRunner({ PATH: '/nonexistent' }),
      credentialHelpers: 'enabled',
      helperTimeoutMs: 1_000,
    });
    await assert.rejects(missing.get('reg.example:5000'), (error) => {
      assert.ok(error instanceof TrustError && error.code === 'CONFIGURATION');
      assert.ok(error.cause !== undefined);
      return true;
    });
  });
});
