import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeStrictBase64 } from '../../../server/src/trust/tuf/base64';
import { readFileMeta, readTargetFileFast } from '../../../server/src/trust/tuf/common';
import type { JsonValue } from '../../../server/src/trust/tuf/json.types';
import { naturalCompare, naturalCompareAscii } from '../../../server/src/trust/notary/naturalOrder';
import { canonicalJson } from '../../../server/src/trust/tuf/canonicalJson';
import { parseStrictJson } from '../../../server/src/trust/tuf/strictJson';
import { isStringifyCanonical } from '../../../server/src/trust/tuf/stringifyVouched';
import { NOT_VOUCHED, parseVouched } from '../../../server/src/trust/tuf/strictJsonFast';
import { seededRandom } from '../../helpers/seededRandom';

const parse = (text: string): JsonValue => parseStrictJson(Buffer.from(text, 'utf8'), 't');
const sha256 = Buffer.alloc(32, 7).toString('base64');
const sha512 = Buffer.alloc(64, 9).toString('base64');

/** What the generic reader makes of an entry: the target, or the error code it throws. */
function generic(value: JsonValue): unknown {
  try {
    const meta = readFileMeta(value, 'x');
    return {
      length: meta.length,
      sha256: meta.hashes.sha256,
      ...(meta.hashes.sha512 ? { sha512: meta.hashes.sha512 } : {}),
    };
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
}

/** mulberry32: a small deterministic generator (a failure can be replayed); next(n) is in [0, n). */
function randomBelow(seed: number): (n: number) => number {
  const next = seededRandom(seed);
  // next() is a 32-bit integer divided by 2^32: multiplying back is exact.
  return (n) => (next() * 4294967296) % n;
}

describe('readTargetFileFast', () => {
  const entries: [string, string][] = [
    ['a plain entry', `{"hashes":{"sha256":"${sha256}"},"length":1234}`],
    ['sha512 as well', `{"hashes":{"sha256":"${sha256}","sha512":"${sha512}"},"length":0}`],
    ['a custom field', `{"custom":{"a":1},"hashes":{"sha256":"${sha256}"},"length":5}`],
    ['an unknown field', `{"hashes":{"sha256":"${sha256}"},"length":5,"other":1}`],
    ['an unknown hash', `{"hashes":{"md5":"AAAA","sha256":"${sha256}"},"length":5}`],
    ['a case variant field', `{"Hashes":{"sha256":"${sha256}"},"hashes":{"sha256":"${sha256}"},"length":5}`],
    ['no sha256', `{"hashes":{"sha512":"${sha512}"},"length":5}`],
    ['a negative length', `{"hashes":{"sha256":"${sha256}"},"length":-1}`],
    ['a string length', `{"hashes":{"sha256":"${sha256}"},"length":"5"}`],
    ['no length', `{"hashes":{"sha256":"${sha256}"}}`],
    ['non-zero padding bits', `{"hashes":{"sha256":"${sha256.slice(0, 42)}B="},"length":5}`],
    ['a 31-byte digest', `{"hashes":{"sha256":"${Buffer.alloc(31).toString('base64')}"},"length":5}`],
    ['a 33-byte digest', `{"hashes":{"sha256":"${Buffer.alloc(33).toString('base64')}"},"length":5}`],
    ['URL-safe letters', `{"hashes":{"sha256":"${'_'.repeat(42)}A="},"length":5}`],
    ['a bad sha512', `{"hashes":{"sha256":"${sha256}","sha512":"${sha512.slice(0, 85)}B=="},"length":5}`],
    ['hashes that are null', '{"hashes":null,"length":5}'],
    ['an array', '[1]'],
  ];
  for (const [what, text] of entries) {
    test(`when the entry has ${what} → it returns what readFileMeta returns, or leaves it to readFileMeta`, () => {
      const value = parse(text);
      const fast = readTargetFileFast(value);
      const expected = generic(value);
      if (fast === undefined) return; // readFileMeta decides
      assert.deepEqual(fast, expected);
    });
  }

  test('when the entry is invalid → the fast reader never accepts it', () => {
    for (const [, text] of entries) {
      const value = parse(text);
      if (typeof generic(value) === 'string') assert.equal(readTargetFileFast(value), undefined, text);
    }
  });

  test('when 20,000 random near-base64 digests are tried → it accepts exactly the strict 32-byte ones', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ';
    const next = randomBelow(42);
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      const bytes = Buffer.alloc(32);
      for (let i = 0; i < 32; i++) bytes[i] = next(256);
      const chars = bytes.toString('base64').split('');
      // Mutate one position (often the padding-bit character) in most rounds.
      if (next(4) !== 0)
        chars[next(3) === 0 ? 42 : next(chars.length + 1)] = alphabet[next(alphabet.length)] ?? 'A';
      const digest = chars.join('');
      const value = parse(`{"hashes":{"sha256":${JSON.stringify(digest)}},"length":1}`);
      let strict = false;
      try {
        strict = decodeStrictBase64(digest, 'd').length === 32;
      } catch {
        strict = false;
      }
      const fast = readTargetFileFast(value);
      assert.equal(fast !== undefined, strict, digest);
      if (fast) accepted++;
    }
    assert.ok(accepted > 1_000 && accepted < 19_000, `accepted ${accepted}`);
  });
});

