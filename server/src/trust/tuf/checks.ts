import { createHash, timingSafeEqual } from 'node:crypto';
import { TrustError } from '../errors';
import type { FileMeta, MetadataType } from './tuf.types';

/**
 * Small pure checks shared by every role (notary-v1.md §4.3–§4.5). Each throws a TrustError with its own
 * code and the role in `details`.
 */

/** Size: the exact length when the parent gave one (§4.3), else the cap. */
export function verifySize(
  role: string,
  bytes: Uint8Array,
  limit: { maxBytes: number; exactLength?: number },
): void {
  if (bytes.length > limit.maxBytes) {
    throw new TrustError(
      'OVERSIZE',
      `${role} is ${bytes.length} bytes, more than the cap of ${limit.maxBytes}`,
      {
        details: { role, length: bytes.length, maxBytes: limit.maxBytes },
      },
    );
  }
  if (limit.exactLength !== undefined && bytes.length !== limit.exactLength) {
    throw new TrustError(
      'LENGTH_MISMATCH',
      `${role} is ${bytes.length} bytes, its parent says ${limit.exactLength}`,
      {
        details: { role, length: bytes.length, expected: limit.exactLength },
      },
    );
  }
}

/** Every hash the parent lists must match (constant-time compare); sha256 is always present (decoders require it). */
export function verifyHashes(role: string, bytes: Uint8Array, meta: FileMeta): void {
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const expected = meta.hashes[algorithm];
    if (expected === undefined) continue;
    const actual = createHash(algorithm).update(bytes).digest();
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      throw new TrustError(
        'HASH_MISMATCH',
        `${role} does not match its ${algorithm} in the parent metadata`,
        {
          details: { role, algorithm },
        },
      );
    }
  }
}

export function verifyType(role: string, actual: string, expected: MetadataType): void {
  if (actual !== expected) {
    throw new TrustError('WRONG_TYPE', `${role} has _type ${JSON.stringify(actual)}, expected ${expected}`, {
      details: { role, type: actual },
    });
  }
}

/** Versions never go back (§4.5); an equal version is accepted, as notary does. */
export function verifyVersion(role: string, version: number, minVersion: number | undefined): void {
  if (minVersion !== undefined && version < minVersion) {
    throw new TrustError(
      'ROLLBACK',
      `${role} version ${version} is lower than the trusted version ${minVersion}`,
      {
        details: { role, version, minVersion },
      },
    );
  }
}

/** Freeze protection: metadata that expired before `now` is rejected (`IsExpired = expires.Before(now)`). */
export function verifyNotExpired(role: string, expires: number, now: number): void {
  if (expires < now) {
    throw new TrustError('EXPIRED', `${role} expired at ${new Date(expires).toISOString()}`, {
      details: { role, expires: new Date(expires).toISOString() },
    });
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
