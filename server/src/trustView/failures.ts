import { describeError } from '../errors';
import { TrustError } from '../trust/errors';
import { RegistryError } from '../trust/registry/registryError';
import type { TrustViewFailure, TrustViewFailureReason } from '../../../shared/trustView';

/**
 * Maps a lookup error to what the view shows and which action it offers. Branches on error codes only;
 * messages come from our own error classes, which never carry credentials.
 */
export function toFailure(error: unknown, host: string | undefined): TrustViewFailure {
  const withHost = host === undefined ? {} : { host };
  if (error instanceof TrustError) {
    return { reason: trustReason(error), code: error.code, message: error.message, ...withHost };
  }
  if (error instanceof RegistryError) {
    const reason: TrustViewFailureReason =
      error.code === 'UNAUTHORIZED' || error.code === 'DENIED' ? 'unauthorized' : 'unavailable';
    return { reason, code: error.code, message: error.message, ...withHost };
  }
  return { reason: 'unavailable', code: 'INTERNAL', message: describeError(error), ...withHost };
}

function trustReason(error: TrustError): TrustViewFailureReason {
  switch (error.code) {
    case 'NO_TRUST_DATA':
    case 'TAG_NOT_SIGNED':
      return 'no-trust-data';
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'CONFIGURATION':
    case 'TLS_ERROR':
      return 'configuration';
    default:
      return error.kind === 'verification' ? 'verification' : 'unavailable';
  }
}

/** A failure that needs no error object: the workspace or settings forbid the lookup. */
export function plainFailure(reason: TrustViewFailureReason, message: string): TrustViewFailure {
  return { reason, code: reason, message };
}
