import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_LIST, keptList } from '../../server/src/emptyList';

test('when a list is kept → an empty one becomes the shared frozen empty list', () => {
  assert.equal(keptList([]), EMPTY_LIST);
  assert.ok(Object.isFrozen(EMPTY_LIST));
  assert.throws(() => (EMPTY_LIST as unknown as number[]).push(1), TypeError);
});

test('when a list is kept → a non-empty one is copied, so later pushes to the original do not reach it', () => {
  const built: number[] = [];
  built.push(1, 2, 3);
  const kept = keptList(built);
  assert.notEqual(kept, built);
  assert.deepEqual(kept, [1, 2, 3]);
  built.push(4);
  assert.deepEqual(kept, [1, 2, 3]);
});
