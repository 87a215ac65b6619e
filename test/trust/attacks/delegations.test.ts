import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { expectAttack, startHarness } from './support/harness';
import { buildRepo, generateRepoKeys } from './support/repoBuilder';

// notary-v1.md §2.3 (names), §5.1 (path restriction), §7.1 invalid delegation names, §7.2 items 9–10.
const GUN = 'attack.test/delegations';

const releasesRole = (signed: JsonObject): JsonObject =>
  ((signed['delegations'] as JsonObject)['roles'] as JsonObject[])[0];

describe('attack: delegation signs outside its paths', () => {
  test('when targets/releases may only sign "prod/" but lists v1 → v1 is refused with PATH_NOT_DELEGATED', async () => {
    const tweak = { targets: (signed: JsonObject): void => void (releasesRole(signed)['paths'] = ['prod/']) };
    const harness = await startHarness(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }));
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.throws(() => repository.resolveTag('v1'), { code: 'PATH_NOT_DELEGATED' });
      assert.ok(repository.signaturesOf('v1').every((s) => s.role !== 'targets/releases'));
      assert.deepEqual(
        repository.inspect().SignedTags.map((row) => row.SignedTag),
        ['v3'],
      );
    } finally {
      await harness.stop();
    }
  });

  test('when releases has no paths at all → it may sign nothing (PATH_NOT_DELEGATED)', async () => {
    const tweak = { targets: (signed: JsonObject): void => void delete releasesRole(signed)['paths'] };
    const harness = await startHarness(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }));
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.throws(() => repository.resolveTag('v1'), { code: 'PATH_NOT_DELEGATED' });
    } finally {
      await harness.stop();
    }
  });
});

describe('attack: path traversal and invalid role names', () => {
  for (const name of [
    'targets/../../../etc/passwd',
    'targets/../root',
    'targets//releases',
    'root',
    'targets/Releases',
  ]) {
    test(`when targets delegates to ${JSON.stringify(name)} → it fails with INVALID_ROLE_NAME before any URL uses it`, async () => {
      const tweak = { targets: (signed: JsonObject): void => void (releasesRole(signed)['name'] = name) };
      await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'INVALID_ROLE_NAME', {
        inspect: (harness) =>
          assert.ok(harness.server.requests.every((file) => !file.includes('..') && !file.includes('//'))),
      });
    });
  }

  test('when the same delegation is listed twice → it fails with INVALID_ROLE_NAME', async () => {
    const tweak = {
      targets: (signed: JsonObject): void => {
        const roles = (signed['delegations'] as JsonObject)['roles'] as JsonObject[];
        roles.push({ ...releasesRole(signed) });
      },
    };
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN), tweak }), 'INVALID_ROLE_NAME');
  });
});
