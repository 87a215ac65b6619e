import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { startHarness } from '../../trust/attacks/support/harness';
import { buildRepo, generateRepoKeys } from '../../trust/attacks/support/repoBuilder';

// notary-v1.md §4.2 step 3 (one wave per depth), §5.1 (path restriction), §5.2 (Docker accepts only
// targets/releases and targets).
const GUN = 'tree.test/app';

describe('nested delegations', () => {
  test('when releases delegates v2 to targets/releases/ci → the child is loaded after its parent and v2 is found there but not pullable', async () => {
    const keys = generateRepoKeys(GUN);
    const delegate = (signed: JsonObject): void => {
      signed['delegations'] = {
        keys: { [keys.alice.id]: keys.alice.keyObject },
        roles: [{ keyids: [keys.alice.id], name: 'targets/releases/ci', paths: ['v'], threshold: 1 }],
      };
    };
    const files = buildRepo({
      keys,
      tweak: { 'targets/releases': delegate },
      extraRoles: [{ role: 'targets/releases/ci', tags: ['v2'], key: keys.alice }],
    });
    const harness = await startHarness(GUN, files);
    try {
      const repository = await harness.client.getRepository(GUN);
      const order = harness.server.requests.map((file) => file.replace(/\.[0-9a-f]{64}\.json$/, ''));
      assert.ok(order.indexOf('targets/releases/ci') > order.indexOf('targets/releases'));
      assert.equal(repository.findTag('v2')?.role, 'targets/releases/ci');
      assert.throws(() => repository.resolveTag('v2'), { code: 'TAG_NOT_SIGNED' });
      assert.deepEqual(
        repository.signaturesOf('v2').map((s) => s.role),
        ['targets/alice', 'targets/releases/ci'],
      );
      assert.deepEqual(
        repository.inspect().Signers.map((s) => s.Name),
        ['releases/ci', 'alice'],
      );
    } finally {
      await harness.stop();
    }
  });

  test("when a child lists a path outside its parent's paths → the parent's restriction wins", async () => {
    const keys = generateRepoKeys(GUN);
    const restrictReleases = (signed: JsonObject): void => {
      const roles = (signed['delegations'] as JsonObject)['roles'] as JsonObject[];
      roles[0]['paths'] = ['v1'];
    };
    const delegate = (signed: JsonObject): void => {
      signed['delegations'] = {
        keys: { [keys.alice.id]: keys.alice.keyObject },
        roles: [{ keyids: [keys.alice.id], name: 'targets/releases/ci', paths: ['v1', 'v2'], threshold: 1 }],
      };
    };
    const files = buildRepo({
      keys,
      tweak: { targets: restrictReleases, 'targets/releases': delegate },
      extraRoles: [{ role: 'targets/releases/ci', tags: ['v1', 'v2'], key: keys.alice }],
    });
    const harness = await startHarness(GUN, files);
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.deepEqual(
        repository.signaturesOf('v2').map((s) => s.role),
        ['targets/alice'],
      );
      assert.deepEqual(
        repository.signaturesOf('v1').map((s) => s.role),
        ['targets/releases', 'targets/alice', 'targets/releases/ci'],
      );
    } finally {
      await harness.stop();
    }
  });
});
