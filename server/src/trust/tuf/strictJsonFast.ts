import type { JsonObject, JsonValue } from './json.types';

/** Returned when the fast path cannot vouch for a document; the caller then runs the exact parser. */
export const NOT_VOUCHED: unique symbol = Symbol('not vouched');

const MAX_CONTAINERS = 64;
/** 15 decimal digits are always below 2^53, so such an integer is exact; longer ones go the slow way. */
const MAX_FAST_DIGITS = 15;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The fast path of `parseStrictJson` (10,000-tag delegations are ~2 MB; the character-by-character
 * parser dominated the profile, BENCHMARKS.md §2). `JSON.parse` (native) checks the grammar and builds
 * the values; one linear scan then checks what JSON.parse lets through and notary-v1.md §7.2 item 2
 * forbids: duplicate keys (compared after unescaping), numbers that are not plain integers of at most 15
 * digits, `\uD800`–`\uDFFF` escapes (lone surrogates; the text itself cannot hold one, it comes from a
 * fatal UTF-8 decode) and more than 64 nested containers. Anything the scan is not sure about —
 * including documents that are in fact fine, such as a 16-digit integer or a paired surrogate escape —
 * returns NOT_VOUCHED and is parsed again by the exact parser, which accepts or rejects it with its own
 * error. So the fast path can only ever accept a subset of what the exact parser accepts, with the same
 * values (objects are rebuilt with a null prototype, as the exact parser makes them).
 */
export function parseVouched(text: string): JsonValue | typeof NOT_VOUCHED {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NOT_VOUCHED;
  }
  return scan(text) ? nullPrototype(parsed as JsonValue) : NOT_VOUCHED;
}

function scan(text: string): boolean {
  const keySets: (Set<string> | null)[] = [];
  let nextBackslash = -1;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      if (nextBackslash < start && nextBackslash !== Infinity) {
        const found = text.indexOf('\\', start);
        nextBackslash = found === -1 ? Infinity : found;
      }
      let end = text.indexOf('"', start);
      let escaped = false;
      if (nextBackslash < end) {
        escaped = true;
        end = escapedStringEnd(text, start);
        if (end < 0) return false;
      }
      i = end + 1;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 0x3a) {
        // A string followed by ":" is an object key (the text is valid JSON, JSON.parse said so).
        const keys = keySets[keySets.length - 1];
        if (!keys) return false;
        const key = escaped ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
        if (keys.has(key)) return false;
        keys.add(key);
      }
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      keySets.push(c === 0x7b ? new Set<string>() : null);
      if (keySets.length > MAX_CONTAINERS) return false;
    } else if (c === 0x7d || c === 0x5d) {
      keySets.pop();
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = c === 0x2d ? i + 1 : i;
      const digitsStart = j;
      while (j < length && isDigit(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if (next === 0x2e || next === 0x65 || next === 0x45) return false; // . e E
      if (j - digitsStart > MAX_FAST_DIGITS) return false;
      i = j;
      continue;
    }
    i++;
  }
  return true;
}

/** Index of the closing quote of a string with escapes starting at `start`; -1 for a surrogate escape. */
function escapedStringEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i;
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    if (text.charCodeAt(i + 1) === 0x75) {
      const unit = parseInt(text.slice(i + 2, i + 6), 16);
      if (unit >= 0xd800 && unit <= 0xdfff) return -1;
      i += 6;
    } else {
      i += 2;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Copies every object into a null-prototype one, so a key like `__proto__` or `constructor` stays data. */
function nullPrototype(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = nullPrototype(value[i]);
    return value;
  }
  const result = Object.create(null) as JsonObject;
  for (const key of Object.keys(value)) result[key] = nullPrototype(value[key]);
  return result;
}
