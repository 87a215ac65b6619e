import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registryBaseUrl, trustServerUrl } from '../../../server/src/trust/registry/endpoints';
import { TrustError } from '../../../server/src/trust/errors';

const secure = { hostPolicy: { insecureHosts: [], caFiles: {} }, allowHttpLoopback: false };

test('when the registry is Docker Hub under any alias → the API is https://registry-1.docker.io', () => {
  for (const host of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
    assert.equal(registryBaseUrl(host, secure).href, 'https://registry-1.docker.io/');
  }
});

test('when the host is not insecure → https, even on loopback unless loopback HTTP is allowed', () => {
  assert.equal(registryBaseUrl('quay.io', secure).href, 'https://quay.io/');
  assert.equal(registryBaseUrl('127.0.0.1:5000', secure).href, 'https://127.0.0.1:5000/');
  assert.equal(
    registryBaseUrl('127.0.0.1:5000', { ...secure, allowHttpLoopback: true }).href,
    'http://127.0.0.1:5000/',
  );
  assert.equal(
    registryBaseUrl('reg.internal:5000', {
      hostPolicy: { insecureHosts: ['reg.internal:5000'], caFiles: {} },
      allowHttpLoopback: false,
    }).href,
    'http://reg.internal:5000/',
  );
});

test('when the host is not a host[:port] → it fails with CONFIGURATION', () => {
  assert.throws(
    () => registryBaseUrl('a/b', secure),
    (error) => error instanceof TrustError && error.code === 'CONFIGURATION',
  );
});

test('when DOCKER_CONTENT_TRUST_SERVER is an https URL → it is the trust server for every registry', () => {
  assert.equal(
    trustServerUrl('quay.io', { DOCKER_CONTENT_TRUST_SERVER: 'https://127.0.0.1:4443' }).href,
    'https://127.0.0.1:4443/',
  );
});

test('when DOCKER_CONTENT_TRUST_SERVER is not https → it fails with CONFIGURATION (docker: valid https URL required)', () => {
  assert.throws(
    () => trustServerUrl('quay.io', { DOCKER_CONTENT_TRUST_SERVER: 'http://127.0.0.1:4580' }),
    (error) => error instanceof TrustError && error.code === 'CONFIGURATION',
  );
});

test('when unset → Docker Hub uses notary.docker.io and other registries their own https host:port', () => {
  assert.equal(trustServerUrl('docker.io', {}).href, 'https://notary.docker.io/');
  assert.equal(trustServerUrl('127.0.0.1:5443', {}).href, 'https://127.0.0.1:5443/');
});
