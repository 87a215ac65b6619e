import { canonicalJson } from './canonicalJson';
import { readArray, readBase64, readMap, readString, readStruct } from './guard';
import { parseStrictJson } from './strictJson';
import type { Envelope, Signature } from './tuf.types';

/**
 * `{"signed":…,"signatures":[{"keyid","method","sig"}]}` (notary-v1.md §2.1). The canonical bytes are
 * recomputed from the parsed `signed` value; the raw bytes of the file are never what gets verified.
 */
export function parseEnvelope(bytes: Uint8Array, role: string): Envelope {
  const document = readStruct(parseStrictJson(bytes, role), role, ['signed', 'signatures']);
  const signed = readMap(document['signed'], `${role}.signed`);
  const signatures = readArray(document['signatures'], `${role}.signatures`).map((item, index): Signature => {
    const field = `${role}.signatures[${index}]`;
    const entry = readStruct(item, field, ['keyid', 'method', 'sig']);
    return {
      keyId: readString(entry['keyid'], `${field}.keyid`),
      method: readString(entry['method'], `${field}.method`),
      sig: readBase64(entry['sig'], `${field}.sig`),
    };
  });
  return { signed, canonical: canonicalJson(signed), signatures };
}
