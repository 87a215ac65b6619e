import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  pathAllowed,
  restrictPaths,
  verifyDelegationName,
} from '../../../server/src/trust/tuf/delegationNames';

describe('verifyDelegationName', () => {
  for (const name of ['targets/releases', 'targets/a-b_c9']) {
    test(`when ${name} is delegated by targets → it is accepted`, () =>
      verifyDelegationName(name, 'targets'));
  }
  test('when targets/a/b is delegated by targets/a → it is accepted', () =>
    verifyDelegationName('targets/a/b', 'targets/a'));
  const bad: [string, string][] = [
    ['targets/../../etc', 'targets'],
    ['targets/a/../b', 'targets/a'],
    ['targets//a', 'targets'],
    ['targets/A', 'targets'],
    ['targets/a.b', 'targets'],
    ['root', 'targets'],
    ['targets', 'targets'],
    ['targets/a/b', 'targets'],
    [`targets/${'a'.repeat(250)}`, 'targets'],
  ];
  for (const [name, parent] of bad) {
    test(`when ${JSON.stringify(name.slice(0, 40))} is delegated by ${parent} → it throws INVALID_ROLE_NAME`, () => {
      assert.throws(() => verifyDelegationName(name, parent), { code: 'INVALID_ROLE_NAME' });
    });
  }
});

describe('delegation paths', () => {
  test('when a child lists paths outside its parent → only the ones under the parent survive (TestListTargetRestrictsDelegationPaths)', () => {
    assert.deepEqual(restrictPaths(['level1'], ['level1-level2', 'level2']), ['level1-level2']);
  });
  test('when paths are prefixes, not globs → "v1*" does not allow "v10"', () => {
    assert.equal(pathAllowed(['v1*'], 'v10'), false);
    assert.equal(pathAllowed(['v1'], 'v10'), true);
    assert.equal(pathAllowed([''], 'anything'), true);
    assert.equal(pathAllowed([], 'anything'), false);
  });
});
