import { request as undiciRequest } from 'undici';
import { TrustError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../io';
import { createDispatcherPool, type DispatcherOptions } from './dispatchers';
import { hostKey } from './hostPolicy';
import { mapNetworkError } from './networkErrors';
import { readCappedBody } from './readBody';

export interface UndiciHttpClientOptions extends DispatcherOptions {
  /** Whole-exchange deadline (connect, headers and body) when the request names none. */
  readonly defaultTimeoutMs: number;
  readonly userAgent: string;
}

export interface ClosableHttpClient extends HttpClient {
  /** Closes every connection this client opened. */
  close(): Promise<void>;
}

function ignore(): void {}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function checkDeclaredLength(
  request: HttpRequest,
  headers: Record<string, string>,
  details: Record<string, string | number>,
): void {
  const declared = headers['content-length'];
  if (request.method === 'HEAD' || declared === undefined || !/^\d+$/.test(declared)) return;
  // The declared length is only used to fail early; the streaming reader enforces the real limit.
  if (Number(declared) > request.maxBytes) {
    throw new TrustError(
      'OVERSIZE',
      `the server announces ${declared} bytes, over the ${request.maxBytes}-byte limit`,
      {
        details: { ...details, maxBytes: request.maxBytes },
      },
    );
  }
}

/**
 * The production `HttpClient` (io.ts) over undici: a deadline on every exchange, the body cap enforced
 * while streaming, redirects never followed (a 3xx is returned as is; callers refuse it, notary-v1.md
 * §1.3), per-host CA files, explicitly insecure hosts and HTTPS_PROXY/NO_PROXY.
 */
export function createUndiciHttpClient(options: UndiciHttpClientOptions): ClosableHttpClient {
  const pool = createDispatcherPool(options);

  async function exchange(request: HttpRequest): Promise<HttpResponse> {
    const details = { host: hostKey(request.url), method: request.method };
    const timeoutMs = request.timeoutMs ?? options.defaultTimeoutMs;
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort(
        new TrustError('TIMEOUT', `no complete answer from ${details.host} within ${timeoutMs} ms`, {
          details,
        }),
      );
    }, timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline.signal, request.signal]) : deadline.signal;
    try {
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
      const success = response.statusCode >= 200 && response.statusCode < 300;
      let body: Uint8Array;
      try {
        checkDeclaredLength(request, headers, details);
        const limits = {
          maxBytes: request.maxBytes,
          ...(success && request.method === 'GET' && request.exactLength !== undefined
            ? { exactLength: request.exactLength }
            : {}),
        };
        body = await readCappedBody(response.body, limits, details);
      } finally {
        response.body.destroy();
      }
      return { status: response.statusCode, headers, body };
    } catch (error) {
      if (timedOut) {
        throw new TrustError('TIMEOUT', `no complete answer from ${details.host} within ${timeoutMs} ms`, {
          cause: error,
          details,
        });
      }
      // The caller cancelled: hand back its own reason rather than inventing a network failure.
      const reason: unknown = request.signal?.aborted ? request.signal.reason : undefined;
      if (reason instanceof Error) throw reason;
      throw mapNetworkError(error, details);
    } finally {
      clearTimeout(timer);
    }
  }

  return { request: exchange, close: () => pool.close() };
}
