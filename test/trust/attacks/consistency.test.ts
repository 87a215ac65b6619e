import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { FIXTURE_GUN, fixture, fixtureFiles } from './support/fixtures';
import { expectAttack, serveForPrefix, startHarness } from './support/harness';
import { buildRepo, generateRepoKeys } from './support/repoBuilder';

// notary-v1.md §4.3 (mix-and-match, checksums), §1.1 (memory backend serves any role), §7.1 missing roles.
const GUN = 'attack.test/consistency';

describe('attack: mix-and-match', () => {
  test('when setB timestamp is served with setA snapshot (same length, other content) → it fails with HASH_MISMATCH', async () => {
    const files = fixtureFiles('setB-root-rotated');
    assert.equal(
      fixture('setA-v1', 'snapshot.json').length,
      fixture('setB-root-rotated', 'snapshot.json').length,
    );
    await expectAttack(FIXTURE_GUN, files, 'HASH_MISMATCH', {
      override: serveForPrefix('snapshot.', fixture('setA-v1', 'snapshot.json')),
    });
  });

  test('when a targets.json from another build is served under the listed checksum → it fails with HASH_MISMATCH', async () => {
    const keys = generateRepoKeys(GUN);
    const other = buildRepo({ keys, versions: { targets: 2 } }).get('targets.json') as Buffer;
    const files = buildRepo({ keys });
    assert.equal(other.length, (files.get('targets.json') as Buffer).length);
    await expectAttack(GUN, files, 'HASH_MISMATCH', { override: serveForPrefix('targets.', other) });
  });
});

describe('attack: wrong _type', () => {
  test('when snapshot.json is served as timestamp.json → it fails with WRONG_TYPE', async () => {
    const files = fixtureFiles('setA-v1');
    files.set('timestamp.json', fixture('setA-v1', 'snapshot.json'));
    await expectAttack(FIXTURE_GUN, files, 'WRONG_TYPE');
  });

  test('when targets.json is validly hashed and signed but says _type "Snapshot" → it fails with WRONG_TYPE', async () => {
    const tweak = { targets: (signed: JsonObject): void => void (signed['_type'] = 'Snapshot') };
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'WRONG_TYPE');
  });
});

describe('attack: missing roles', () => {
  test('when root.json is 404 → it fails with NO_TRUST_DATA', async () => {
    const files = fixtureFiles('setA-v1');
    files.delete('root.json');
    await expectAttack(FIXTURE_GUN, files, 'NO_TRUST_DATA');
  });

  for (const role of ['timestamp', 'snapshot', 'targets'] as const) {
    test(`when ${role}.json is 404 → it fails with MISSING_ROLE`, async () => {
      const files = fixtureFiles('setA-v1');
      files.delete(`${role}.json`);
      await expectAttack(FIXTURE_GUN, files, 'MISSING_ROLE');
    });
  }

  test('when the timestamp lists no snapshot → it fails with MISSING_ROLE', async () => {
    const tweak = {
      timestamp: (signed: JsonObject): void => void delete (signed['meta'] as JsonObject)['snapshot'],
    };
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'MISSING_ROLE');
  });

  test('when the snapshot lists no targets → it fails with MISSING_ROLE', async () => {
    const tweak = {
      snapshot: (signed: JsonObject): void => void delete (signed['meta'] as JsonObject)['targets'],
    };
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'MISSING_ROLE');
  });

  test('when root.json has no snapshot role → first use fails with MISSING_ROLE', async () => {
    const tweak = {
      root: (signed: JsonObject): void => void delete (signed['roles'] as JsonObject)['snapshot'],
    };
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'MISSING_ROLE');
  });

  test('when a delegation listed in the snapshot is 404 → it fails with MISSING_ROLE', async () => {
    const files = buildRepo({ keys: generateRepoKeys(GUN) });
    files.delete('targets/alice.json');
    await expectAttack(GUN, files, 'MISSING_ROLE', {
      inspect: (harness) =>
        assert.ok(harness.server.requests.some((file) => file.startsWith('targets/alice.'))),
    });
  });
});

describe('attack: snapshot leaves out a delegation', () => {
  test('when the snapshot omits targets/releases → the role is skipped as MISSING_ROLE and v1 is not pullable', async () => {
    const tweak = {
      snapshot: (signed: JsonObject): void => void delete (signed['meta'] as JsonObject)['targets/releases'],
    };
    const harness = await startHarness(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }));
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.equal(repository.skippedRoles.get('targets/releases'), 'MISSING_ROLE');
      assert.throws(() => repository.resolveTag('v1'), { code: 'TAG_NOT_SIGNED' });
    } finally {
      await harness.stop();
    }
  });
});
