/**
 * A measuring instrument, not a part under test: a loopback HTTP(S) proxy in front of one lab service
 * (notary-server or the plain-HTTP registry) that forwards every request unchanged and records its path,
 * status and start/end time. The request log is what the benchmark counts (requests, cold and warm) and
 * where it finds overlapping resolutions of the same repository.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number | 'error';
  readonly startMs: number;
  readonly endMs: number;
}

export interface CountingProxy {
  /** `https://127.0.0.1:PORT` or `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** `127.0.0.1:PORT`. */
  readonly host: string;
  readonly requests: ProxiedRequest[];
  /** Requests forwarded and not answered yet. */
  inFlight(): number;
  /** Client connections accepted since the last reset (each TLS one costs the client a handshake). */
  connections(): number;
  reset(): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  readonly upstream: string;
  /** CA of the upstream's TLS certificate (notary-server). */
  readonly upstreamCaPath?: string;
  /** Serve TLS with this leaf (signed by a CA the language server is given in `trust.caFiles`). */
  readonly tls?: { readonly certPath: string; readonly keyPath: string };
}

export async function startCountingProxy(options: ProxyOptions): Promise<CountingProxy> {
  const upstream = new URL(options.upstream);
  const secureUpstream = upstream.protocol === 'https:';
  const ca = options.upstreamCaPath === undefined ? undefined : await readFile(options.upstreamCaPath);
  const agent = secureUpstream
    ? new https.Agent({ keepAlive: true, ca, maxSockets: 64 })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  const requests: ProxiedRequest[] = [];
  let active = 0;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const startMs = performance.now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    active++;
    let done = false;
    const finish = (status: number | 'error'): void => {
      if (done) return;
      done = true;
      active--;
      requests.push({ method, path, status, startMs, endMs: performance.now() });
    };
    const headers = { ...req.headers, host: upstream.host };
    const forward = (secureUpstream ? https : http).request(
      { host: upstream.hostname, port: upstream.port, method, path, headers, agent },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
        upstreamRes.on('end', () => finish(upstreamRes.statusCode ?? 502));
        upstreamRes.on('error', () => finish('error'));
      },
    );
    forward.on('error', () => {
      finish('error');
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on('close', () => finish('error'));
    req.pipe(forward);
  };

  const server =
    options.tls === undefined
      ? http.createServer(handler)
      : https.createServer(
          { cert: await readFile(options.tls.certPath), key: await readFile(options.tls.keyPath) },
          handler,
        );
  server.keepAliveTimeout = 30_000;
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://${host}`,
    host,
    requests,
    inFlight: () => active,
    connections: () => connections,
    reset: () => {
      requests.length = 0;
      connections = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
