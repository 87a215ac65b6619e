import { TrustError } from '../errors';
import { decodeStrictBase64 } from './base64';
import { isJsonObject } from './json.types';
import type { JsonObject, JsonValue } from './json.types';
import { parseRfc3339 } from './rfc3339';

/**
 * Typed readers over parsed JSON. Every mismatch is a MALFORMED_METADATA TrustError naming the field.
 * `readStruct` also rejects keys that differ from a known field only by case: Go's decoder matches struct
 * fields case-insensitively (notary-v1.md §7.2 item 2), so `"Version"` would be read by notary as
 * `version` while we would ignore it.
 */
export function malformed(field: string, problem: string): TrustError {
  return new TrustError('MALFORMED_METADATA', `${field} ${problem}`, { details: { field } });
}

/** Go's simple case folding is close to upper-then-lower for the field names we use (it folds ſ→s, K→k). */
function fold(name: string): string {
  return name.toUpperCase().toLowerCase();
}

const foldedCache = new Map<string, ReadonlyMap<string, string>>();

/** fold(name) → name for a struct's known field names, built once per distinct list. */
function foldedNames(known: readonly string[]): ReadonlyMap<string, string> {
  const cacheKey = known.join('\0');
  let folded = foldedCache.get(cacheKey);
  if (folded === undefined) {
    folded = new Map(known.map((name) => [fold(name), name]));
    foldedCache.set(cacheKey, folded);
  }
  return folded;
}

export function readStruct(
  value: JsonValue | undefined,
  field: string,
  known: readonly string[],
): JsonObject {
  if (!isJsonObject(value)) throw malformed(field, 'must be an object');
  const folded = foldedNames(known);
  for (const key of Object.keys(value)) {
    // A key spelled exactly like a known field is that field (no two known names fold alike), so only
    // the other keys need folding; 10,000 targets call this 10,000 times.
    if (known.includes(key)) continue;
    const match = folded.get(fold(key));
    if (match !== undefined && match !== key)
      throw malformed(`${field}.${key}`, `is a case variant of "${match}"`);
  }
  return value;
}

export function readMap(value: JsonValue | undefined, field: string): JsonObject {
  if (!isJsonObject(value)) throw malformed(field, 'must be an object');
  return value;
}

export function readArray(value: JsonValue | undefined, field: string): readonly JsonValue[] {
  if (!Array.isArray(value)) throw malformed(field, 'must be an array');
  return value;
}

export function readString(value: JsonValue | undefined, field: string): string {
  if (typeof value !== 'string') throw malformed(field, 'must be a string');
  return value;
}

export function readInteger(value: JsonValue | undefined, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw malformed(field, `must be an integer ≥ ${min}`);
  }
  return value;
}

export function readBase64(value: JsonValue | undefined, field: string): Buffer {
  return decodeStrictBase64(readString(value, field), field);
}

export function readDate(value: JsonValue | undefined, field: string): number {
  return parseRfc3339(readString(value, field), field);
}

/** A list of strings where JSON `null` means empty (notary writes `"keyids":null`, trust-lab.md). */
export function readStringList(value: JsonValue | undefined, field: string): readonly string[] {
  if (value === null || value === undefined) return [];
  return readArray(value, field).map((item, index) => readString(item, `${field}[${index}]`));
}
