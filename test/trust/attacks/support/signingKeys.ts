import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../../../server/src/trust/tuf/canonicalJson';
import type { JsonObject } from '../../../../server/src/trust/tuf/json.types';
import { selfSignedCertificate } from './certificate';
import type { CertificateOptions } from './certificate';

/** A test key the attacker or the repository owner signs with. */
export interface SigningKey {
  readonly id: string;
  readonly keyObject: JsonObject;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly method: 'ecdsa' | 'eddsa';
}

function toSigningKey(
  keytype: string,
  publicText: string,
  pair: { publicKey: KeyObject; privateKey: KeyObject },
  method: SigningKey['method'],
): SigningKey {
  const keyObject = { keytype, keyval: { private: null, public: publicText } } as JsonObject;
  const id = createHash('sha256').update(canonicalJson(keyObject)).digest('hex');
  return { id, keyObject, method, ...pair };
}

export function ecdsaKey(): SigningKey {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return toSigningKey(
    'ecdsa',
    pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    pair,
    'ecdsa',
  );
}

export function ed25519Key(): SigningKey {
  const pair = generateKeyPairSync('ed25519');
  const raw = pair.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return toSigningKey('ed25519', raw.toString('base64'), pair, 'eddsa');
}

/** An `ecdsa-x509` root key: self-signed certificate with CN = the GUN (notary-v1.md §2.2). */
export function x509RootKey(
  commonName: string,
  options: Partial<Pick<CertificateOptions, 'notBefore' | 'notAfter' | 'algorithm'>> = {},
  pair = generateKeyPairSync('ec', { namedCurve: 'P-256' }),
): SigningKey {
  const pem = selfSignedCertificate({
    commonName,
    ...pair,
    notBefore: options.notBefore ?? new Date('2026-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2036-01-01T00:00:00Z'),
    ...(options.algorithm ? { algorithm: options.algorithm } : {}),
  });
  return toSigningKey('ecdsa-x509', Buffer.from(pem).toString('base64'), pair, 'ecdsa');
}

/** The same public key under a second ID: as a bare `ecdsa` SPKI key next to its `ecdsa-x509` form. */
export function sameKeyAsSpki(key: SigningKey): SigningKey {
  const spki = key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return toSigningKey('ecdsa', spki, { publicKey: key.publicKey, privateKey: key.privateKey }, 'ecdsa');
}

export function signatureBy(key: SigningKey, signed: JsonObject): JsonObject {
  const message = canonicalJson(signed);
  const sig =
    key.method === 'eddsa'
      ? sign(null, message, key.privateKey)
      : sign('sha256', message, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return { keyid: key.id, method: key.method, sig: sig.toString('base64') };
}

/** Envelope bytes: `signed` signed by each key in turn. */
export function envelope(signed: JsonObject, keys: readonly SigningKey[]): Buffer {
  return Buffer.from(
    JSON.stringify({ signed, signatures: keys.map((key) => signatureBy(key, signed)) }),
    'utf8',
  );
}
