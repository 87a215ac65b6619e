import { compareUtf8 } from './canonicalJson';
import type { JsonValue } from './json.types';
import { markStringifyCanonical } from './stringifyVouched';

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
 * values (objects get a null prototype, as the exact parser makes them).
 */
export function parseVouched(text: string): JsonValue | typeof NOT_VOUCHED {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NOT_VOUCHED;
  }
  const verdict = scan(text);
  if (verdict === REFUSED) return NOT_VOUCHED;
  const value = nullPrototype(parsed as JsonValue);
  // Sorted keys and no escapes below the top level: canonicalJson may stringify its children natively.
  if (verdict === VOUCHED_SORTED && text.indexOf('\\') === -1) markStringifyCanonical(value);
  return value;
}

const REFUSED = 0;
const VOUCHED = 1;
/** Vouched, and every object below the top level has its keys strictly increasing in UTF-8 order, none integer-like. */
const VOUCHED_SORTED = 2;
/** An array index as V8 sees it: such keys are enumerated first, whatever the text order. */
const INTEGER_LIKE = /^(?:0|[1-9][0-9]{0,9})$/;

/** Whether `key`, following `previous` in the same object, keeps the object in canonical key order. */
function staysSorted(previous: string | undefined, key: string): boolean {
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39 && INTEGER_LIKE.test(key)) return false;
  return previous === undefined || compareUtf8(previous, key) < 0;
}

/**
 * The keys seen so far in one open object. Small objects (nearly all of them: a target entry has 2
 * keys) are checked against a short list, reused for every object at the same depth so a 10,000-target
 * document does not allocate a Set per object; past SMALL_OBJECT keys a Set takes over.
 */
interface KeyTracker {
  readonly list: string[];
  set: Set<string> | null;
  /** The previous key of this object, for the canonical-order check. */
  last: string | undefined;
}

const SMALL_OBJECT = 8;

/** True if `key` was new (and is now recorded), false for a duplicate. */
function recordKey(keys: KeyTracker, key: string): boolean {
  if (keys.set !== null) {
    if (keys.set.has(key)) return false;
    keys.set.add(key);
    return true;
  }
  const { list } = keys;
  for (let k = 0; k < list.length; k++) if (list[k] === key) return false;
  list.push(key);
  if (list.length > SMALL_OBJECT) keys.set = new Set(list);
  return true;
}

function scan(text: string): typeof REFUSED | typeof VOUCHED | typeof VOUCHED_SORTED {
  let sorted = true;
  // Per open container: its KeyTracker (objects) or null (arrays); trackers are reused per depth.
  const open: (KeyTracker | null)[] = [];
  const trackers: KeyTracker[] = [];
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
        if (end < 0) return REFUSED;
      }
      i = end + 1;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 0x3a) {
        // A string followed by ":" is an object key (the text is valid JSON, JSON.parse said so).
        const keys = open[open.length - 1];
        if (!keys) return REFUSED;
        const key = escaped ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
        if (!recordKey(keys, key)) return REFUSED;
        // The top-level object is exempt: an envelope lists "signed" before "signatures".
        if (sorted && open.length > 1) sorted = staysSorted(keys.last, key);
        keys.last = key;
      }
      continue;
    }
    if (c === 0x7b) {
      const depth = open.length;
      let keys = trackers[depth];
      if (keys === undefined) {
        keys = { list: [], set: null, last: undefined };
        trackers[depth] = keys;
      } else {
        keys.list.length = 0;
        keys.set = null;
        keys.last = undefined;
      }
      open.push(keys);
      if (open.length > MAX_CONTAINERS) return REFUSED;
    } else if (c === 0x5b) {
      open.push(null);
      if (open.length > MAX_CONTAINERS) return REFUSED;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = c === 0x2d ? i + 1 : i;
      const digitsStart = j;
      while (j < length && isDigit(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      if (next === 0x2e || next === 0x65 || next === 0x45) return REFUSED; // . e E
      if (j - digitsStart > MAX_FAST_DIGITS) return REFUSED;
      i = j;
      continue;
    }
    i++;
  }
  return sorted ? VOUCHED_SORTED : VOUCHED;
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

/**
 * Turns every object into a null-prototype one, so a key like `__proto__` or `constructor` stays data.
 * In place: JSON.parse made the objects (with every key as an own data property) and nothing else holds
 * them. A copy into `Object.create(null)` objects allocated the whole tree twice and left dictionary-mode
 * objects (slow to read); setPrototypeOf keeps V8's fast properties (10,000 targets: ~10× less time).
 */
function nullPrototype(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) nullPrototype(value[i]);
    return value;
  }
  Object.setPrototypeOf(value, null);
  for (const key in value) nullPrototype(value[key]);
  return value;
}
