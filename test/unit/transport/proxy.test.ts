import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyFor, proxySettingsFromEnvironment } from '../../../server/src/trust/transport/proxy';
import { TrustError } from '../../../server/src/trust/errors';

const settings = proxySettingsFromEnvironment({
  HTTPS_PROXY: 'http://proxy.corp:3128',
  http_proxy: 'proxy.corp:8080',
  NO_PROXY: 'internal.example, .svc.cluster, 10.0.0.0/8, registry.local:5000',
});

function via(url: string): string | undefined {
  return proxyFor(new URL(url), settings)?.href;
}

test('when HTTPS_PROXY is set → https URLs go through it and http URLs through HTTP_PROXY', () => {
  assert.equal(via('https://registry.example.com/v2/'), 'http://proxy.corp:3128/');
  assert.equal(via('http://registry.example.com/v2/'), 'http://proxy.corp:8080/');
});

test('when the host is loopback → it is never proxied', () => {
  assert.equal(via('https://127.0.0.1:5443/v2/'), undefined);
  assert.equal(via('https://localhost:4443/v2/'), undefined);
  assert.equal(via('https://[::1]:4443/v2/'), undefined);
});

test('when NO_PROXY names a domain, a dot-domain, a CIDR or host:port → those hosts are direct', () => {
  assert.equal(via('https://internal.example/'), undefined);
  assert.equal(via('https://a.internal.example/'), undefined);
  assert.equal(via('https://x.svc.cluster/'), undefined);
  assert.equal(via('https://svc.cluster/'), 'http://proxy.corp:3128/');
  assert.equal(via('https://10.1.2.3/'), undefined);
  assert.equal(via('https://11.1.2.3/'), 'http://proxy.corp:3128/');
  assert.equal(via('https://registry.local:5000/'), undefined);
  assert.equal(via('https://registry.local:5001/'), 'http://proxy.corp:3128/');
  assert.equal(via('https://notinternal.example/'), 'http://proxy.corp:3128/');
});

test('when NO_PROXY is * → nothing is proxied', () => {
  const all = proxySettingsFromEnvironment({ HTTPS_PROXY: 'http://p:1', no_proxy: '*' });
  assert.equal(proxyFor(new URL('https://example.com/'), all), undefined);
});

test('when no proxy variable is set → connections are direct', () => {
  assert.equal(proxyFor(new URL('https://example.com/'), proxySettingsFromEnvironment({})), undefined);
});

test('when the proxy URL is malformed → it fails with CONFIGURATION without echoing it', () => {
  const broken = proxySettingsFromEnvironment({ HTTPS_PROXY: 'http://user:secret@[bad' });
  assert.throws(
    () => proxyFor(new URL('https://example.com/'), broken),
    (error) =>
      error instanceof TrustError && error.code === 'CONFIGURATION' && !error.message.includes('secret'),
  );
});
