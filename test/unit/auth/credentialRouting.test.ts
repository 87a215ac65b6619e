import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialFor } from '../../../server/src/trust/auth/credentialRouting';
import type { Credential, CredentialStore } from '../../../server/src/trust/credentials/credential';

const HUB: Credential = { kind: 'basic', username: 'hub', password: 'h' };
const REALM_OWN: Credential = { kind: 'basic', username: 'realm', password: 'r' };
const store: CredentialStore = {
  get: (host) =>
    Promise.resolve(host === 'docker.io' ? HUB : host === 'auth.example' ? REALM_OWN : undefined),
};
const options = {
  hostPolicy: { insecureHosts: ['insecure.example'], caFiles: {} },
  credentialDelegation: { 'docker.io': [] },
};

test('when Docker Hub credentials meet Hub’s own token or notary hosts → they are sent', async () => {
  assert.equal(
    await credentialFor(new URL('https://auth.docker.io/token'), 'docker.io', store, options),
    HUB,
  );
  assert.equal(
    await credentialFor(new URL('https://registry-1.docker.io/v2/'), 'docker.io', store, options),
    HUB,
  );
});

test('when Hub credentials would go to a non-Hub realm → that realm gets only its own stored credential', async () => {
  assert.equal(
    await credentialFor(new URL('https://evil.example/token'), 'docker.io', store, options),
    undefined,
  );
  assert.equal(
    await credentialFor(new URL('https://auth.example/token'), 'docker.io', store, options),
    REALM_OWN,
  );
});

test('when the destination is plain HTTP → nothing is sent unless the host is explicitly insecure', async () => {
  assert.equal(
    await credentialFor(new URL('http://auth.example/token'), 'auth.example', store, options),
    undefined,
  );
  const insecureStore: CredentialStore = {
    get: (host) => Promise.resolve(host === 'insecure.example' ? REALM_OWN : undefined),
  };
  assert.equal(
    await credentialFor(new URL('http://insecure.example/token'), 'insecure.example', insecureStore, options),
    REALM_OWN,
  );
});
