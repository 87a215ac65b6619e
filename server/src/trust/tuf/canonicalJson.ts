import { TrustError } from '../errors';
import type { JsonValue } from './json.types';

/**
 * OLPC canonical JSON exactly as notary's `MarshalCanonical` writes it (notary-v1.md §3.1): no
 * whitespace, object keys sorted by UTF-8 bytes (not UTF-16 code units), strings escape only `"` and
 * `\` and emit every other character raw, numbers must be integers. The result is the byte string
 * that signatures and key IDs are computed over; never trust the raw bytes of a file for that.
 */
export function canonicalJson(value: JsonValue): Uint8Array {
  return Buffer.from(encode(value), 'utf8');
}

function encode(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TrustError('MALFORMED_METADATA', 'canonical JSON allows only integers');
    }
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  const keys = Object.keys(value).sort(compareUtf8);
  return `{${keys.map((key) => `${encode(key)}:${encode(value[key])}`).join(',')}}`;
}

/** Go compares strings byte-wise on their UTF-8 form; code-point order is the same order. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
