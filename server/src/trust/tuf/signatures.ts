import { constants, verify } from 'node:crypto';
import { TrustError } from '../errors';
import type { Envelope, PublicKey, RoleKeys } from './tuf.types';

const ECDSA_SCALAR_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

/**
 * One signature against one key, per notary's verifiers map (notary-v1.md §3.3): `ecdsa` = raw r‖s
 * over SHA-256 whatever the curve; `eddsa` = Ed25519; `rsapss` = PSS/SHA-256/MGF1-SHA-256, salt 32,
 * modulus ≥ 2048. A wrong key type or a malformed signature is simply "not valid".
 */
export function verifySignature(key: PublicKey, method: string, message: Uint8Array, sig: Buffer): boolean {
  try {
    switch (method.toLowerCase()) {
      case 'ecdsa': {
        if (key.keyType !== 'ecdsa' && key.keyType !== 'ecdsa-x509') return false;
        const scalar = ECDSA_SCALAR_BYTES[key.key.asymmetricKeyDetails?.namedCurve ?? ''];
        if (scalar === undefined || sig.length !== 2 * scalar) return false;
        return verify('sha256', message, { key: key.key, dsaEncoding: 'ieee-p1363' }, sig);
      }
      case 'eddsa':
        return key.keyType === 'ed25519' && sig.length === 64 && verify(null, message, key.key, sig);
      case 'rsapss': {
        if (key.keyType !== 'rsa' && key.keyType !== 'rsa-x509') return false;
        if ((key.key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048 || sig.length < 256) return false;
        const options = { key: key.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
        return verify('sha256', message, options, sig);
      }
      default:
        return false;
    }
  } catch {
    // node:crypto throws on structurally invalid signatures; for a threshold count that is "invalid".
    return false;
  }
}

/**
 * Threshold check (notary-v1.md §3.5), stricter than notary: valid signatures are counted by distinct
 * public key (SPKI), so one key listed under two IDs counts once. Only the role's authorised key IDs are
 * considered; signatures by other keys are ignored. Fails with BAD_SIGNATURE when an authorised key's
 * signature did not verify, else THRESHOLD_NOT_MET.
 */
export function verifyThreshold(input: {
  readonly role: string;
  readonly envelope: Envelope;
  readonly roleKeys: RoleKeys;
  readonly keys: ReadonlyMap<string, PublicKey>;
}): void {
  const { role, envelope, roleKeys, keys } = input;
  const validKeys = new Set<string>();
  let invalid = 0;
  for (const signature of envelope.signatures) {
    const key = roleKeys.keyIds.includes(signature.keyId) ? keys.get(signature.keyId) : undefined;
    if (key === undefined) continue;
    if (verifySignature(key, signature.method, envelope.canonical, signature.sig)) validKeys.add(key.spkiHex);
    else invalid++;
  }
  if (validKeys.size >= roleKeys.threshold) return;
  const code = invalid > 0 ? 'BAD_SIGNATURE' : 'THRESHOLD_NOT_MET';
  throw new TrustError(
    code,
    `${role}: ${validKeys.size} of ${roleKeys.threshold} required signatures verify`,
    {
      details: { role, valid: validKeys.size, threshold: roleKeys.threshold },
    },
  );
}
