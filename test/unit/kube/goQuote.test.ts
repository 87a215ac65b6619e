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
