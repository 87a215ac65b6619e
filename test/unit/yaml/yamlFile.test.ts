import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';
import { findPair, nodeAtPath, pathAtOffset, asString } from '../../../server/src/yaml/navigate';
import { toPlainValue } from '../../../server/src/yaml/plainValue';

test('when a file has three documents and the second is broken → the others still parse', () => {
  const file = parseYamlFile('f', 1, 'a: 1\n---\nb: [1, 2\n---\nc: 3\n');
  assert.equal(file.documents.length, 3);
  assert.equal(file.documents[0]?.errors.length, 0);
  assert.ok((file.documents[1]?.errors.length ?? 0) > 0);
  assert.equal(file.documents[2]?.errors.length, 0);
  const c = file.documents[2];
  assert.ok(c);
  assert.ok(findPair(c, c.root, 'c'));
});

test('when a key is duplicated → it is a syntax error on that document', () => {
  const file = parseYamlFile('f', 1, 'a: 1\na: 2\n');
  assert.equal(file.documents[0]?.errors[0]?.yamlCode, 'DUPLICATE_KEY');
});

test('when a value is an alias → navigation follows it', () => {
  const file = parseYamlFile('f', 1, 'x: &img nginx:1.26\nspec:\n  image: *img\n');
  const doc = file.documents[0];
  assert.ok(doc);
  const found = nodeAtPath(doc, ['spec', 'image']);
  assert.equal(asString(doc, found?.node), 'nginx:1.26');
});

test('when aliases are recursive → plain conversion stops with a limit, not a loop', () => {
  const file = parseYamlFile('f', 1, 'a: &a [*a, *a]\n');
  const doc = file.documents[0];
  assert.ok(doc);
  const result = toPlainValue(doc, doc.root);
  assert.equal(result.ok, false);
});

test('when a billion-laughs document is converted → the alias budget stops it', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(
      `${name}: &${name} [${Array(9)
        .fill('*' + prev)
        .join(',')}]`,
    );
  }
  const file = parseYamlFile('f', 1, lines.join('\n') + '\n');
  const doc = file.documents[0];
  assert.ok(doc);
  const result = toPlainValue(doc, doc.root);
  assert.deepEqual(result.ok ? 'ok' : result.reason, 'alias-limit');
});

test('when the offset is on a nested key → pathAtOffset names the path and says it is a key', () => {
  const text = 'spec:\n  repositories:\n    - name: icr.io/*\n';
  const file = parseYamlFile('f', 1, text);
  const doc = file.documents[0];
  assert.ok(doc);
  const at = pathAtOffset(doc, text.indexOf('name'));
  assert.deepEqual(at.path, ['spec', 'repositories', 0, 'name']);
  assert.equal(at.onKey, true);
  const onValue = pathAtOffset(doc, text.indexOf('icr.io') + 2);
  assert.deepEqual(onValue.path, ['spec', 'repositories', 0, 'name']);
  assert.equal(onValue.onKey, false);
});

test('when a file contains NUL bytes → it is skipped as binary', () => {
  assert.equal(parseYamlFile('f', 1, 'a: 1\u0000').skipped?.reason, 'binary');
});

test('when CRLF line ends are used → positions count lines correctly', () => {
  const file = parseYamlFile('f', 1, 'a: 1\r\nb: 2\r\n');
  assert.deepEqual(file.lines.positionAt('a: 1\r\nb'.length - 1), { line: 1, character: 0 });
});
