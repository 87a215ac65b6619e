import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ClosableHttpClient } from '../../../server/src/trust/transport/httpClientOptions';
import { createNodeHttpClient } from '../../../server/src/trust/transport/nodeHttpClient';
import { createUndiciHttpClient } from '../../../server/src/trust/transport/undiciHttpClient';
import { EMPTY_HOST_POLICY, type HostPolicy } from '../../../server/src/trust/transport/hostPolicy';
import { TrustError, type TrustErrorCode } from '../../../server/src/trust/errors';
import { freePort } from '../../../scripts/lab/ports';
import { startLoopbackServer, type LoopbackServer } from './support/loopbackServer';
import { makeTlsFixtures, type TlsFixtures } from './support/tlsFixtures';

// Both production clients keep one contract (the CLI uses node's http, the language server undici).
for (const [stack, create] of [
  ['undici', createUndiciHttpClient],
  ['node', createNodeHttpClient],
] as const) {
  function client(hostPolicy: HostPolicy = EMPTY_HOST_POLICY): ClosableHttpClient {
    return create({
      hostPolicy,
      proxy: {},
      readFile: (path) => readFile(path),
      connectTimeoutMs: 2_000,
      defaultTimeoutMs: 5_000,
      userAgent: 'image-trust-test/1',
    });
  }

  function rejectsWith(code: TrustErrorCode): (error: unknown) => boolean {
    return (error) => {
      assert.ok(error instanceof TrustError, `expected a TrustError, got ${String(error)}`);
      assert.equal(error.code, code);
      return true;
    };
  }

  describe(`${stack} HttpClient over plain HTTP`, () => {
    const servers: LoopbackServer[] = [];
    const http = client();
    let closedResponses = 0;
    let endlessClosed: Promise<unknown> = Promise.resolve();
    let base = '';

    before(async () => {
      let resolveEndless: (value: unknown) => void = () => {};
      endlessClosed = new Promise((resolve) => (resolveEndless = resolve));
      const server = await startLoopbackServer((request, response) => {
        switch (request.url) {
          case '/ok':
            response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
            return;
          case '/big':
            response.writeHead(200).end(Buffer.alloc(2_000, 1));
            return;
          case '/endless': {
            response.writeHead(200);
            const chunk = Buffer.alloc(16 * 1024, 7);
            const pump = (): void => {
              while (!response.destroyed && response.write(chunk));
            };
            response.on('drain', pump);
            response.on('close', () => {
              closedResponses++;
              resolveEndless(undefined);
            });
            pump();
            return;
          }
          case '/announces-huge':
            response.writeHead(200, { 'content-length': '999999999' });
            response.write('x');
            return;
          case '/silent':
            return; // never answers
          case '/stall-body':
            response.writeHead(200);
            response.write('partial');
            return;
          case '/redirect':
            response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
            return;
          case '/missing':
            response.writeHead(404).end('{"errors":[]}');
            return;
          default:
            response.writeHead(500).end();
        }
      });
      servers.push(server);
      base = server.origin;
    });

    after(async () => {
      await http.close();
      await Promise.all(servers.map((server) => server.close()));
    });

    test('when the server answers 200 → it returns status, lower-cased headers, the body and sends the user agent', async () => {
      const response = await http.request({ url: new URL(`${base}/ok`), method: 'GET', maxBytes: 100 });
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'text/plain');
      assert.equal(Buffer.from(response.body).toString(), 'hello');
      assert.equal(servers[0]?.requests.at(-1)?.headers['user-agent'], 'image-trust-test/1');
    });

    test('when the body is larger than maxBytes → it fails with OVERSIZE', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/big`), method: 'GET', maxBytes: 1_000 }),
        rejectsWith('OVERSIZE'),
      );
    });

    test('when the body never ends → it fails with OVERSIZE and the connection is closed', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/endless`), method: 'GET', maxBytes: 256 * 1024 }),
        rejectsWith('OVERSIZE'),
      );
      await endlessClosed;
      assert.equal(closedResponses, 1);
    });

    test('when Content-Length announces more than maxBytes → it fails with OVERSIZE before reading', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/announces-huge`), method: 'GET', maxBytes: 1_000 }),
        rejectsWith('OVERSIZE'),
      );
    });

    test('when the body is one byte shorter or longer than exactLength → it fails with LENGTH_MISMATCH', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/ok`), method: 'GET', maxBytes: 100, exactLength: 6 }),
        rejectsWith('LENGTH_MISMATCH'),
      );
      await assert.rejects(
        http.request({ url: new URL(`${base}/ok`), method: 'GET', maxBytes: 100, exactLength: 4 }),
        rejectsWith('LENGTH_MISMATCH'),
      );
      const exact = await http.request({
        url: new URL(`${base}/ok`),
        method: 'GET',
        maxBytes: 100,
        exactLength: 5,
      });
      assert.equal(exact.body.byteLength, 5);
    });

    test('when a 404 comes back with exactLength set → it returns the 404 without a length check', async () => {
      const response = await http.request({
        url: new URL(`${base}/missing`),
        method: 'GET',
        maxBytes: 100,
        exactLength: 500,
      });
      assert.equal(response.status, 404);
    });

    test('when the server never answers → it fails with TIMEOUT', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/silent`), method: 'GET', maxBytes: 100, timeoutMs: 300 }),
        rejectsWith('TIMEOUT'),
      );
    });

    test('when the body stalls after the headers → it fails with TIMEOUT', async () => {
      await assert.rejects(
        http.request({ url: new URL(`${base}/stall-body`), method: 'GET', maxBytes: 100, timeoutMs: 300 }),
        rejectsWith('TIMEOUT'),
      );
    });

    test('when the server redirects → it returns the 3xx and does not follow it', async () => {
      const response = await http.request({ url: new URL(`${base}/redirect`), method: 'GET', maxBytes: 100 });
      assert.equal(response.status, 302);
      assert.equal(response.headers.location, 'http://127.0.0.1:1/elsewhere');
    });

    test('when nothing listens on the port → it fails with UNREACHABLE and keeps the cause', async () => {
      const port = await freePort();
      await assert.rejects(
        http.request({ url: new URL(`http://127.0.0.1:${port}/`), method: 'GET', maxBytes: 100 }),
        (error) => {
          assert.ok(error instanceof TrustError);
          assert.equal(error.code, 'UNREACHABLE');
          assert.ok(error.cause !== undefined);
          return true;
        },
      );
    });

    test('when the caller aborts → it rejects with the caller’s reason', async () => {
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      const pending = http.request({
        url: new URL(`${base}/silent`),
        method: 'GET',
        maxBytes: 100,
        signal: controller.signal,
      });
      controller.abort(reason);
      await assert.rejects(pending, (error) => error === reason);
    });
  });

  describe(`${stack} HttpClient over TLS`, () => {
    let tls: TlsFixtures;
    let server: LoopbackServer;

    before(async () => {
      tls = await makeTlsFixtures();
      server = await startLoopbackServer(
        (_request, response) => void response.writeHead(200).end('secure'),
        tls,
      );
    });

    after(async () => {
      await server?.close();
      await tls?.remove();
    });

    test('when the server certificate is from an unknown CA → it fails with TLS_ERROR', async () => {
      const http = client();
      try {
        await assert.rejects(
          http.request({ url: new URL(`${server.origin}/`), method: 'GET', maxBytes: 100 }),
          rejectsWith('TLS_ERROR'),
        );
      } finally {
        await http.close();
      }
    });

    test('when the host has a CA file → it verifies against that CA and succeeds', async () => {
      const http = client({ insecureHosts: [], caFiles: { [`127.0.0.1:${server.port}`]: tls.caPath } });
      try {
        const response = await http.request({
          url: new URL(`${server.origin}/`),
          method: 'GET',
          maxBytes: 100,
        });
        assert.equal(Buffer.from(response.body).toString(), 'secure');
      } finally {
        await http.close();
      }
    });

    test('when one host has a CA file → another host of the same client does not trust that CA', async () => {
      // The CA is added to a copy of the roots owned by that host's context (dispatchers.ts rootsPlusCa),
      // never to node's shared root store: localhost (same server, no CA file) must still be refused.
      const http = client({ insecureHosts: [], caFiles: { [`127.0.0.1:${server.port}`]: tls.caPath } });
      try {
        const trusted = await http.request({
          url: new URL(`${server.origin}/`),
          method: 'GET',
          maxBytes: 100,
        });
        assert.equal(trusted.status, 200);
        await assert.rejects(
          http.request({ url: new URL(`https://localhost:${server.port}/`), method: 'GET', maxBytes: 100 }),
          rejectsWith('TLS_ERROR'),
        );
      } finally {
        await http.close();
      }
    });

    test('when the CA file cannot be read → it fails with CONFIGURATION', async () => {
      const http = client({ insecureHosts: [], caFiles: { '127.0.0.1': `${tls.dir}/nope.crt` } });
      try {
        await assert.rejects(
          http.request({ url: new URL(`${server.origin}/`), method: 'GET', maxBytes: 100 }),
          rejectsWith('CONFIGURATION'),
        );
      } finally {
        await http.close();
      }
    });

    test('when only another host is insecure → verification stays on for this host', async () => {
      const http = client({ insecureHosts: [`localhost:${server.port}`], caFiles: {} });
      try {
        await assert.rejects(
          http.request({ url: new URL(`${server.origin}/`), method: 'GET', maxBytes: 100 }),
          rejectsWith('TLS_ERROR'),
        );
        const response = await http.request({
          url: new URL(`https://localhost:${server.port}/`),
          method: 'GET',
          maxBytes: 100,
        });
        assert.equal(response.status, 200);
      } finally {
        await http.close();
      }
    });

    test('when TLS is spoken to a plain HTTP port → it fails with TLS_ERROR', async () => {
      const plain = await startLoopbackServer((_request, response) => void response.end('plain'));
      const http = client();
      try {
        await assert.rejects(
          http.request({ url: new URL(`https://127.0.0.1:${plain.port}/`), method: 'GET', maxBytes: 100 }),
          rejectsWith('TLS_ERROR'),
        );
      } finally {
        await http.close();
        await plain.close();
      }
    });
  });
}
