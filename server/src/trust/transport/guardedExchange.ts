import { TrustError } from '../errors';
import type { HttpRequest, HttpResponse } from '../io';
import { hostKey } from './hostPolicy';
import { mapNetworkError } from './networkErrors';
import type { BodyLimits } from './readBody';

/** What every production HttpClient shares: the whole-exchange deadline and the mapping of failures. */
export interface ExchangeDetails extends Record<string, string | number> {
  readonly host: string;
  readonly method: string;
}

/**
 * Runs one exchange under a deadline (connect, headers and body; the request's own `timeoutMs` or the
 * client's default) and the caller's signal. A deadline ends in TrustError TIMEOUT, a caller's abort in
 * the caller's own reason, anything else in the "could not check" codes of networkErrors.ts.
 */
export async function guardedExchange(
  request: HttpRequest,
  defaultTimeoutMs: number,
  run: (signal: AbortSignal, details: ExchangeDetails) => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const details: ExchangeDetails = { host: hostKey(request.url), method: request.method };
  const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
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
    return await run(signal, details);
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

/** Header names lower-cased; repeated headers joined with ", " (RFC 9110 §5.3). */
export function flattenHeaders(
  raw: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return headers;
}

/**
 * Fails early when the server announces a body over the cap (the streaming reader enforces the real
 * limit), and gives the limits the body is read with: the exact length only for a successful GET.
 */
export function bodyLimits(
  request: HttpRequest,
  status: number,
  headers: Readonly<Record<string, string>>,
  details: ExchangeDetails,
): BodyLimits {
  const declared = headers['content-length'];
  if (request.method !== 'HEAD' && declared !== undefined && /^\d+$/.test(declared)) {
    if (Number(declared) > request.maxBytes) {
      throw new TrustError(
        'OVERSIZE',
        `the server announces ${declared} bytes, over the ${request.maxBytes}-byte limit`,
        { details: { ...details, maxBytes: request.maxBytes } },
      );
    }
  }
  const success = status >= 200 && status < 300;
  return {
    maxBytes: request.maxBytes,
    ...(success && request.method === 'GET' && request.exactLength !== undefined
      ? { exactLength: request.exactLength }
      : {}),
  };
}
