import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeStrictBase64 } from '../../../server/src/trust/tuf/base64';
import { parseRfc3339 } from '../../../server/src/trust/tuf/rfc3339';
import { parseStrictJson } from '../../../server/src/trust/tuf/strictJson';
import { NOT_VOUCHED, parseVouched } from '../../../server/src/trust/tuf/strictJsonFast';

const parse = (text: string | Uint8Array): unknown =>
  parseStrictJson(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 't');

describe('parseStrictJson', () => {
  const rejected: [string, string | Uint8Array][] = [
    ['a duplicate key', '{"a":1,"a":2}'],
    ['a fraction', '{"version":1.0}'],
    ['an exponent', '{"version":1e0}'],
    ['an integer beyond 2^53', '{"n":9007199254740993}'],
    ['a lone surrogate escape', '{"s":"\\ud800"}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
    ['trailing data', '{} {}'],
    ['a raw control character in a string', '{"s":"a\u0001"}'],
    ['nesting deeper than 64 levels', `${'['.repeat(70)}${']'.repeat(70)}`],
    ['a leading zero', '{"n":01}'],
    ['a duplicate key written with an escape', '{"a":1,"\\u0061":2}'],
    ['a duplicate key with spaces around ":"', '{"a" : 1, "a"\n:2}'],
    ['a duplicate key in an object inside an array', '[{"b":1},{"a":1,"a":2}]'],
    ['a negative fraction', '{"n":-1.5}'],
    ['an upper-case exponent', '{"n":1E2}'],
    ['a lone surrogate escape in a key', '{"\\udc00":1}'],
    ['an integer of 17 digits', '{"n":12345678901234567}'],
    ['nesting deeper than 64 objects', `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`],
  ];
  for (const [what, text] of rejected) {
    test(`when the document has ${what} → it throws MALFORMED_METADATA`, () => {
      assert.throws(() => parse(text), { code: 'MALFORMED_METADATA' });
    });
    // UTF-8 is checked before either path runs; the fast path sees text.
    if (typeof text !== 'string') continue;
    test(`when the document has ${what} → the fast path does not vouch for it`, () => {
      assert.equal(parseVouched(text), NOT_VOUCHED);
    });
  }

  const accepted: [string, string, unknown][] = [
    ['the same key in sibling objects', '[{"a":1},{"a":2}]', [{ a: 1 }, { a: 2 }]],
    ['a paired surrogate escape', '{"s":"\\ud83d\\ude00"}', { s: '\u{1F600}' }],
    ['a 16-digit safe integer', '{"n":1234567890123456}', { n: 1234567890123456 }],
    ['a string that looks like a key', '{"a":"x\\":","b":"a"}', { a: 'x":', b: 'a' }],
    [
      '64 nested arrays',
      `${'['.repeat(64)}${']'.repeat(64)}`,
      JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`),
    ],
  ];
  for (const [what, text, expected] of accepted) {
    test(`when the document has ${what} → it parses to the same value`, () => {
      assert.deepEqual(JSON.parse(JSON.stringify(parse(text))), expected);
    });
  }

  test('when a key is constructor → the object has no prototype to confuse it with', () => {
    const value = parse('{"targets":{"constructor":{"length":1}}}') as Record<
      string,
      Record<string, unknown>
    >;
    assert.equal(Object.getPrototypeOf(value), null);
    assert.equal(Object.getPrototypeOf(value['targets']), null);
    assert.deepEqual({ ...(value['targets']?.['constructor'] as object) }, { length: 1 });
  });

  test('when escapes are used → they decode like Go does', () => {
    assert.deepEqual({ ...(parse('{"s":"\\u0041\\n\\/"}') as object) }, { s: 'A\n/' });
  });

  test('when a key is __proto__ → it stays plain data', () => {
    const value = parse('{"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.ok(Object.hasOwn(value, '__proto__'));
  });
});

describe('decodeStrictBase64', () => {
  for (const text of ['YWJj\n', 'YWI', 'YW-_', 'YWJ=', 'YR==', ' YWJj', 'YWJj====']) {
    test(`when the text is ${JSON.stringify(text)} → it throws MALFORMED_METADATA`, () => {
      assert.throws(() => decodeStrictBase64(text, 'f'), { code: 'MALFORMED_METADATA' });
    });
  }
  test('when the text is canonical padded base64 → it decodes', () => {
    assert.equal(decodeStrictBase64('YWI=', 'f').toString(), 'ab');
  });
});

describe('parseRfc3339', () => {
  test('when the date has nanoseconds and Z → it parses to the millisecond', () => {
    assert.equal(parseRfc3339('2026-12-10T03:18:50.950807077Z', 'f'), Date.parse('2026-12-10T03:18:50.950Z'));
  });
  test('when the date has a numeric offset → it converts to UTC', () => {
    assert.equal(
      parseRfc3339('2116-07-03T17:56:36.027379879-05:00', 'f'),
      Date.parse('2116-07-03T22:56:36.027Z'),
    );
  });
  for (const text of [
    '2026-12-10 03:18:50Z',
    '2026-12-10T03:18:50',
    '2026-02-30T00:00:00Z',
    '2026-12-10t03:18:50z',
    'Dec 10 2026',
  ]) {
    test(`when the date is ${JSON.stringify(text)} → it throws MALFORMED_METADATA`, () => {
      assert.throws(() => parseRfc3339(text, 'f'), { code: 'MALFORMED_METADATA' });
    });
  }
});
