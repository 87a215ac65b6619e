import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Credential, CredentialStore } from '../../../server/src/trust/credentials/credential';
import { TrustError } from '../../../server/src/trust/errors';
import type { Clock } from '../../../server/src/trust/io';
import { testAuthenticator, testHttpClient } from '../transport/support/testClients';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../transport/support/loopbackServer';

const START = Date.parse('2026-12-01T00:00:00Z');

function storeOf(entries: Record<string, Credential>): CredentialStore {
  return { get: (host) => Promise.resolve(entries[host]) };
}

describe('authenticator: Bearer token flow and cache', () => {
  let tokenServer: LoopbackServer;
  let registry: LoopbackServer;
  let tokenBody: Record<string, unknown> = {};
  let now = START;
  const clock: Clock = { now: () => new Date(now) };
  const http = testHttpClient();

  before(async () => {
    tokenServer = await startLoopbackServer((request, response) => {
      if (request.url?.startsWith('/denied')) return sendJson(response, 401, { details: 'no' });
      sendJson(response, 200, tokenBody);
    });
    registry = await startLoopbackServer((request, response) => {
      const auth = request.headers.authorization;
      if (request.url === '/no-realm') {
        response.writeHead(401, { 'www-authenticate': 'Bearer service="x"' }).end();
        return;
      }
      if (request.url === '/remote-realm') {
        response
          .writeHead(401, { 'www-authenticate': 'Bearer realm="http://registry.example.com/token"' })
          .end();
        return;
      }
      if (request.url === '/denied-realm') {
        response
          .writeHead(401, { 'www-authenticate': `Bearer realm="${tokenServer.origin}/denied",service="svc"` })
          .end();
        return;
      }
      if (auth === 'Bearer good-1' || auth === 'Bearer good-2' || auth === 'Bearer access') {
        response.writeHead(200).end(auth);
        return;
      }
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="${tokenServer.origin}/token",service="svc"` })
        .end();
    });
  });

  after(async () => {
    await http.close();
    await tokenServer.close();
    await registry.close();
  });

  test('when a token is cached → it is reused until expires_in passes on the injected clock, then fetched again', async () => {
    const auth = testAuthenticator({ clock });
    const url = new URL(`${registry.origin}/v2/ns/app/manifests/latest`);
    tokenBody = { token: 'good-1', expires_in: 300 };
    const first = await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'ns/app' });
    assert.equal(Buffer.from(first.body).toString(), 'Bearer good-1');
    const tokenRequest = new URL(tokenServer.requests[0]?.url ?? '', tokenServer.origin);
    assert.equal(tokenRequest.searchParams.get('service'), 'svc');
    assert.equal(tokenRequest.searchParams.get('scope'), 'repository:ns/app:pull');
    assert.equal(tokenServer.requests[0]?.headers.authorization, undefined);

    now = START + 299_000;
    tokenBody = { token: 'good-2', expires_in: 300 };
    const second = await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'ns/app' });
    assert.equal(Buffer.from(second.body).toString(), 'Bearer good-1');
    assert.equal(tokenServer.requests.length, 1);

    now = START + 301_000;
    const third = await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'ns/app' });
    assert.equal(Buffer.from(third.body).toString(), 'Bearer good-2');
    assert.equal(tokenServer.requests.length, 2);
  });

  test('when expires_in is under 60 s → the token still lives 60 s (docker minimum)', async () => {
    tokenServer.requests.length = 0;
    now = START;
    const auth = testAuthenticator({ clock });
    const url = new URL(`${registry.origin}/v2/ns/short/manifests/latest`);
    tokenBody = { token: 'good-1', expires_in: 5, issued_at: new Date(START).toISOString() };
    await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'ns/short' });
    now = START + 59_000;
    await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'ns/short' });
    assert.equal(tokenServer.requests.length, 1);
  });

  test('when the token response has token and access_token → access_token wins', async () => {
    const auth = testAuthenticator({ clock });
    tokenBody = { token: 'good-1', access_token: 'access' };
    const response = await auth.send(
      http,
      { url: new URL(`${registry.origin}/x`), method: 'GET', maxBytes: 100 },
      { repository: 'other/repo' },
    );
    assert.equal(Buffer.from(response.body).toString(), 'Bearer access');
  });

  test('when the challenge has no realm → it fails with AUTH_CHALLENGE_INVALID', async () => {
    const auth = testAuthenticator({ clock });
    await assert.rejects(
      auth.send(
        http,
        { url: new URL(`${registry.origin}/no-realm`), method: 'GET', maxBytes: 100 },
        { repository: 'a/b' },
      ),
      (error) => error instanceof TrustError && error.code === 'AUTH_CHALLENGE_INVALID',
    );
  });

  test('when the realm is plain http on a non-loopback host → it fails with AUTH_CHALLENGE_INVALID before any request', async () => {
    const auth = testAuthenticator({ clock });
    await assert.rejects(
      auth.send(
        http,
        { url: new URL(`${registry.origin}/remote-realm`), method: 'GET', maxBytes: 100 },
        { repository: 'a/b' },
      ),
      (error) => error instanceof TrustError && error.code === 'AUTH_CHALLENGE_INVALID',
    );
  });

  test('when the token realm answers 401 → it fails with UNAUTHORIZED', async () => {
    const auth = testAuthenticator({ clock });
    await assert.rejects(
      auth.send(
        http,
        { url: new URL(`${registry.origin}/denied-realm`), method: 'GET', maxBytes: 100 },
        { repository: 'a/b' },
      ),
      (error) => error instanceof TrustError && error.code === 'UNAUTHORIZED',
    );
  });
});

describe('authenticator: Basic', () => {
  let registry: LoopbackServer;
  const http = testHttpClient();
  const good = `Basic ${Buffer.from('labuser:labpass').toString('base64')}`;

  before(async () => {
    registry = await startLoopbackServer((request, response) => {
      if (request.headers.authorization === good) response.writeHead(200).end('in');
      else response.writeHead(401, { 'www-authenticate': 'Basic realm="lab"' }).end();
    });
  });

  after(async () => {
    await http.close();
    await registry.close();
  });

  test('when the host is insecure-listed and has credentials → Basic is sent and remembered for the next request', async () => {
    const host = `127.0.0.1:${registry.port}`;
    const auth = testAuthenticator({
      credentials: storeOf({ [host]: { kind: 'basic', username: 'labuser', password: 'labpass' } }),
      clock: { now: () => new Date(START) },
      hostPolicy: { insecureHosts: [host], caFiles: {} },
    });
    const url = new URL(`${registry.origin}/v2/`);
    assert.equal(
      (await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'a/b' })).status,
      200,
    );
    registry.requests.length = 0;
    assert.equal(
      (await auth.send(http, { url, method: 'GET', maxBytes: 100 }, { repository: 'a/b' })).status,
      200,
    );
    assert.equal(registry.requests.length, 1);
    assert.equal(registry.requests[0]?.headers.authorization, good);
  });

  test('when the host speaks plain HTTP and is not insecure-listed → credentials are withheld and the 401 comes back', async () => {
    registry.requests.length = 0;
    const host = `127.0.0.1:${registry.port}`;
    const auth = testAuthenticator({
      credentials: storeOf({ [host]: { kind: 'basic', username: 'labuser', password: 'labpass' } }),
      clock: { now: () => new Date(START) },
      hostPolicy: { insecureHosts: [], caFiles: {} },
    });
    const response = await auth.send(
      http,
      { url: new URL(`${registry.origin}/v2/`), method: 'GET', maxBytes: 100 },
      { repository: 'a/b' },
    );
    assert.equal(response.status, 401);
    assert.ok(registry.requests.every((request) => request.headers.authorization === undefined));
  });
});

describe('authenticator: identity token and parallel requests', () => {
  let tokenServer: LoopbackServer;
  let registry: LoopbackServer;
  const forms: string[] = [];
  const http = testHttpClient();

  before(async () => {
    tokenServer = await startLoopbackServer((request, response) => {
      if (request.method !== 'POST') return sendJson(response, 200, { token: 'anonymous' });
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        forms.push(body);
        const form = new URLSearchParams(body);
        if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-me') {
          sendJson(response, 200, { access_token: 'exchanged', expires_in: 300 });
        } else sendJson(response, 401, {});
      });
    });
    registry = await startLoopbackServer((request, response) => {
      const auth = request.headers.authorization;
      if (auth === 'Bearer exchanged' || auth === 'Bearer anonymous')
        return void response.writeHead(200).end(auth);
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="${tokenServer.origin}/token",service="svc"` })
        .end();
    });
  });

  after(async () => {
    await http.close();
    await tokenServer.close();
    await registry.close();
  });

  test('when the credential is an identity token → it is exchanged by POST grant_type=refresh_token', async () => {
    const tokenHost = `127.0.0.1:${tokenServer.port}`;
    const auth = testAuthenticator({
      credentials: storeOf({
        [tokenHost]: { kind: 'identityToken', username: '', identityToken: 'refresh-me' },
      }),
      clock: { now: () => new Date(START) },
      // Credentials over plain HTTP only because this loopback host is explicitly insecure.
      hostPolicy: { insecureHosts: [tokenHost], caFiles: {} },
    });
    const response = await auth.send(
      http,
      { url: new URL(`${registry.origin}/v2/a/b/tags/list`), method: 'GET', maxBytes: 100 },
      { repository: 'a/b' },
    );
    assert.equal(Buffer.from(response.body).toString(), 'Bearer exchanged');
    const form = new URLSearchParams(forms[0] ?? '');
    assert.equal(form.get('scope'), 'repository:a/b:pull');
    assert.equal(form.get('service'), 'svc');
  });

  test('when several requests need the same token at once → the realm is asked once', async () => {
    tokenServer.requests.length = 0;
    const auth = testAuthenticator({
      credentials: storeOf({}),
      clock: { now: () => new Date(START) },
      hostPolicy: { insecureHosts: [], caFiles: {} },
    });
    // Learn the challenge first, so the parallel requests all authenticate up front.
    await auth.send(
      http,
      { url: new URL(`${registry.origin}/v2/p/q/tags/list`), method: 'GET', maxBytes: 100 },
      { repository: 'p/q' },
    );
    tokenServer.requests.length = 0;
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() =>
        auth.send(
          http,
          { url: new URL(`${registry.origin}/v2/x/y/tags/list`), method: 'GET', maxBytes: 100 },
          { repository: 'x/y' },
        ),
      ),
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 200, 200, 200],
    );
    assert.equal(tokenServer.requests.length, 1);
  });
});
