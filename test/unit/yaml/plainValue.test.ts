import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';
import { toPlainValue } from '../../../server/src/yaml/plainValue';
import { SNIPPETS } from './fastParseCases';

/**
 * toPlainValue (what the schemas validate) against the yaml library's own `toJS()`, on every snippet of the
 * fast parser's differential test, fast-parsed or not, plus aliases and non-string keys. Both must give the
 * same value for every document without errors (a mapping key that is not a string, number or boolean,
 * such as `~`, is left out: JSON has no such key).
 */
const EXTRA = [
  'base: &b {a: 1, b: [x, y]}\nuse: *b\nlist: [*b, *b]\n',
  '1: int key\ntrue: bool key\n0x10: hex key\n',
  'a: !!str 12\nb: 0o17\nc: 1e3\nd: .inf\ne: -.Inf\nf: null\ng: ""\n',
  'text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n',
  '- [1, 2]\n- {k: v}\n- - nested\n  - seq\n',
];

describe('toPlainValue', () => {
  for (const yaml of [...SNIPPETS.map((s) => s.yaml), ...EXTRA]) {
    test(`when given ${JSON.stringify(yaml.slice(0, 60))} → it equals yaml's toJS()`, () => {
      const file = parseYamlFile('f', 1, yaml);
      const library = parseAllDocuments(yaml, { prettyErrors: false, uniqueKeys: true });
      const libraryDocs = Array.isArray(library) ? library : [];
      for (const [i, doc] of file.documents.entries()) {
        if (doc.errors.length > 0) continue;
        const result = toPlainValue(doc, doc.root);
        assert.ok(result.ok, 'no limit is reached');
        const expected: unknown = libraryDocs[i]?.toJS() ?? null;
        assert.deepEqual(result.value, expected);
      }
    });
  }
});

test('when a key is null → toPlainValue leaves the pair out', () => {
  const doc = parseYamlFile('f', 1, '~: null key\na: 1\n').documents[0];
  assert.ok(doc);
  assert.deepEqual(toPlainValue(doc, doc.root), { ok: true, value: { a: 1 } });
});
