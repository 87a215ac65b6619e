import { malformed, readBase64, readDate, readInteger, readMap, readString, readStruct } from './guard';
import type { JsonObject, JsonValue } from './json.types';
import { verifyType } from './checks';
import type { FileMeta, MetadataType, SignedCommon } from './tuf.types';

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

/** `{"hashes":{"sha256":b64,"sha512"?:b64},"length":n}`; sha256 required, hash lengths checked. */
export function readFileMeta(value: JsonValue | undefined, field: string): FileMeta {
  const object = readStruct(value, field, ['hashes', 'length', 'custom']);
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
