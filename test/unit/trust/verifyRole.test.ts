import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RootMetadata } from '../../../server/src/trust/tuf/tuf.types';
import { verifyRoot } from '../../../server/src/trust/tuf/verifyRoot';
import { verifySnapshot, verifyTargets, verifyTimestamp } from '../../../server/src/trust/tuf/verifyRole';
import type { RoleCheck } from '../../../server/src/trust/tuf/verifyRole';
import { FIXTURE_GUN, FIXTURE_NOW, fixture } from '../../trust/attacks/support/fixtures';

const now = FIXTURE_NOW.getTime();
const root: RootMetadata = verifyRoot({
  bytes: fixture('setA-v1', 'root.json'),
  gun: FIXTURE_GUN,
  now,
  final: true,
}).root;
const timestampCheck: RoleCheck = {
  role: 'timestamp',
  maxBytes: 1 << 20,
  roleKeys: root.roles.timestamp,
  keys: root.keys,
  now,
};
const timestamp = verifyTimestamp(fixture('setA-v1', 'timestamp.json'), timestampCheck);
const snapshotCheck: RoleCheck = {
  ...timestampCheck,
  role: 'snapshot',
  meta: timestamp.snapshot,
  roleKeys: root.roles.snapshot,
};
const snapshot = verifySnapshot(fixture('setA-v1', 'snapshot.json'), snapshotCheck);
const targetsCheck: RoleCheck = {
  ...timestampCheck,
  role: 'targets',
  meta: snapshot.meta.get('targets'),
  roleKeys: root.roles.targets,
};

describe('verifyTimestamp / verifySnapshot / verifyTargets with setA', () => {
  test('when the fixtures are verified in order → versions are 3, 4 and 4', () => {
    assert.deepEqual(
      [
        timestamp.version,
        snapshot.version,
        verifyTargets(fixture('setA-v1', 'targets.json'), targetsCheck).version,
      ],
      [3, 4, 4],
    );
  });

  test('when targets.json lists its delegations → releases comes before alice with paths [""]', () => {
    const targets = verifyTargets(fixture('setA-v1', 'targets.json'), targetsCheck);
    assert.deepEqual(
      targets.delegations.map((d) => [d.name, d.paths]),
      [
        ['targets/releases', ['']],
        ['targets/alice', ['']],
      ],
    );
  });

  test('when the clock is after 2026-12-10T03:18:50Z → the timestamp is EXPIRED', () => {
    assert.throws(
      () =>
        verifyTimestamp(fixture('setA-v1', 'timestamp.json'), {
          ...timestampCheck,
          now: Date.parse('2026-12-11T00:00:00Z'),
        }),
      { code: 'EXPIRED' },
    );
  });

  test('when the cached timestamp version is higher → it throws ROLLBACK', () => {
    assert.throws(
      () => verifyTimestamp(fixture('setA-v1', 'timestamp.json'), { ...timestampCheck, minVersion: 4 }),
      { code: 'ROLLBACK' },
    );
  });

  test('when an equal version is cached → it is accepted', () => {
    assert.equal(
      verifyTimestamp(fixture('setA-v1', 'timestamp.json'), { ...timestampCheck, minVersion: 3 }).version,
      3,
    );
  });

  test('when snapshot bytes are served for targets → length, then hash, fail before parsing', () => {
    assert.throws(() => verifyTargets(fixture('setA-v1', 'snapshot.json'), targetsCheck), {
      code: 'LENGTH_MISMATCH',
    });
    const sameLength = { ...targetsCheck.meta, length: timestamp.snapshot.length } as NonNullable<
      RoleCheck['meta']
    >;
    assert.throws(
      () => verifyTargets(fixture('setA-v1', 'snapshot.json'), { ...targetsCheck, meta: sameLength }),
      {
        code: 'HASH_MISMATCH',
      },
    );
  });

  test('when the snapshot file is read as a targets role without a parent hash → it throws WRONG_TYPE', () => {
    const withoutMeta: RoleCheck = { ...targetsCheck, meta: undefined };
    assert.throws(() => verifyTargets(fixture('setA-v1', 'snapshot.json'), withoutMeta), {
      code: 'WRONG_TYPE',
    });
  });

  test('when the body is larger than the cap → it throws OVERSIZE', () => {
    assert.throws(
      () => verifyTimestamp(fixture('setA-v1', 'timestamp.json'), { ...timestampCheck, maxBytes: 100 }),
      { code: 'OVERSIZE' },
    );
  });

  test('when a delegation is checked with the wrong parent keys → it throws THRESHOLD_NOT_MET', () => {
    const releasesMeta = snapshot.meta.get('targets/releases') as NonNullable<RoleCheck['meta']>;
    assert.throws(
      () =>
        verifyTargets(fixture('setA-v1', 'targets/releases.json'), {
          ...targetsCheck,
          role: 'targets/releases',
          meta: releasesMeta,
        }),
      {
        code: 'THRESHOLD_NOT_MET',
      },
    );
  });
});
