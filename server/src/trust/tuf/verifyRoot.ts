import { TrustError } from '../errors';
import { certificateMatchesGun, validateCertificate } from './certificate';
import { verifyNotExpired, verifyVersion } from './checks';
import { decodeRoot } from './decode';
import { parseEnvelope } from './envelope';
import { verifyThreshold } from './signatures';
import type { Envelope, PublicKey, RoleKeys, RootMetadata } from './tuf.types';

export interface VerifiedRoot {
  readonly root: RootMetadata;
  readonly envelope: Envelope;
}

/**
 * The root role's usable keys (notary-v1.md §3.6 steps 2–3): x509 keys whose leaf certificate comes
 * first and is the only non-CA one, whose CN matches the GUN and which pass `ValidateCertificate`
 * (expiry checked when `now` is given). Non-x509 root keys are ignored, as notary ignores them.
 */
export function rootSigningKeys(
  root: RootMetadata,
  gun: string,
  now?: number,
): ReadonlyMap<string, PublicKey> {
  const usable = new Map<string, PublicKey>();
  for (const keyId of root.roles.root.keyIds) {
    const key = root.keys.get(keyId);
    const [leaf, ...rest] = key?.certificates ?? [];
    if (key === undefined || leaf === undefined || leaf.ca || rest.some((cert) => !cert.ca)) continue;
    if (!certificateMatchesGun(leaf, gun)) continue;
    try {
      validateCertificate(leaf, `root key ${keyId}`, now);
    } catch {
      // notary drops leaves that fail validation and fails only if none survive (validRootLeafCerts).
      continue;
    }
    usable.set(keyId, key);
  }
  return usable;
}

function restrictTo(keys: ReadonlyMap<string, PublicKey>, threshold: number): RoleKeys {
  return { keyIds: [...keys.keys()], threshold };
}

/**
 * Verifies a root file: structure, usable root certificates, its own root threshold and, when a trusted
 * root exists, the previous root's threshold too (§3.6 steps 4 and 6, §4.4). Any failure to chain from
 * the trusted root is ROOT_ROTATION — never a silent re-pin. `exactVersion` is required for
 * `<v>.root.json` during a rotation walk (§7.2 item 12); expiry is checked only on the final root.
 */
export function verifyRoot(input: {
  readonly bytes: Uint8Array;
  readonly gun: string;
  readonly now: number;
  readonly trusted?: RootMetadata;
  readonly exactVersion?: number;
  readonly final: boolean;
}): VerifiedRoot {
  const { bytes, gun, now, trusted } = input;
  const envelope = parseEnvelope(bytes, 'root');
  const root = decodeRoot(envelope.signed);
  const ownKeys = rootSigningKeys(root, gun, now);
  if (ownKeys.size === 0) {
    throw new TrustError('BAD_CERTIFICATE', 'root.json has no valid root certificate for this GUN', {
      details: { gun },
    });
  }
  if (trusted !== undefined) {
    chain(() => {
      if (input.exactVersion !== undefined && root.version !== input.exactVersion) {
        throw new TrustError(
          'ROOT_ROTATION',
          `expected root version ${input.exactVersion}, got ${root.version}`,
        );
      }
      const previousKeys = rootSigningKeys(trusted, gun);
      const previous = restrictTo(previousKeys, trusted.roles.root.threshold);
      verifyThreshold({ role: 'root (previous keys)', envelope, roleKeys: previous, keys: previousKeys });
      verifyThreshold({
        role: 'root',
        envelope,
        roleKeys: restrictTo(ownKeys, root.roles.root.threshold),
        keys: ownKeys,
      });
    });
    verifyVersion('root', root.version, trusted.version);
  } else {
    verifyThreshold({
      role: 'root',
      envelope,
      roleKeys: restrictTo(ownKeys, root.roles.root.threshold),
      keys: ownKeys,
    });
  }
  if (input.final) verifyNotExpired('root', root.expires, now);
  return { root, envelope };
}

function chain(step: () => void): void {
  try {
    step();
  } catch (cause) {
    if (cause instanceof TrustError && cause.code === 'ROOT_ROTATION') throw cause;
    throw new TrustError('ROOT_ROTATION', 'the new root does not chain to the trusted root', { cause });
  }
}
