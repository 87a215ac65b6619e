import { TrustError } from '../errors';
import type { JsonValue } from './json.types';
import { isStringifyCanonical } from './stringifyVouched';

/**
 * OLPC canonical JSON exactly as notary's `MarshalCanonical` writes it (notary-v1.md §3.1): no
 * whitespace, object keys sorted by UTF-8 bytes (not UTF-16 code units), strings escape only `"` and
 * `\` and emit every other character raw, numbers must be integers. The result is the byte string
 * that signatures and key IDs are computed over; never trust the raw bytes of a file for that.
 */
export function canonicalJson(value: JsonValue): Uint8Array {
  const native = isStringifyCanonical(value) || stringifiesCanonically(value);
  return Buffer.from(native ? JSON.stringify(value) : encode(value), 'utf8');
}

/** A control character or any surrogate: JSON.stringify would escape (or might escape) it. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRINGIFY_ESCAPES = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * True when `JSON.stringify(value)` is exactly the canonical form, so the native encoder can write it
 * (10,000-target bodies: the JS encoder was the largest item of the profile, BENCHMARKS.md §2). That
 * holds when every object's keys already come in UTF-8 byte order (notary writes its metadata that
 * way, and JSON.parse keeps it; V8 lists integer-like keys first, which the check catches), every
 * number is a safe integer other than -0 (both print it as "0" anyway), and no string holds a character
 * JSON.stringify escapes but canonical JSON does not: U+0000–U+001F (and surrogates, to be safe). Both
 * escape `"` and `\` the same way. Anything else goes through `encode`.
 */
function stringifiesCanonically(value: JsonValue): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value === 'string') return !STRINGIFY_ESCAPES.test(value);
  if (Array.isArray(value)) return value.every(stringifiesCanonically);
  let previous: string | undefined;
  for (const key in value) {
    if (STRINGIFY_ESCAPES.test(key) || (previous !== undefined && compareUtf8(previous, key) >= 0))
      return false;
    if (!stringifiesCanonically(value[key])) return false;
    previous = key;
  }
  return true;
}

function encode(value: JsonValue): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

const NEEDS_ESCAPE = /["\\]/;

/** Appends to one list instead of building nested strings (10,000-target bodies, BENCHMARKS.md §2). */
function write(value: JsonValue, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TrustError('MALFORMED_METADATA', 'canonical JSON allows only integers');
    }
    out.push(Object.is(value, -0) ? '0' : String(value));
  } else if (typeof value === 'string') out.push(quote(value));
  else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
  } else {
    const keys = Object.keys(value).sort(compareUtf8);
    out.push('{');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (i > 0) out.push(',');
      out.push(quote(key), ':');
      write(value[key], out);
    }
    out.push('}');
  }
}

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"` : `"${text}"`;
}

/**
 * Go compares strings byte-wise on their UTF-8 form; code-point order is the same order. UTF-16 code
 * units sort in code-point order too, except a surrogate (U+D800–DFFF, part of a character ≥ U+10000)
 * against U+E000–FFFF; so at the first differing unit, two units below U+D800 decide directly and
 * anything else is compared on the UTF-8 bytes.
 */
export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return a.length - b.length;
}