describe('parseVouched key tracking', () => {
  const keys = (count: number, prefix = 'k'): string[] =>
    Array.from({ length: count }, (_, i) => `"${prefix}${i}":${i}`);

  test('when an object with 20 keys repeats its last key → the fast path does not vouch for it', () => {
    assert.equal(parseVouched(`{${[...keys(20), '"k3":1'].join(',')}}`), NOT_VOUCHED);
  });

  test('when a parent repeats a key after a child object used the same key → it is not vouched', () => {
    assert.equal(parseVouched('{"a":{"a":1,"b":2},"a":2}'), NOT_VOUCHED);
    assert.equal(parseVouched(`{"a":{${keys(12, 'a').join(',')}},"b":1,"a":2}`), NOT_VOUCHED);
  });

  test('when sibling objects at one depth share keys, small and large → it is vouched with the same value', () => {
    const text = `{"x":{${keys(12).join(',')}},"y":{${keys(12).join(',')}},"z":[{"a":1},{"a":2}]}`;
    const value = parseVouched(text);
    assert.notEqual(value, NOT_VOUCHED);
    assert.deepEqual(JSON.parse(JSON.stringify(value)), JSON.parse(text));
  });
});

/** sortorder.NaturalLess transcribed on UTF-8 bytes, as the reference the string version must agree with. */
function referenceCompare(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  const digit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const dx = digit(x[i]);
    if (dx !== digit(y[j])) return dx ? -1 : 1;
    if (!dx) {
      if (x[i] !== y[j]) return (x[i] ?? 0) - (y[j] ?? 0);
      i++;
      j++;
      continue;
    }
    for (; x[i] === 0x30; i++);
    for (; y[j] === 0x30; j++);
    const [sx, sy] = [i, j];
    for (; digit(x[i]); i++);
    for (; digit(y[j]); j++);
    if (i - sx !== j - sy) return i - sx - (j - sy);
    const order = Buffer.compare(x.subarray(sx, i), y.subarray(sy, j));
    if (order !== 0) return order;
    if (sx !== sy) return sx - sy;
  }
  return x.length - y.length;
}

describe('naturalCompareAscii', () => {
  test('when 20,000 random tag pairs are compared → they are ordered exactly as NaturalLess orders their UTF-8 bytes', () => {
    const alphabet = '0000123456789aAbz.-_';
    const next = randomBelow(7);
    const tag = (): string =>
      Array.from({ length: 1 + next(8) }, () => alphabet[next(alphabet.length)]).join('');
    for (let round = 0; round < 20_000; round++) {
      const a = tag();
      const b = next(5) === 0 ? a : tag();
      const expected = Math.sign(referenceCompare(a, b));
      assert.equal(Math.sign(naturalCompareAscii(a, b)), expected, `${a} vs ${b}`);
      // Non-ASCII strings go through their UTF-8 bytes.
      const [wideA, wideB] = [`é${a}\u{1f600}`, `é${b}\uff01`];
      assert.equal(Math.sign(naturalCompare(wideA, wideB)), Math.sign(referenceCompare(wideA, wideB)));
    }
  });
});

describe('canonical JSON of parsed documents', () => {
  /** The parsed `signed` value, its mark, and its canonical bytes next to those of an unmarked deep copy. */
  const check = (text: string): { marked: boolean; canonical: string; unmarked: string } => {
    const signed = (parse(text) as { signed: JsonValue }).signed;
    const copy = JSON.parse(JSON.stringify(signed)) as JsonValue;
    return {
      marked: isStringifyCanonical(signed),
      canonical: Buffer.from(canonicalJson(signed)).toString('utf8'),
      unmarked: Buffer.from(canonicalJson(copy)).toString('utf8'),
    };
  };

  test('when keys are sorted and nothing is escaped → signed is marked and its bytes are the canonical ones', () => {
    const result = check('{"signed":{"a":{"x":1,"y":[1,"é",{"b":-2,"c":null}]},"b":true},"signatures":[]}');
    assert.equal(result.marked, true);
    assert.equal(result.canonical, '{"a":{"x":1,"y":[1,"é",{"b":-2,"c":null}]},"b":true}');
    assert.equal(result.canonical, result.unmarked);
  });

  const unmarked: [string, string, string][] = [
    ['keys out of order', '{"signed":{"b":1,"a":2},"signatures":[]}', '{"a":2,"b":1}'],
    ['integer-like keys in text order', '{"signed":{"10":1,"9":2},"signatures":[]}', '{"10":1,"9":2}'],
    ['an escaped quote', '{"signed":{"a":"x\\"y"},"signatures":[]}', '{"a":"x\\"y"}'],
    ['an escaped control character', '{"signed":{"a":"x\\ny"},"signatures":[]}', '{"a":"x\ny"}'],
    ['a nested object out of order', '{"signed":{"a":{"d":1,"c":2}},"signatures":[]}', '{"a":{"c":2,"d":1}}'],
    [
      'keys out of UTF-8 order but in UTF-16 order',
      '{"signed":{"\u{1f600}":2,"\uff01":1},"signatures":[]}',
      '{"\uff01":1,"\u{1f600}":2}',
    ],
  ];
  for (const [what, text, expected] of unmarked) {
    test(`when the document has ${what} → signed is not marked and its bytes are still canonical`, () => {
      const result = check(text);
      assert.equal(result.marked, false);
      assert.equal(result.canonical, expected);
      assert.equal(result.canonical, result.unmarked);
    });
  }
});
