import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { seededRandom as random } from '../../helpers/seededRandom';
import { makeFixture } from '../../../bench/lsp/fixtures';
import { documentChunkStarts } from '../../../server/src/yaml/documentChunks';
import { YAML_PARSE_OPTIONS } from '../../../server/src/yaml/parsedChunk';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';
import { fileSnapshot, nodeSnapshot } from './yamlSnapshot';

/** What parsing the whole stream at once gives (the reference the per-document parse must equal). */
function wholeStreamSnapshot(text: string): unknown {
  const result = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  const docs = Array.isArray(result) ? result : [];
  return {
    skipped: null,
    documents: docs.map((doc, index) => ({
      index,
      start: doc.range[0],
      end: doc.range[2],
      errors: doc.errors.map((e) => [e.code, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)]),
      root: nodeSnapshot(doc.contents),
    })),
  };
}

const corpus: { name: string; text: string }[] = [
  ...execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((path) => ({ name: path, text: readFileSync(path, 'utf8') })),
  { name: 'bench small', text: makeFixture('small', 10).text },
  {
    name: 'comments before the first marker',
    text: '# head\n---\na: 1\n---\n# only a comment\n---\nb: [1, 2]\n',
  },
  { name: 'markers with comments and CRLF', text: '--- # one\r\na: 1\r\n---\r\nb: |\r\n  x\r\n---\r\n' },
  { name: 'empty documents', text: '---\n---\n---\n' },
  { name: 'block scalar before a marker', text: 'a: |\n  x\n  y\n---\nb: >-\n  z\n' },
  { name: 'anchors in separate documents', text: 'a: &x 1\nb: *x\n---\nc: &y [1]\nd: *y\n' },
  { name: 'no final newline', text: 'a: 1\n---\nb: 2' },
];

test('when a file is parsed document by document → it equals the whole-stream parse (corpus)', () => {
  for (const { name, text } of corpus) {
    assert.deepEqual(fileSnapshot(parseYamlFile('f', 1, text)), wholeStreamSnapshot(text), name);
  }
});

test('when a file has `...` or a directive → it is parsed as one stream, like before', () => {
  assert.equal(documentChunkStarts('a: 1\n...\n---\nb: 2\n'), undefined);
  assert.equal(documentChunkStarts('%YAML 1.2\n---\na: 1\n'), undefined);
  const text = 'a: 1\n...\n---\nb: 2\n';
  assert.deepEqual(fileSnapshot(parseYamlFile('f', 1, text)), wholeStreamSnapshot(text));
});

test('when `---` is followed by text or is indented → only column-0 markers split', () => {
  assert.deepEqual(documentChunkStarts('a: 1\n--- b\n  ---\n---x\n----\n---\n'), [0, 5, 27]);
});

test('when edits follow one another → re-using unchanged documents equals parsing each version afresh', () => {
  const next = random(20261202);
  const pieces = [
    'x',
    ' ',
    '\n',
    '\r\n',
    '\r',
    ': ',
    '- ',
    '---\n',
    '"',
    '#',
    'image: nginx\n',
    '\n---\nkind: Pod\n',
  ];
  let text = makeFixture('small', 3).text;
  let previous = parseYamlFile('f', 0, text);
  for (let version = 1; version <= 200; version++) {
    const at = Math.floor(next() * (text.length + 1));
    const remove = next() < 0.5 ? Math.floor(next() * 12) : 0;
    const insert = next() < 0.8 ? (pieces[Math.floor(next() * pieces.length)] ?? '') : '';
    text = text.slice(0, at) + insert + text.slice(at + remove);
    const incremental = parseYamlFile('f', version, text, undefined, previous);
    const fresh = parseYamlFile('f', version, text);
    assert.deepEqual(fileSnapshot(incremental), fileSnapshot(fresh), `version ${version}`);
    assert.equal(incremental.lines.lineCount, fresh.lines.lineCount, `line count of version ${version}`);
    for (let offset = 0; offset <= text.length; offset += 3) {
      assert.deepEqual(
        incremental.lines.positionAt(offset),
        fresh.lines.positionAt(offset),
        `offset ${offset}`,
      );
    }
    previous = incremental;
  }
});

test('when only one document changes → the others keep their parse and are moved', () => {
  const text = 'a: 1\n---\nb: 2\n---\nc: [3]\n';
  const first = parseYamlFile('f', 1, text);
  const second = parseYamlFile('f', 2, 'a: 11\n' + text.slice(5), undefined, first);
  assert.notEqual(second.chunks[0], first.chunks[0]);
  assert.equal(second.chunks[1], first.chunks[1]);
  assert.equal(second.chunks[2], first.chunks[2]);
  assert.equal(second.documents[2]?.start, 15);
  assert.equal(second.documents[2]?.chunkLine, 3);
});
