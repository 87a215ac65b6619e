import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testAuthenticator } from '../../unit/transport/support/testClients';
import type { Credential, CredentialStore } from '../../../server/src/trust/credentials/credential';
import { TrustError } from '../../../server/src/trust/errors';
import {
  createTrustTransport,
  type TrustTransport,
} from '../../../server/src/trust/transport/trustTransport';
import { startLoopbackServer, type LoopbackServer } from '../../unit/transport/support/loopbackServer';
import { makeTlsFixtures, type TlsFixtures } from '../../unit/transport/support/tlsFixtures';

const SECRET: Credential = { kind: 'basic', username: 'labuser', password: 'labpass' };
const BASIC = `Basic ${Buffer.from('labuser:labpass').toString('base64')}`;

/**
 * Credentials go only where they belong (auth/credentialRouting.ts): a token realm on another host
 * (`localhost:P` is another host than `127.0.0.1:P`) and any redirect target receive no Authorization.
 * Every server here is an HTTPS server on loopback that records the headers it gets.
 */
describe('credentials never leak to other hosts', () => {
  let tls: TlsFixtures;
  let registry: LoopbackServer;
  let recorder: LoopbackServer;
  let transport: TrustTransport;
  let realmForRequest: (path: string) => string = () => '';

  before(async () => {
    tls = await makeTlsFixtures();
    recorder = await startLoopbackServer((request, response) => {
      if (request.url?.startsWith('/token')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"from-recorder"}');
        return;
      }
      response.writeHead(200).end('recorded');
    }, tls);
    registry = await startLoopbackServer((request, response) => {
      const path = request.url ?? '/';
      if (path.startsWith('/token-redirect')) {
        response.writeHead(307, { location: `https://localhost:${recorder.port}/token` }).end();
        return;
      }
      if (path.startsWith('/token')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"same-host"}');
        return;
      }
      if (path === '/v2/redirected/manifests/latest') {
        response.writeHead(302, { location: `https://localhost:${recorder.port}/elsewhere` }).end();
        return;
      }
      const authorization = request.headers.authorization;
      if (
        authorization === 'Bearer same-host' ||
        authorization === 'Bearer from-recorder' ||
        authorization === BASIC
      ) {
        response.writeHead(200).end('ok');
        return;
      }
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="${realmForRequest(path)}",service="registry"` })
        .end();
    }, tls);
    const store: CredentialStore = {
      get: (host) => Promise.resolve(host === `127.0.0.1:${registry.port}` ? SECRET : undefined),
    };
    transport = createTrustTransport({
      env: {},
      credentials: store,
      caFiles: { '127.0.0.1': tls.caPath, localhost: tls.caPath },
      timeoutMs: 5_000,
    });
  });

  after(async () => {
    await transport?.close();
    await registry?.close();
    await recorder?.close();
    await tls?.remove();
  });

  /** A store holding credentials for the registry's own host only. */
  const registryOnly = (): CredentialStore => ({
    get: (host) => Promise.resolve(host === `127.0.0.1:${registry.port}` ? SECRET : undefined),
  });

  const send = (path: string) =>
    transport.auth.send(
      transport.http,
      { url: new URL(`${registry.origin}${path}`), method: 'GET', maxBytes: 1000 },
      { repository: 'ns/app' },
    );

  test('when the realm is on the registry’s own host → it receives the registry’s credentials', async () => {
    realmForRequest = () => `${registry.origin}/token`;
    registry.requests.length = 0;
    const response = await send('/v2/ns/app/manifests/a');
    assert.equal(response.status, 200);
    const tokenRequest = registry.requests.find((request) => request.url.startsWith('/token'));
    assert.equal(tokenRequest?.headers.authorization, BASIC);
  });

  test('when the realm is another host (localhost vs 127.0.0.1) → it receives no Authorization header', async () => {
    const auth = testAuthenticator({ credentials: registryOnly() });
    realmForRequest = () => `https://localhost:${recorder.port}/token`;
    recorder.requests.length = 0;
    const response = await auth.send(
      transport.http,
      { url: new URL(`${registry.origin}/v2/ns/app/manifests/b`), method: 'GET', maxBytes: 1000 },
      { repository: 'ns/app' },
    );
    assert.equal(response.status, 200); // anonymous token from the recorder
    assert.equal(recorder.requests.length, 1);
    assert.equal(recorder.requests[0]?.headers.authorization, undefined);
  });

  test('when the other realm host is explicitly delegated → it receives the credentials', async () => {
    const auth = testAuthenticator({
      credentials: registryOnly(),
      credentialDelegation: { [`127.0.0.1:${registry.port}`]: [`localhost:${recorder.port}`] },
    });
    realmForRequest = () => `https://localhost:${recorder.port}/token`;
    recorder.requests.length = 0;
    await auth.send(
      transport.http,
      { url: new URL(`${registry.origin}/v2/ns/app/manifests/c`), method: 'GET', maxBytes: 1000 },
      { repository: 'ns/app' },
    );
    assert.equal(recorder.requests[0]?.headers.authorization, BASIC);
  });

  test('when the token realm redirects → REDIRECT_REFUSED and the redirect target is never contacted', async () => {
    const auth = testAuthenticator({ credentials: registryOnly() });
    realmForRequest = () => `${registry.origin}/token-redirect`;
    recorder.requests.length = 0;
    await assert.rejects(
      auth.send(
        transport.http,
        { url: new URL(`${registry.origin}/v2/ns/app/manifests/d`), method: 'GET', maxBytes: 1000 },
        { repository: 'ns/app' },
      ),
      (error) => error instanceof TrustError && error.code === 'REDIRECT_REFUSED',
    );
    assert.equal(recorder.requests.length, 0);
  });

  test('when an authenticated registry request is redirected → the target is never contacted', async () => {
    realmForRequest = () => `${registry.origin}/token`;
    recorder.requests.length = 0;
    const client = transport.registryClient(`127.0.0.1:${registry.port}`);
    await assert.rejects(
      client.resolveDigest('redirected', 'latest'),
      (error) => (error as { code?: unknown }).code === 'REDIRECT_REFUSED',
    );
    assert.equal(recorder.requests.length, 0);
  });

  test('when the realm is plain http on a non-loopback host → AUTH_CHALLENGE_INVALID and nothing is sent', async () => {
    realmForRequest = () => 'http://token.example.invalid/token';
    const auth = testAuthenticator({ credentials: { get: () => Promise.resolve(SECRET) } });
    await assert.rejects(
      auth.send(
        transport.http,
        { url: new URL(`${registry.origin}/v2/ns/app/manifests/e`), method: 'GET', maxBytes: 1000 },
        { repository: 'ns/app' },
      ),
      (error) => error instanceof TrustError && error.code === 'AUTH_CHALLENGE_INVALID',
    );
  });
});
