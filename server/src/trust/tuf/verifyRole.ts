import { verifyHashes, verifyNotExpired, verifySize, verifyVersion } from './checks';
import { decodeSnapshot, decodeTargets, decodeTimestamp } from './decode';
import { parseEnvelope } from './envelope';
import { verifyThreshold } from './signatures';
import type {
  FileMeta,
  PublicKey,
  RoleKeys,
  SignedCommon,
  SnapshotMetadata,
  TargetsMetadata,
  TimestampMetadata,
} from './tuf.types';

/** What a non-root role file is checked against: its parent's file meta, signing keys and the cache. */
export interface RoleCheck {
  readonly role: string;
  /** From the parent (timestamp → snapshot, snapshot → targets/delegations); absent for timestamp. */
  readonly meta?: FileMeta;
  readonly maxBytes: number;
  readonly roleKeys: RoleKeys;
  readonly keys: ReadonlyMap<string, PublicKey>;
  /** Version of the last verified copy (rollback protection). */
  readonly minVersion?: number;
  /** Epoch milliseconds. */
  readonly now: number;
}

/**
 * The pipeline for one file, in the order that yields the most specific error: size and hashes against
 * the parent (§4.3), strict parse and `_type` (§7.2 items 2, 7), signatures and threshold (§3.5), version
 * (§4.5 rollback), expiry (§4.5 freeze).
 */
function verifyFile<T extends SignedCommon>(
  bytes: Uint8Array,
  check: RoleCheck,
  decode: (signed: ReturnType<typeof parseEnvelope>['signed']) => T,
): T {
  verifySize(check.role, bytes, {
    maxBytes: check.maxBytes,
    ...(check.meta ? { exactLength: check.meta.length } : {}),
  });
  if (check.meta !== undefined) verifyHashes(check.role, bytes, check.meta);
  const envelope = parseEnvelope(bytes, check.role);
  const decoded = decode(envelope.signed);
  verifyThreshold({ role: check.role, envelope, roleKeys: check.roleKeys, keys: check.keys });
  verifyVersion(check.role, decoded.version, check.minVersion);
  verifyNotExpired(check.role, decoded.expires, check.now);
  return decoded;
}

export function verifyTimestamp(bytes: Uint8Array, check: RoleCheck): TimestampMetadata {
  return verifyFile(bytes, check, decodeTimestamp);
}

export function verifySnapshot(bytes: Uint8Array, check: RoleCheck): SnapshotMetadata {
  return verifyFile(bytes, check, decodeSnapshot);
}

export function verifyTargets(bytes: Uint8Array, check: RoleCheck): TargetsMetadata {
  return verifyFile(bytes, check, (signed) => decodeTargets(signed, check.role));
}
