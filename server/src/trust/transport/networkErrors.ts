import { TrustError } from '../errors';

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

// Node's TLS and OpenSSL failure codes: certificate problems, and protocol mismatches such as speaking
// TLS to a plain HTTP port (ERR_SSL_WRONG_VERSION_NUMBER / EPROTO).
const TLS_CODE = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|UND_ERR_PRX_TLS/;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return codes;
}

/**
 * Maps a failed exchange to the "could not check" TrustError codes (trust/errors.ts), keeping the
 * original error as `cause`. `details` holds only the host and method, never headers.
 */
export function mapNetworkError(error: unknown, details: Record<string, string | number>): TrustError {
  if (error instanceof TrustError) return error;
  const codes = codesOf(error);
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return new TrustError('TIMEOUT', `the request to ${details.host} timed out`, { cause: error, details });
  }
  if (codes.some((code) => TLS_CODE.test(code))) {
    return new TrustError('TLS_ERROR', `TLS with ${details.host} failed (${codes.join(', ')})`, {
      cause: error,
      details,
    });
  }
  const suffix = codes.length > 0 ? ` (${codes.join(', ')})` : '';
  return new TrustError('UNREACHABLE', `could not reach ${details.host}${suffix}`, { cause: error, details });
}
