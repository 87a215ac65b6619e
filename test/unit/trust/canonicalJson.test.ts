import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson } from '../../../server/src/trust/tuf/canonicalJson';
import { parseStrictJson } from '../../../server/src/trust/tuf/strictJson';
import { isJsonObject } from '../../../server/src/trust/tuf/json.types';
import { fixture } from '../../trust/attacks/support/fixtures';
import type { FixtureSet } from '../../trust/attacks/support/fixtures';

const FILES: [FixtureSet, string][] = [
  ['setA-v1', 'root.json'],
  ['setA-v1', 'timestamp.json'],
  ['setA-v1', 'snapshot.json'],
  ['setA-v1', 'targets.json'],
  ['setA-v1', 'targets/releases.json'],
  ['setA-v1', 'targets/alice.json'],
  ['setB-root-rotated', '2.root.json'],
  ['setB-root-rotated', '3.root.json'],
];

describe('canonicalJson', () => {
  for (const [set, file] of FILES) {
    test(`when ${set}/${file} is re-canonicalised → it equals the raw signed bytes notary wrote`, () => {
      const raw = fixture(set, file).toString('utf8');
      const document = parseStrictJson(Buffer.from(raw), file);
      assert.ok(isJsonObject(document) && isJsonObject(document['signed']));
      const signedText = raw.slice('{"signed":'.length, raw.indexOf(',"signatures":'));
      assert.equal(Buffer.from(canonicalJson(document['signed'])).toString('utf8'), signedText);
    });
  }

  test('when keys mix astral and U+E000+ characters → they sort by UTF-8 bytes, not UTF-16 units', () => {
    const bytes = canonicalJson({ '\u{1F600}': 1, '\uE000': 2, a: 3 });
    assert.equal(Buffer.from(bytes).toString('utf8'), '{"a":3,"\uE000":2,"\u{1F600}":1}');
  });

  test('when keys look like integers (V8 lists them first) → they still sort by UTF-8 bytes', () => {
    const bytes = canonicalJson({ b: [1, { '9': 2, '10': 3 }], '2': 0, a: -0 });
    assert.equal(Buffer.from(bytes).toString('utf8'), '{"2":0,"a":0,"b":[1,{"10":3,"9":2}]}');
  });

  test('when strings hold quotes, backslashes and control characters → only " and \\ are escaped', () => {
    const bytes = canonicalJson({ s: 'a"b\\c\n\u0001<>&\u2028' });
    assert.equal(Buffer.from(bytes).toString('utf8'), '{"s":"a\\"b\\\\c\n\u0001<>&\u2028"}');
  });

  test('when a number is not an integer → it throws MALFORMED_METADATA', () => {
    assert.throws(() => canonicalJson({ n: 1.5 }), { code: 'MALFORMED_METADATA' });
  });

  test('when values are nested arrays, booleans and null → it writes them compactly in order', () => {
    assert.equal(
      Buffer.from(canonicalJson([true, false, null, [], {}, -3])).toString('utf8'),
      '[true,false,null,[],{},-3]',
    );
  });
});
