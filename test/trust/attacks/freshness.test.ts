import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIXTURE_GUN, fixtureFiles } from './support/fixtures';
import { assertTrustCode, expectAttack, startHarness } from './support/harness';
import { MemoryFileStore } from './support/memoryFileStore';
import { buildRepo, generateRepoKeys } from './support/repoBuilder';

// notary-v1.md §4.5 (rollback and freeze), §7.1 wayToMessUpServerBadExpiry and OffsetMetadataVersion.
const GUN = 'attack.test/freshness';
const PAST = '2026-06-01T00:00:00Z';

describe('attack: expired metadata', () => {
  for (const role of ['timestamp', 'snapshot', 'targets'] as const) {
    test(`when ${role}.json expired → it fails with EXPIRED`, async () => {
      await expectAttack(
        GUN,
        buildRepo({ keys: generateRepoKeys(GUN), expires: { [role]: PAST } }),
        'EXPIRED',
      );
    });
  }

  test('when targets/releases expired → it is skipped (notary semantics) and v1 is not signed for Docker', async () => {
    const harness = await startHarness(
      GUN,
      buildRepo({ keys: generateRepoKeys(GUN), expires: { 'targets/releases': PAST } }),
    );
    try {
      const repository = await harness.client.getRepository(GUN);
      assert.equal(repository.skippedRoles.get('targets/releases'), 'EXPIRED');
      assert.throws(() => repository.resolveTag('v1'), { code: 'TAG_NOT_SIGNED' });
    } finally {
      await harness.stop();
    }
  });
});

describe('attack: rollback to older metadata', () => {
  test('when the server goes back from setB (timestamp v5) to setA (v3) → it fails with ROLLBACK', async () => {
    const store = new MemoryFileStore();
    const current = await startHarness(FIXTURE_GUN, fixtureFiles('setB-root-rotated'), { store });
    await current.client.getRepository(FIXTURE_GUN);
    await current.stop();
    await expectAttack(FIXTURE_GUN, fixtureFiles('setA-v1'), 'ROLLBACK', { store });
  });

  test('when an older but validly signed targets.json is replayed with a fresh timestamp → it fails with ROLLBACK', async () => {
    const keys = generateRepoKeys(GUN);
    const store = new MemoryFileStore();
    const current = await startHarness(
      GUN,
      buildRepo({ keys, versions: { targets: 5, snapshot: 5, timestamp: 5 } }),
      { store },
    );
    await current.client.getRepository(GUN);
    await current.stop();
    const replay = buildRepo({ keys, versions: { targets: 4, snapshot: 6, timestamp: 6 } });
    await expectAttack(GUN, replay, 'ROLLBACK', { store });
  });
});

describe('attack: freeze (the server keeps serving metadata that has since expired)', () => {
  test('when setA is served again after its timestamp expired → it fails with EXPIRED, even with a warm cache', async () => {
    const store = new MemoryFileStore();
    const first = await startHarness(FIXTURE_GUN, fixtureFiles('setA-v1'), { store });
    await first.client.getRepository(FIXTURE_GUN);
    await first.stop();
    const later = await startHarness(FIXTURE_GUN, fixtureFiles('setA-v1'), {
      store,
      now: new Date('2026-12-11T00:00:00Z'),
    });
    try {
      await assertTrustCode(later.client.getRepository(FIXTURE_GUN), 'EXPIRED');
    } finally {
      await later.stop();
    }
  });
});
