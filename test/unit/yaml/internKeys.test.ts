import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { internKey } from '../../../server/src/yaml/fast/internKeys';
import { fastParseDocument } from '../../../server/src/yaml/fast/fastParseDocument';

/** A string equal to `text` but built at run time, so it is not the literal's own string object. */
function fresh(text: string): string {
  return [...text].join('');
}

describe('internKey', () => {
  // Which string object comes back is not observable from JavaScript (the memory saved is measured in
  // bench/notes.md); what must hold is that the text never changes.
  test('hands back an equal string, the first time and later', () => {
    const first = internKey(fresh('namespace'));
    assert.equal(internKey(fresh('namespace')), first);
    assert.equal(internKey(fresh('namespace')), 'namespace');
  });

  test('keys of 13 characters or more are returned as given', () => {
    const long = fresh('imagePullPolicy');
    assert.equal(internKey(long), long);
  });

  test('parsed documents share key strings and keep their values', () => {
    const text = 'metadata:\n  name: a\n---\nmetadata:\n  name: b\n';
    const split = text.indexOf('---');
    const one = fastParseDocument(text, 0, split);
    const two = fastParseDocument(text, split, text.length);
    assert.ok(one && two);
    assert.deepEqual(one.contents?.toJSON(), { metadata: { name: 'a' } });
    assert.deepEqual(two.contents?.toJSON(), { metadata: { name: 'b' } });
  });
});
