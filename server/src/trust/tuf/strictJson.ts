import { TrustError } from '../errors';
import type { JsonObject, JsonValue } from './json.types';
import { NOT_VOUCHED, parseVouched } from './strictJsonFast';

/**
 * A strict JSON parser for trust metadata. JSON.parse is too lenient here (notary-v1.md §7.2 item 2):
 * Go decodes with "last duplicate wins", so a document with duplicate keys can mean different things to
 * notary and to us. We therefore reject duplicate keys, invalid UTF-8, lone surrogates, numbers that are
 * not safe integers written as plain integers (Go rejects `1.0`/`1e0` for int fields and the canonical
 * encoder rejects fractions), and nesting deeper than `MAX_DEPTH`.
 */
const MAX_DEPTH = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseStrictJson(bytes: Uint8Array, what: string): JsonValue {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw malformed(what, 'is not valid UTF-8', cause);
  }
  // Most documents take the fast path; it vouches only for documents this parser accepts with the
  // same value, and anything else (every document to reject among them) is parsed below as before.
  const fast = parseVouched(text);
  if (fast !== NOT_VOUCHED) return fast;
  const parser = new Parser(text, what);
  const value = parser.value(0);
  parser.end();
  return value;
}

function malformed(what: string, problem: string, cause?: unknown): TrustError {
  return new TrustError('MALFORMED_METADATA', `${what} ${problem}`, { cause, details: { role: what } });
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}

  fail(problem: string): never {
    throw malformed(this.what, `${problem} at offset ${this.pos}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  end(): void {
    this.skipSpace();
    if (this.pos !== this.text.length) this.fail('has trailing data');
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail('is nested too deeply');
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    return this.fail('has an unexpected character');
  }

  object(depth: number): JsonObject {
    const result = Object.create(null) as JsonObject;
    const seen = new Set<string>();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expects a string key');
      const key = this.string();
      if (seen.has(key)) this.fail(`has the duplicate key ${JSON.stringify(key)}`);
      seen.add(key);
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('expects ":"');
      this.pos++;
      result[key] = this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === '}') return result;
      if (next !== ',') this.fail('expects "," or "}"');
    }
  }

  array(depth: number): JsonValue[] {
    const result: JsonValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === ']') return result;
      if (next !== ',') this.fail('expects "," or "]"');
    }
  }

  number(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos));
    if (match === null) return this.fail('has a malformed number');
    if (match[1] !== undefined || match[2] !== undefined) this.fail('has a non-integer number');
    const value = Number(match[0]);
    if (!Number.isSafeInteger(value)) this.fail('has an integer beyond 2^53');
    this.pos += match[0].length;
    return value;
  }

  string(): string {
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return this.fail('has an unterminated string');
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c < ' ') this.fail('has a raw control character in a string');
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fail('has an invalid escape');
      }
    }
    // Go replaces lone surrogates with U+FFFD while decoding, which changes the signed bytes; refuse them.
    if (LONE_SURROGATE.test(out)) this.fail('has a lone surrogate');
    return out;
  }
}
