import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpClientOptions } from '../../../server/src/trust/transport/httpClientOptions';
import { createNodeHttpClient } from '../../../server/src/trust/transport/nodeHttpClient';
import { startLoopbackServer, type LoopbackServer } from './support/loopbackServer';

/**
 * The contract both clients share is tested in undiciHttpClient.test.ts and proxying in proxyTunnel.test.ts;
 * these are the node client's own.
 */
function options(): HttpClientOptions {
  return {
    hostPolicy: { insecureHosts: [], caFiles: {} },
    proxy: {},
    readFile: (path) => readFile(path),
    connectTimeoutMs: 2_000,
    defaultTimeoutMs: 5_000,
    userAgent: 'image-trust-test/1',
  };
}

describe('node HttpClient connections', () => {
  let target: LoopbackServer;
  const connections = new Set<Socket>();
  let accepted = 0;

  before(async () => {
    target = await startLoopbackServer((request, response) => {
      if (request.url === '/close') {
        // Answers, then closes the kept-alive connection behind the client's back.
        response.writeHead(200, { connection: 'close' }).end('bye');
        return;
      }
      response.writeHead(200).end(`ok ${request.url ?? ''}`);
    });
  });

  after(async () => {
    for (const socket of connections) socket.destroy();
    await target.close();
  });

  test('when requests to one host follow each other → they share one kept-alive connection', async () => {
    const counting = createServer((request, response) => void response.end(`ok ${request.url ?? ''}`));
    counting.on('connection', (socket: Socket) => {
      accepted++;
      connections.add(socket);
    });
    await new Promise<void>((resolve) => counting.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (counting.address() as AddressInfo).port;
    const http = createNodeHttpClient(options());
    try {
      for (const path of ['/a', '/b', '/c']) {
        const url = new URL(`http://127.0.0.1:${port}${path}`);
        const response = await http.request({ url, method: 'GET', maxBytes: 100 });
        assert.equal(Buffer.from(response.body).toString(), `ok ${path}`);
      }
    } finally {
      await http.close();
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
    assert.equal(accepted, 1);
  });

  test('when the server closes a connection after answering → the next request opens a new one and succeeds', async () => {
    const http = createNodeHttpClient(options());
    try {
      const first = await http.request({
        url: new URL(`${target.origin}/close`),
        method: 'GET',
        maxBytes: 100,
      });
      assert.equal(Buffer.from(first.body).toString(), 'bye');
      const second = await http.request({
        url: new URL(`${target.origin}/next`),
        method: 'GET',
        maxBytes: 100,
      });
      assert.equal(Buffer.from(second.body).toString(), 'ok /next');
    } finally {
      await http.close();
    }
  });
});
