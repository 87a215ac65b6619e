import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { TrustError } from '../errors';
import type { HttpRequest, HttpResponse } from '../io';
import { bodyLimits, flattenHeaders, guardedExchange, type ExchangeDetails } from './guardedExchange';
import { caFileFor, isInsecureHost } from './hostPolicy';
import { lazyUndiciHttpClient, type ClosableHttpClient, type HttpClientOptions } from './httpClientOptions';
import { proxyFor } from './proxy';
import { readCappedBody } from './readBody';
import { createCaLoader, rootsPlusCa } from './tlsContext';

function ignore(): void {}

/**
 * The same contract as the undici client (undiciHttpClient.ts: deadline on every exchange, body cap
 * enforced while streaming, redirects never followed, per-host CA files added to the system roots,
 * explicitly insecure hosts) over node's own `http`/`https`, for short-lived processes: node's HTTP
 * stack is part of node itself (~10 ms to load), undici's bundled module initialisation ~100 ms of CPU
 * (BENCHMARKS.md §2). Connections are kept alive per (scheme, CA file, insecure) agent, so the metadata
 * requests of one repository reuse one TLS connection and a wave of delegations runs in parallel.
 * Requests that go through HTTPS_PROXY/HTTP_PROXY are handed to the undici client (loaded on first use),
 * so proxy tunnelling has one implementation.
 */
export function createNodeHttpClient(options: HttpClientOptions): ClosableHttpClient {
  const loadCa = createCaLoader(options.readFile);
  const agents = new Map<string, Promise<HttpAgent>>();
  const proxied = lazyUndiciHttpClient(options);

  async function buildAgent(url: URL): Promise<HttpAgent> {
    if (url.protocol !== 'https:') return new HttpAgent({ keepAlive: true });
    const caPath = caFileFor(options.hostPolicy, url);
    return new HttpsAgent({
      keepAlive: true,
      // One secure context per agent: passing `ca` instead would re-parse every root per connection.
      ...(caPath === undefined ? {} : { secureContext: rootsPlusCa(await loadCa(caPath)) }),
      rejectUnauthorized: !isInsecureHost(options.hostPolicy, url),
    });
  }

  function agentFor(url: URL): Promise<HttpAgent> {
    const https = url.protocol === 'https:';
    const key = JSON.stringify(
      https
        ? [url.protocol, caFileFor(options.hostPolicy, url) ?? '', isInsecureHost(options.hostPolicy, url)]
        : [url.protocol],
    );
    let pending = agents.get(key);
    if (!pending) {
      pending = buildAgent(url);
      pending.catch(() => agents.delete(key));
      agents.set(key, pending);
    }
    return pending;
  }

  async function exchange(request: HttpRequest): Promise<HttpResponse> {
    if (proxyFor(request.url, options.proxy) !== undefined) return proxied.request(request);
    return guardedExchange(request, options.defaultTimeoutMs, async (signal, details) => {
      const agent = await agentFor(request.url);
      const response = await sendWithRetry(request, agent, signal, details);
      response.on('error', ignore); // a destroyed body reports through the reader below
      try {
        const headers = flattenHeaders(response.headersDistinct);
        const status = response.statusCode ?? 0;
        const limits = bodyLimits(request, status, headers, details);
        return { status, headers, body: await readCappedBody(response, limits, details) };
      } finally {
        // Done (socket back to the agent) or stopped early (cap, deadline): never leave it half read.
        if (!response.complete) response.destroy();
      }
    });
  }

  /**
   * A kept-alive connection the server has closed meanwhile fails on first use; GET and HEAD are then
   * sent once more on a new connection (node's documented pattern, `request.reusedSocket`).
   */
  async function sendWithRetry(
    request: HttpRequest,
    agent: HttpAgent,
    signal: AbortSignal,
    details: ExchangeDetails,
  ): Promise<IncomingMessage> {
    const first = { reusedSocket: false };
    try {
      return await send(request, agent, signal, details, first);
    } catch (error) {
      const stale = first.reusedSocket && codeOf(error) === 'ECONNRESET' && !signal.aborted;
      if (!stale || request.method === 'POST') throw error;
      return send(request, agent, signal, details, { reusedSocket: false });
    }
  }

  function send(
    request: HttpRequest,
    agent: HttpAgent,
    signal: AbortSignal,
    details: ExchangeDetails,
    attempt: { reusedSocket: boolean },
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const outgoing = (request.url.protocol === 'https:' ? httpsRequest : httpRequest)(request.url, {
        method: request.method,
        headers: { 'user-agent': options.userAgent, ...request.headers },
        agent,
        signal,
      });
      let connectTimer: NodeJS.Timeout | undefined;
      outgoing.on('response', (response) => {
        clearTimeout(connectTimer);
        resolve(response);
      });
      outgoing.on('error', (error) => {
        clearTimeout(connectTimer);
        attempt.reusedSocket = outgoing.reusedSocket;
        reject(error);
      });
      outgoing.on('socket', (socket: Socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => {
          const message = `no connection to ${details.host} within ${options.connectTimeoutMs} ms`;
          outgoing.destroy(new TrustError('TIMEOUT', message, { details }));
        }, options.connectTimeoutMs);
        socket.once(request.url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
          clearTimeout(connectTimer),
        );
      });
      outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
    });
  }

  return {
    request: exchange,
    async close() {
      const all = [...agents.values()];
      agents.clear();
      for (const result of await Promise.allSettled(all)) {
        if (result.status === 'fulfilled') result.value.destroy();
      }
      await proxied.close();
    },
  };
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
