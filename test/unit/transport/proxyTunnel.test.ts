import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { HttpClientOptions } from '../../../server/src/trust/transport/httpClientOptions';
import { createNodeHttpClient } from '../../../server/src/trust/transport/nodeHttpClient';
import { createUndiciHttpClient } from '../../../server/src/trust/transport/undiciHttpClient';
import { proxySettingsFromEnvironment } from '../../../server/src/trust/transport/proxy';
import { startLoopbackServer, type LoopbackServer } from './support/loopbackServer';

/** Client options with HTTP_PROXY set to `proxy`. */
function behindProxy(proxy: string): HttpClientOptions {
  return {
    hostPolicy: { insecureHosts: [], caFiles: {} },
    proxy: proxySettingsFromEnvironment({ HTTP_PROXY: proxy }),
    readFile: (path) => readFile(path),
    connectTimeoutMs: 2_000,
    defaultTimeoutMs: 5_000,
    userAgent: 'test',
  };
}

/**
 * HTTPS_PROXY/HTTP_PROXY wiring through undici's ProxyAgent: a loopback CONNECT proxy (node:http) that
 * tunnels every request to the loopback target and records what it was asked for and with which
 * Proxy-Authorization. The target is named `registry.test`, which is not loopback, so it is proxied.
 */
describe('proxy tunnel', () => {
  let target: LoopbackServer;
  let proxy: Server;
  let proxyPort = 0;
  const connects: { authority: string; proxyAuthorization: string | undefined }[] = [];
  const sockets = new Set<Socket>();

  before(async () => {
    target = await startLoopbackServer(
      (request, response) => void response.writeHead(200).end(`via ${request.headers.host ?? ''}`),
    );
    proxy = createServer((_request, response) => void response.writeHead(405).end());
    proxy.on('connect', (request, client: Socket) => {
      connects.push({
        authority: request.url ?? '',
        proxyAuthorization: request.headers['proxy-authorization'],
      });
      const upstream = connect(target.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => sockets.delete(socket));
      }
    });
    await new Promise<void>((resolve) => proxy.listen({ host: '127.0.0.1', port: 0 }, resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await target.close();
  });

  test('when HTTP_PROXY is set → the request is tunnelled through the proxy with its credentials', async () => {
    const http = createUndiciHttpClient(behindProxy(`http://puser:ppass@127.0.0.1:${proxyPort}`));
    try {
      const response = await http.request({
        url: new URL(`http://registry.test:${target.port}/v2/`),
        method: 'GET',
        maxBytes: 100,
      });
      assert.equal(Buffer.from(response.body).toString(), `via registry.test:${target.port}`);
      assert.deepEqual(connects, [
        {
          authority: `registry.test:${target.port}`,
          proxyAuthorization: `Basic ${Buffer.from('puser:ppass').toString('base64')}`,
        },
      ]);
    } finally {
      await http.close();
    }
  });

  test('when the node client (the CLI’s) meets HTTP_PROXY → it hands the request to undici, through the proxy', async () => {
    connects.length = 0;
    const http = createNodeHttpClient(behindProxy(`http://127.0.0.1:${proxyPort}`));
    try {
      const response = await http.request({
        url: new URL(`http://registry.test:${target.port}/v2/`),
        method: 'GET',
        maxBytes: 100,
      });
      assert.equal(Buffer.from(response.body).toString(), `via registry.test:${target.port}`);
      // Loopback is never proxied (Go's httpproxy): that request goes straight to the target.
      const direct = await http.request({
        url: new URL(`${target.origin}/v2/`),
        method: 'GET',
        maxBytes: 100,
      });
      assert.equal(direct.status, 200);
      assert.deepEqual(
        connects.map((c) => c.authority),
        [`registry.test:${target.port}`],
      );
    } finally {
      await http.close();
    }
  });
});
