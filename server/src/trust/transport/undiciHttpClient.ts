import { request as undiciRequest } from 'undici';
import type { HttpRequest, HttpResponse } from '../io';
import { createDispatcherPool } from './dispatchers';
import { bodyLimits, flattenHeaders, guardedExchange } from './guardedExchange';
import type { ClosableHttpClient, HttpClientOptions } from './httpClientOptions';
import { readCappedBody } from './readBody';

export type { ClosableHttpClient } from './httpClientOptions';
export type UndiciHttpClientOptions = HttpClientOptions;

function ignore(): void {}

/**
 * The production `HttpClient` (io.ts) over undici: a deadline on every exchange, the body cap enforced
 * while streaming, redirects never followed (a 3xx is returned as is; callers refuse it, notary-v1.md
 * §1.3), per-host CA files, explicitly insecure hosts and HTTPS_PROXY/NO_PROXY.
 */
export function createUndiciHttpClient(options: UndiciHttpClientOptions): ClosableHttpClient {
  const pool = createDispatcherPool(options);

  const exchange = (request: HttpRequest): Promise<HttpResponse> =>
    guardedExchange(request, options.defaultTimeoutMs, async (signal, details) => {
      const dispatcher = await pool.dispatcherFor(request.url);
      const response = await undiciRequest(request.url, {
        method: request.method,
        headers: { 'user-agent': options.userAgent, ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        dispatcher,
        signal,
      });
      // Stopping early (cap, deadline) destroys the body; undici then emits "Request aborted", which is
      // expected here and must not surface as an uncaught error.
      response.body.on('error', ignore);
      const headers = flattenHeaders(response.headers);
      try {
        const limits = bodyLimits(request, response.statusCode, headers, details);
        const body = await readCappedBody(response.body, limits, details);
        return { status: response.statusCode, headers, body };
      } finally {
        response.body.destroy();
      }
    });

  return { request: exchange, close: () => pool.close() };
}
