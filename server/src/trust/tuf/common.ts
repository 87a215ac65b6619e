import { malformed, readBase64, readDate, readInteger, readMap, readString, readStruct } from './guard';
import { isJsonObject, type JsonObject, type JsonValue } from './json.types';
import { verifyType } from './checks';
import type { FileMeta, MetadataType, SignedCommon, TargetFile } from './tuf.types';

/**
 * The `signed` fields every role has (notary-v1.md §2.1). `_type` is checked against the role that was
 * requested before anything else is read: notary's memory backend serves any role for any checksum.
 */
export function readSignedCommon(
  signed: JsonObject,
  role: string,
  expectedType: MetadataType,
  otherFields: readonly string[],
): { readonly common: SignedCommon; readonly fields: JsonObject } {
  const fields = readStruct(signed, `${role}.signed`, ['_type', 'version', 'expires', ...otherFields]);
  verifyType(role, readString(fields['_type'], `${role}._type`), expectedType);
  const common: SignedCommon = {
    type: expectedType,
    version: readInteger(fields['version'], `${role}.version`, 1),
    expires: readDate(fields['expires'], `${role}.expires`),
  };
  return { common, fields };
}

const HASH_BYTES = { sha256: 32, sha512: 64 } as const;

const FILE_META_FIELDS = ['hashes', 'length', 'custom'];

/** `{"hashes":{"sha256":b64,"sha512"?:b64},"length":n}`; sha256 required, hash lengths checked. */
export function readFileMeta(value: JsonValue | undefined, field: string): FileMeta {
  const object = readStruct(value, field, FILE_META_FIELDS);
  const hashesObject = readMap(object['hashes'], `${field}.hashes`);
  const hashes: { sha256?: Buffer; sha512?: Buffer } = {};
  for (const algorithm of ['sha256', 'sha512'] as const) {
    if (hashesObject[algorithm] === undefined) continue;
    const digest = readBase64(hashesObject[algorithm], `${field}.hashes.${algorithm}`);
    if (digest.length !== HASH_BYTES[algorithm])
      throw malformed(`${field}.hashes.${algorithm}`, 'has the wrong length');
    hashes[algorithm] = digest;
  }
  if (hashes.sha256 === undefined) throw malformed(`${field}.hashes`, 'must include sha256');
  return { length: readInteger(object['length'], `${field}.length`, 0), hashes };
}

/**
 * Canonical standard base64 of exactly 32 / 64 bytes: the last data character carries 2 / 4 zero
 * padding bits. The same strings `decodeStrictBase64` accepts at those lengths (and no others).
 */
const SHA256_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const SHA512_BASE64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/**
 * `readFileMeta` for the entries of a targets map (10,000 tags: 10,000 calls, BENCHMARKS.md §2) without
 * the per-entry field names and generic checks: it accepts only entries whose fields are spelled exactly
 * `hashes` (with only `sha256` and `sha512`), `length` and `custom` and whose values are what
 * `readFileMeta` accepts, returning the same target. Anything else returns undefined, and the caller
 * runs `readFileMeta`, which accepts or rejects it with its own error.
 */
export function readTargetFileFast(value: JsonValue | undefined): TargetFile | undefined {
  if (!isJsonObject(value)) return undefined;
  let hashes: JsonValue | undefined;
  let length: JsonValue | undefined;
  for (const key in value) {
    if (key === 'hashes') hashes = value[key];
    else if (key === 'length') length = value[key];
    else if (key !== 'custom') return undefined;
  }
  if (!isJsonObject(hashes) || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0)
    return undefined;
  let sha256: string | undefined;
  let sha512: string | undefined;
  for (const key in hashes) {
    const digest = hashes[key];
    if (typeof digest !== 'string') return undefined;
    if (key === 'sha256' && SHA256_BASE64.test(digest)) sha256 = digest;
    else if (key === 'sha512' && SHA512_BASE64.test(digest)) sha512 = digest;
    else return undefined;
  }
  if (sha256 === undefined) return undefined;
  const sha256Bytes = Buffer.from(sha256, 'base64');
  return sha512 === undefined
    ? { length, sha256: sha256Bytes }
    : { length, sha256: sha256Bytes, sha512: Buffer.from(sha512, 'base64') };
}
