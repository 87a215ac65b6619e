import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  createDockerCredentialStore,
  dockerConfigDir,
} from '../../../server/src/trust/credentials/dockerCredentialStore';
import type { ProcessRunner } from '../../../server/src/trust/credentials/processRunner';
import { TrustError } from '../../../server/src/trust/errors';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function storeWith(
  config: unknown,
  runProcess: ProcessRunner = () => Promise.reject(new Error('no helper expected')),
) {
  return createDockerCredentialStore({
    configDir: '/cfg',
    readFile: (path) =>
      path === join('/cfg', 'config.json')
        ? Promise.resolve(Buffer.from(typeof config === 'string' ? config : JSON.stringify(config)))
        : Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' })),
    runProcess,
    credentialHelpers: 'enabled',
    helperTimeoutMs: 1_000,
  });
}

test('when auths has a base64 auth → it wins over username/password', async () => {
  const store = storeWith({
    auths: { 'reg.example:5000': { auth: b64('alice:s3:cret'), username: 'bob', password: 'x' } },
  });
  assert.deepEqual(await store.get('reg.example:5000'), {
    kind: 'basic',
    username: 'alice',
    password: 's3:cret',
  });
});

test('when auths has username/password or an identitytoken → it returns basic or identityToken', async () => {
  const store = storeWith({
    auths: {
      'a.example': { username: 'u', password: 'p' },
      'b.example': { auth: b64('u2:'), identitytoken: 'refresh-me' },
    },
  });
  assert.deepEqual(await store.get('a.example'), { kind: 'basic', username: 'u', password: 'p' });
  assert.deepEqual(await store.get('b.example'), {
    kind: 'identityToken',
    username: 'u2',
    identityToken: 'refresh-me',
  });
  assert.equal(await store.get('c.example'), undefined);
});

test('when the key is a legacy URL → it matches by hostname as docker fileStore.Get does', async () => {
  const store = storeWith({ auths: { 'https://reg.example:5000/v1/': { auth: b64('u:p') } } });
  assert.deepEqual(await store.get('reg.example:5000'), { kind: 'basic', username: 'u', password: 'p' });
  assert.equal(await store.get('reg.example'), undefined);
});

test('when Docker Hub credentials sit under https://index.docker.io/v1/ → every Hub alias finds them', async () => {
  const store = storeWith({ auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } });
  for (const host of [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'https://index.docker.io/v1/',
  ]) {
    assert.deepEqual(await store.get(host), { kind: 'basic', username: 'hub', password: 'pw' }, host);
  }
  assert.equal(await store.get('quay.io'), undefined);
});

test('when Hub credentials are keyed docker.io (a common hand-written form) → Hub lookups still find them', async () => {
  const store = storeWith({ auths: { 'docker.io': { auth: b64('hub:pw') } } });
  assert.deepEqual(await store.get('registry-1.docker.io'), {
    kind: 'basic',
    username: 'hub',
    password: 'pw',
  });
});

test('when auth is not base64 user:password → it fails with CONFIGURATION without echoing the value', async () => {
  const store = storeWith({ auths: { 'a.example': { auth: 'not base64!!' } } });
  await assert.rejects(store.get('a.example'), (error) => {
    assert.ok(error instanceof TrustError && error.code === 'CONFIGURATION');
    assert.ok(!error.message.includes('not base64!!'));
    return true;
  });
});

test('when config.json is missing → there are no credentials; when it is not JSON → CONFIGURATION', async () => {
  const missing = createDockerCredentialStore({
    configDir: '/nowhere',
    readFile: () => Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' })),
    runProcess: () => Promise.reject(new Error('unused')),
    credentialHelpers: 'enabled',
    helperTimeoutMs: 1_000,
  });
  assert.equal(await missing.get('a.example'), undefined);
  await assert.rejects(
    storeWith('{oops').get('a.example'),
    (error) => error instanceof TrustError && error.code === 'CONFIGURATION',
  );
});

test('when helpers are disabled → credsStore is ignored, no process runs and auths is used', async () => {
  const store = createDockerCredentialStore({
    configDir: '/cfg',
    readFile: () =>
      Promise.resolve(
        Buffer.from(JSON.stringify({ credsStore: 'desktop', auths: { 'a.example': { auth: b64('u:p') } } })),
      ),
    runProcess: () => Promise.reject(new Error('a helper ran although helpers are disabled')),
    credentialHelpers: 'disabled',
    helperTimeoutMs: 1_000,
  });
  assert.deepEqual(await store.get('a.example'), { kind: 'basic', username: 'u', password: 'p' });
});

test('when DOCKER_CONFIG is set → it is the config folder, else ~/.docker', () => {
  assert.equal(dockerConfigDir({ DOCKER_CONFIG: '/x/docker' }, '/home/u'), '/x/docker');
  assert.equal(dockerConfigDir({}, '/home/u'), join('/home/u', '.docker'));
});
