import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import type { JsonObject } from '../../../server/src/trust/tuf/json.types';
import { expectAttack, startHarness } from './support/harness';
import { buildRepo, corruptFirstSignature, generateRepoKeys } from './support/repoBuilder';
import type { RoleFile } from './support/repoBuilder';
import { ecdsaKey, sameKeyAsSpki, x509RootKey } from './support/signingKeys';

// notary-v1.md §7.1 waysToMessUpServerBadSigs, plus §3.5 (one key under two IDs).
const GUN = 'attack.test/signatures';

describe('attack: invalid signatures (right key, wrong signature)', () => {
  for (const role of ['timestamp', 'snapshot', 'targets'] as const) {
    test(`when ${role}.json carries a corrupted signature → it fails with BAD_SIGNATURE`, async () => {
      const files = buildRepo({ keys: generateRepoKeys(GUN), damage: { [role]: corruptFirstSignature } });
      await expectAttack(GUN, files, 'BAD_SIGNATURE');
    });
  }

  test('when targets/releases carries a corrupted signature → the role is skipped and v1 is not signed for Docker', async () => {
    const files = buildRepo({
      keys: generateRepoKeys(GUN),
      damage: { 'targets/releases': corruptFirstSignature },
    });
    const harness = await startHarness(GUN, files);
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.equal(repository.skippedRoles.get('targets/releases'), 'BAD_SIGNATURE');
      assert.throws(() => repository.resolveTag('v1'), { code: 'TAG_NOT_SIGNED' });
      assert.ok(repository.signaturesOf('v1').every((s) => s.role !== 'targets/releases'));
    } finally {
      await harness.stop();
    }
  });
});

describe('attack: metadata signed by the wrong key', () => {
  for (const role of ['timestamp', 'snapshot', 'targets'] satisfies RoleFile[]) {
    test(`when ${role}.json is signed by an attacker key → it fails with THRESHOLD_NOT_MET`, async () => {
      const files = buildRepo({ keys: generateRepoKeys(GUN), signers: { [role]: [ecdsaKey()] } });
      await expectAttack(GUN, files, 'THRESHOLD_NOT_MET');
    });
  }

  test('when root.json is signed by a key other than its root certificate → first use fails with THRESHOLD_NOT_MET', async () => {
    const files = buildRepo({ keys: generateRepoKeys(GUN), signers: { root: [x509RootKey(GUN)] } });
    await expectAttack(GUN, files, 'THRESHOLD_NOT_MET');
  });
});

describe('attack: threshold raised above the signatures present', () => {
  test('when root sets the targets threshold to 2 and targets has one signature → it fails with THRESHOLD_NOT_MET', async () => {
    const raise = (signed: JsonObject): void => {
      ((signed['roles'] as JsonObject)['targets'] as JsonObject)['threshold'] = 2;
    };
    await expectAttack(
      GUN,
      buildRepo({ keys: generateRepoKeys(GUN), tweak: { root: raise } }),
      'THRESHOLD_NOT_MET',
    );
  });

  test('when root lists no targets keys → it fails with THRESHOLD_NOT_MET', async () => {
    const empty = (signed: JsonObject): void => {
      ((signed['roles'] as JsonObject)['targets'] as JsonObject)['keyids'] = [];
    };
    await expectAttack(
      GUN,
      buildRepo({ keys: generateRepoKeys(GUN), tweak: { root: empty } }),
      'THRESHOLD_NOT_MET',
    );
  });
});

describe('attack: one key listed under two IDs', () => {
  test('when the targets key appears as ecdsa and as ecdsa-x509 with threshold 2 → it counts once (THRESHOLD_NOT_MET)', async () => {
    const asCert = x509RootKey('targets', {}, generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    const plain = sameKeyAsSpki(asCert);
    const twice = (signed: JsonObject): void => {
      const map = signed['keys'] as JsonObject;
      map[asCert.id] = asCert.keyObject;
      map[plain.id] = plain.keyObject;
      (signed['roles'] as JsonObject)['targets'] = { keyids: [asCert.id, plain.id], threshold: 2 };
    };
    const files = buildRepo({
      keys: generateRepoKeys(GUN),
      tweak: { root: twice },
      signers: { targets: [asCert, plain] },
    });
    await expectAttack(GUN, files, 'THRESHOLD_NOT_MET');
  });
});
