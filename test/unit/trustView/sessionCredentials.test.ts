import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CredentialStore } from '../../../server/src/trust/credentials/credential';
import { SessionCredentials } from '../../../server/src/trustView/sessionCredentials';

const docker: CredentialStore = {
  get: (host) =>
    Promise.resolve(host === 'docker.example' ? { kind: 'basic', username: 'd', password: 'dp' } : undefined),
};

describe('credentials entered in the editor', () => {
  test('when a host has a login → it is used for that host only, before Docker config', async () => {
    const store = new SessionCredentials(docker);
    store.login({ host: 'Registry.Example:5000', username: 'u', secret: 's', secretKind: 'password' });
    assert.deepEqual(await store.get('registry.example:5000'), {
      kind: 'basic',
      username: 'u',
      password: 's',
    });
    assert.equal(await store.get('registry.example'), undefined);
    assert.equal(await store.get('other.example:5000'), undefined);
    assert.deepEqual(await store.get('docker.example'), { kind: 'basic', username: 'd', password: 'dp' });
  });

  test('when the secret is a token → it becomes an identity token; logout falls back and bumps the version', async () => {
    const store = new SessionCredentials(docker);
    store.login({ host: 'docker.example', username: 'u', secret: 't', secretKind: 'identityToken' });
    assert.deepEqual(await store.get('docker.example'), {
      kind: 'identityToken',
      username: 'u',
      identityToken: 't',
    });
    const before = store.version;
    assert.equal(store.logout('docker.example'), true);
    assert.equal(store.version, before + 1);
    assert.deepEqual(await store.get('docker.example'), { kind: 'basic', username: 'd', password: 'dp' });
    assert.equal(store.logout('docker.example'), false);
  });

  test("when reloaded (imageTrust/refresh) → Docker's store is built afresh, logins stay, the version changes", async () => {
    let built = 0;
    const renew = (): CredentialStore => {
      built++;
      const password = `p${built}`;
      return { get: () => Promise.resolve({ kind: 'basic', username: 'd', password }) };
    };
    const store = new SessionCredentials(renew(), renew);
    store.login({ host: 'mine.example', username: 'u', secret: 's', secretKind: 'password' });
    assert.deepEqual(await store.get('docker.example'), { kind: 'basic', username: 'd', password: 'p1' });
    const before = store.version;
    store.reload();
    assert.equal(store.version, before + 1);
    assert.deepEqual(await store.get('docker.example'), { kind: 'basic', username: 'd', password: 'p2' });
    assert.deepEqual(await store.get('mine.example'), { kind: 'basic', username: 'u', password: 's' });
  });

  test("when there is no way to renew Docker's store → reload changes nothing", () => {
    const store = new SessionCredentials(docker);
    const before = store.version;
    store.reload();
    assert.equal(store.version, before);
  });
});
