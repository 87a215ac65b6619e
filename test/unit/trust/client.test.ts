import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FIXTURE_GUN, fixtureFiles } from '../../trust/attacks/support/fixtures';
import { startHarness } from '../../trust/attacks/support/harness';
import type { Harness } from '../../trust/attacks/support/harness';
import { MemoryFileStore } from '../../trust/attacks/support/memoryFileStore';
import { buildRepo, generateRepoKeys } from '../../trust/attacks/support/repoBuilder';

describe('createNotaryClient against the real notary 0.7.0 fixtures (setA)', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(FIXTURE_GUN, fixtureFiles('setA-v1'));
  });
  after(() => harness.stop());

  test('when the cache is empty → it downloads root, timestamp, then consistent names for the rest', async () => {
    const repository = await harness.client.getRepository(FIXTURE_GUN);
    assert.deepEqual(repository.versions, { root: 1, timestamp: 3, snapshot: 4, targets: 4 });
    const requests = harness.server.requests.map((file) => file.replace(/\.[0-9a-f]{64}\./, '.<sha256>.'));
    assert.deepEqual(requests.slice(0, 4), [
      'root.json',
      'timestamp.json',
      'snapshot.<sha256>.json',
      'targets.<sha256>.json',
    ]);
    assert.deepEqual(requests.slice(4).sort(), [
      'targets/alice.<sha256>.json',
      'targets/releases.<sha256>.json',
    ]);
  });

  test('when the cache is warm and the timestamp unchanged → it makes exactly one request', async () => {
    harness.server.requests.length = 0;
    const repository = await harness.client.getRepository(FIXTURE_GUN);
    assert.deepEqual(harness.server.requests, ['timestamp.json']);
    assert.equal(
      repository.resolveTag('v1').digest,
      '8cd34bbc1d6f7ce73c53740073333f418d7b900050c738c8c30ba95986f7b3a0',
    );
  });
});

describe('createNotaryClient with the rotated fixtures (setB) and a setA pin', () => {
  test('when the pinned root is v1 and the server has v3 → it walks 2.root.json, verifies, and then runs warm on one request', async () => {
    const store = new MemoryFileStore();
    const first = await startHarness(FIXTURE_GUN, fixtureFiles('setA-v1'), { store });
    await first.client.getRepository(FIXTURE_GUN);
    await first.stop();
    const second = await startHarness(FIXTURE_GUN, fixtureFiles('setB-root-rotated'), { store });
    try {
      const repository = await second.client.getRepository(FIXTURE_GUN);
      assert.equal(repository.versions.root, 3);
      assert.ok(second.server.requests.includes('2.root.json'));
      assert.equal(repository.resolveTag('v3').role, 'targets');
      second.server.requests.length = 0;
      assert.equal((await second.client.getRepository(FIXTURE_GUN)).versions.root, 3);
      assert.deepEqual(second.server.requests, ['timestamp.json']);
    } finally {
      await second.stop();
    }
  });
});

describe('createNotaryClient with a generated repository', () => {
  test('when every role is signed by its key → tags resolve with Docker priority', async () => {
    const gun = 'example.test/app';
    const harness = await startHarness(gun, buildRepo({ keys: generateRepoKeys(gun) }));
    try {
      const repository = await harness.client.getRepository(gun);
      assert.equal(repository.resolveTag('v1').role, 'targets/releases');
      assert.equal(repository.resolveTag('v3').role, 'targets');
      assert.equal(repository.findTag('v2')?.role, 'targets/alice');
    } finally {
      await harness.stop();
    }
  });
});
