import { ImageTrustError } from '../../errors';

/**
 * Errors a registry reports in its JSON body (OCI distribution-spec "Error Codes", docker/distribution
 * `errcode`), plus what this client itself finds wrong with an answer. Transport and auth failures stay
 * TrustError (UNREACHABLE, TIMEOUT, TLS_ERROR, AUTH_CHALLENGE_INVALID, …).
 */
export const REGISTRY_ERROR_CODES = [
  'BLOB_UNKNOWN',
  'DIGEST_INVALID',
  'MANIFEST_BLOB_UNKNOWN',
  'MANIFEST_INVALID',
  'MANIFEST_UNKNOWN',
  'NAME_INVALID',
  'NAME_UNKNOWN',
  'SIZE_INVALID',
  'TAG_INVALID',
  'UNAUTHORIZED',
  'DENIED',
  'UNSUPPORTED',
  'TOOMANYREQUESTS',
  /** A 5xx, or a status without a recognised error code. */
  'SERVER_ERROR',
  /** A 3xx: redirects are not followed. */
  'REDIRECT_REFUSED',
  /** The answer breaks the protocol: bad digest header, digest ≠ body, unparsable tag list. */
  'MALFORMED_RESPONSE',
  /** The repository or tag given to the client is not a valid reference part. */
  'INVALID_REFERENCE',
] as const;

export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export function isRegistryErrorCode(value: string): value is RegistryErrorCode {
  return (REGISTRY_ERROR_CODES as readonly string[]).includes(value);
}

export class RegistryError extends ImageTrustError<RegistryErrorCode> {
  /** Facts for diagnostics (host, repository, status, the registry's own message); never credentials. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: RegistryErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, string | number> },
  ) {
    super(code, message, options);
    this.details = options?.details ?? {};
  }
}
