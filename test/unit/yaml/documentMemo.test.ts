import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentMemos } from '../../../server/src/yaml/documentMemo';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';

const URI = 'file:///memo.yaml';
const TEXT = 'kind: A\n---\nkind: B\n';

function documents(text = TEXT, previous?: ReturnType<typeof parseYamlFile>) {
  return parseYamlFile(URI, 1, text, undefined, previous);
}

describe('DocumentMemos', () => {
  test('computes once per document and slot, and keeps array values whole', () => {
    const memos = new DocumentMemos();
    const file = documents();
    const [first, second] = file.documents;
    assert.ok(first && second);
    let runs = 0;
    const compute = (value: string[]) => () => {
      runs++;
      return value;
    };
    const a = memos.get('list', { uri: URI }, first, compute(['a', 'b']));
    assert.deepEqual(a, ['a', 'b']);
    assert.equal(memos.get('list', { uri: URI }, first, compute(['x'])), a);
    assert.deepEqual(memos.get('other', { uri: URI }, first, compute([])), []);
    assert.deepEqual(memos.get('list', { uri: URI }, second, compute(['c'])), ['c']);
    assert.equal(runs, 3);
  });

  test('a compute that memoises another slot of the same chunk keeps both', () => {
    const memos = new DocumentMemos();
    const [doc] = documents().documents;
    assert.ok(doc);
    const inner = () => memos.get('inner', { uri: URI }, doc, () => ['inner']);
    const outer = memos.get('outer', { uri: URI }, doc, () => [...inner(), 'outer']);
    assert.deepEqual(outer, ['inner', 'outer']);
    let again = 0;
    memos.get('inner', { uri: URI }, doc, () => {
      again++;
      return [];
    });
    memos.get('outer', { uri: URI }, doc, () => {
      again++;
      return [];
    });
    assert.equal(again, 0, 'neither slot was lost');
  });

  test('another file or context recomputes; a moved document is moved, not recomputed', () => {
    const memos = new DocumentMemos();
    const before = documents();
    const second = before.documents[1];
    assert.ok(second);
    assert.equal(
      memos.get('at', { uri: URI, context: 'x' }, second, () => 0),
      0,
    );
    assert.equal(
      memos.get('at', { uri: URI, context: 'y' }, second, () => -1),
      -1,
    );
    assert.equal(
      memos.get('at', { uri: 'file:///other.yaml', context: 'y' }, second, () => -2),
      -2,
    );

    // Two lines inserted above: the second document's chunk is re-used and moves down.
    const after = documents(`# one\n# two\n${TEXT}`, before);
    const moved = after.documents[1];
    assert.ok(moved);
    assert.equal(moved.chunk, second.chunk, 'the chunk is re-used');
    const seen: { offset: number; lines: number }[] = [];
    const result = memos.get(
      'at',
      { uri: 'file:///other.yaml', context: 'y' },
      moved,
      () => assert.fail('recomputed'),
      (old: number, by) => {
        seen.push(by);
        return old + by.offset;
      },
    );
    assert.deepEqual(seen, [{ offset: 12, lines: 2 }]);
    assert.equal(result, -2 + 12);
  });
});
