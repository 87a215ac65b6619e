import type { JsonValue } from './json.types';

/**
 * Parsed values whose `JSON.stringify` is provably their canonical JSON (notary-v1.md §3.1), as the
 * strict parser's scan established from the text (strictJsonFast.ts): no escape of any kind, only plain
 * integers, every object's keys strictly increasing in UTF-8 byte order and none integer-like (V8 would
 * list those first), except the top-level object's own keys (an envelope lists "signed" before
 * "signatures"). Marked: the direct child objects of a parsed document (an envelope's `signed`). Parsed
 * metadata is never mutated after parsing, so the mark stays true.
 */
const vouched = new WeakSet<object>();

export function markStringifyCanonical(document: JsonValue): void {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return;
  for (const key in document) {
    const child = document[key];
    if (typeof child === 'object' && child !== null && !Array.isArray(child)) vouched.add(child);
  }
}

export function isStringifyCanonical(value: JsonValue): boolean {
  return typeof value === 'object' && value !== null && vouched.has(value);
}
