import { createHash, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { TrustError } from '../errors';
import { canonicalJson } from './canonicalJson';
import { malformed, readBase64, readMap, readString, readStruct } from './guard';
import type { JsonObject, JsonValue } from './json.types';
import { parsePemCertificates } from './pem';
import type { KeyType, PublicKey } from './tuf.types';

const KEY_TYPES: readonly KeyType[] = ['ecdsa', 'ecdsa-x509', 'ed25519', 'rsa', 'rsa-x509'];

/** Key ID = hex sha256 of `{"keytype":T,"keyval":{"private":null,"public":B64}}` canonicalised (notary-v1.md §3.4). */
export function computeKeyId(keyType: string, publicBase64: string): string {
  const keyval = Object.assign(Object.create(null) as JsonObject, { private: null, public: publicBase64 });
  const body = canonicalJson(Object.assign(Object.create(null) as JsonObject, { keytype: keyType, keyval }));
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Decodes every entry of a `keys` map, recomputing each ID; a map key that is not the ID of its key is a
 * KEY_ID_MISMATCH (notary treats it as fatal, §7.2 item 4) — map keys are never trusted.
 */
export function decodeKeyMap(value: JsonValue | undefined, field: string): ReadonlyMap<string, PublicKey> {
  const map = readMap(value, field);
  const keys = new Map<string, PublicKey>();
  for (const [mapKey, entry] of Object.entries(map)) {
    const key = decodePublicKey(entry, `${field}.${mapKey}`);
    if (key.id !== mapKey) {
      throw new TrustError('KEY_ID_MISMATCH', `${field}: key listed as ${mapKey} has ID ${key.id}`, {
        details: { keyId: mapKey },
      });
    }
    keys.set(mapKey, key);
  }
  return keys;
}

export function decodePublicKey(value: JsonValue | undefined, field: string): PublicKey {
  const object = readStruct(value, field, ['keytype', 'keyval']);
  const keyType = readString(object['keytype'], `${field}.keytype`);
  if (!(KEY_TYPES as readonly string[]).includes(keyType)) {
    throw new TrustError('UNKNOWN_KEY_TYPE', `${field} has unsupported key type ${keyType}`, {
      details: { field, keyType },
    });
  }
  const keyval = readStruct(object['keyval'], `${field}.keyval`, ['private', 'public']);
  if (keyval['private'] !== null)
    throw malformed(`${field}.keyval.private`, 'must be null in public metadata');
  const publicBase64 = readString(keyval['public'], `${field}.keyval.public`);
  const publicBytes = readBase64(publicBase64, `${field}.keyval.public`);
  const id = computeKeyId(keyType, publicBase64);
  const material = toKeyMaterial(keyType as KeyType, publicBytes, field);
  return { id, canonicalId: material.spkiKeyId ?? id, keyType: keyType as KeyType, ...material.parts };
}

interface KeyMaterial {
  readonly parts: Pick<PublicKey, 'key' | 'spkiHex' | 'certificates'>;
  /** For x509 keys: the ID of the bare public key (notary-v1.md §3.4 "canonical key ID"). */
  readonly spkiKeyId?: string;
}

function toKeyMaterial(keyType: KeyType, bytes: Buffer, field: string): KeyMaterial {
  const certificates = keyType.endsWith('-x509') ? parsePemCertificates(bytes, field) : [];
  let key: KeyObject;
  try {
    if (keyType === 'ed25519') {
      if (bytes.length !== 32) throw malformed(field, 'ed25519 key must be 32 bytes');
      key = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') },
        format: 'jwk',
      });
    } else if (certificates[0] !== undefined) {
      key = certificates[0].publicKey;
    } else {
      key = createPublicKey({ key: bytes, format: 'der', type: 'spki' });
    }
  } catch (cause) {
    if (cause instanceof TrustError) throw cause;
    throw new TrustError('MALFORMED_METADATA', `${field} is not a valid ${keyType} key`, { cause });
  }
  const family = keyType.startsWith('rsa') ? 'rsa' : keyType.startsWith('ecdsa') ? 'ec' : 'ed25519';
  if (key.asymmetricKeyType !== family)
    throw malformed(field, `holds a ${key.asymmetricKeyType ?? '?'} key, not ${keyType}`);
  const spki = key.export({ type: 'spki', format: 'der' });
  const parts = { key, spkiHex: spki.toString('hex'), certificates };
  if (certificates.length === 0) return { parts };
  return { parts, spkiKeyId: computeKeyId(family === 'ec' ? 'ecdsa' : 'rsa', spki.toString('base64')) };
}
