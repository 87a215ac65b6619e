import { ImageTrustError } from '../errors';

/**
 * Every way a trust lookup can fail, grouped into three kinds that callers must never confuse
 * (notary-v1.md §1.3, §4.6, §7): "there is no trust data", "we could not check", and "what we got
 * does not verify". A caller that only cares about the kind uses `trustFailureKind(code)`.
 */
export const TRUST_ERROR_CODES = {
  // --- no trust data: the server answered, and there is nothing signed ---
  /** root.json is 404: the repository was never signed on this server. */
  NO_TRUST_DATA: 'no-trust-data',
  /** The repository is signed, but no valid role lists this tag. */
  TAG_NOT_SIGNED: 'no-trust-data',

  // --- could not check: transport, server or credentials ---
  UNREACHABLE: 'unavailable',
  TIMEOUT: 'unavailable',
  SERVER_ERROR: 'unavailable',
  UNAUTHORIZED: 'unavailable',
  AUTH_CHALLENGE_INVALID: 'unavailable',
  REDIRECT_REFUSED: 'unavailable',
  TLS_ERROR: 'unavailable',
  CONFIGURATION: 'unavailable',

  // --- verification failed: an attack, corruption, or a client-side pin conflict ---
  MALFORMED_METADATA: 'verification',
  OVERSIZE: 'verification',
  LENGTH_MISMATCH: 'verification',
  HASH_MISMATCH: 'verification',
  WRONG_TYPE: 'verification',
  BAD_SIGNATURE: 'verification',
  THRESHOLD_NOT_MET: 'verification',
  UNKNOWN_KEY_TYPE: 'verification',
  KEY_ID_MISMATCH: 'verification',
  BAD_CERTIFICATE: 'verification',
  EXPIRED: 'verification',
  ROLLBACK: 'verification',
  ROOT_ROTATION: 'verification',
  MISSING_ROLE: 'verification',
  INVALID_ROLE_NAME: 'verification',
  PATH_NOT_DELEGATED: 'verification',
} as const;

export type TrustErrorCode = keyof typeof TRUST_ERROR_CODES;
export type TrustFailureKind = (typeof TRUST_ERROR_CODES)[TrustErrorCode];

export function trustFailureKind(code: TrustErrorCode): TrustFailureKind {
  return TRUST_ERROR_CODES[code];
}

export class TrustError extends ImageTrustError<TrustErrorCode> {
  /** Extra facts for diagnostics and logs (never credentials): URL host, role, HTTP status, … */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: TrustErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, string | number> },
  ) {
    super(code, message, options);
    this.details = options?.details ?? {};
  }

  get kind(): TrustFailureKind {
    return trustFailureKind(this.code);
  }
}
