import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goQuote } from '../../../server/src/kube/goQuote';

const CASES: readonly [string, string][] = [
  ['nginx', '"nginx"'],
  ['a"b\\c', '"a\\"b\\\\c"'],
  ['tab\there\n', '"tab\\there\\n"'],
  ['\u0001\u007f', '"\\x01\\x7f"'],
  ['café ☃', '"café ☃"'],
  ['\u200b', '"\\u200b"'],
  ['\u{e0001}', '"\\U000e0001"'],
];

for (const [input, expected] of CASES) {
  test(`when ${JSON.stringify(input)} is quoted → it reads ${expected} as Go's %q does`, () => {
    assert.equal(goQuote(input), expected);
  });
}

test('every ASCII character, alone and inside a reference, is quoted as Go quotes it', () => {
  const go = (code: number): string => {
    const char = String.fromCharCode(code);
    if (char === '"' || char === '\\') return `\\${char}`;
    const short = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' }[code];
    if (short !== undefined) return short;
    return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  };
  for (let code = 0; code < 0x80; code++) {
    const char = String.fromCharCode(code);
    assert.equal(goQuote(char), `"${go(code)}"`, `U+${code.toString(16)}`);
    assert.equal(goQuote(`icr.io/a${char}b:1`), `"icr.io/a${go(code)}b:1"`, `U+${code.toString(16)} inside`);
  }
});
