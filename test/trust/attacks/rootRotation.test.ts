import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIXTURE_GUN, fixture, fixtureFiles } from './support/fixtures';
import { expectAttack, startHarness } from './support/harness';
import { MemoryFileStore } from './support/memoryFileStore';
import { buildRepo, generateRepoKeys } from './support/repoBuilder';
import type { RepoKeys } from './support/repoBuilder';
import { x509RootKey } from './support/signingKeys';

// notary-v1.md §3.6, §4.4, §7.1 root rotation scenarios, §7.2 items 6 and 12–13.
const GUN = 'attack.test/rotation';

async function pinned(gun: string, files: ReadonlyMap<string, Uint8Array>): Promise<MemoryFileStore> {
  const store = new MemoryFileStore();
  const harness = await startHarness(gun, files, { store });
  await harness.client.getRepository(gun);
  await harness.stop();
  return store;
}

/** Version 2 of the repository after a root key rotation, with `2.root.json` signed by `rootSigners`. */
function rotated(
  old: RepoKeys,
  rootSigners: 'old+new' | 'new',
): { files: Map<string, Buffer>; keys: RepoKeys } {
  const keys = { ...generateRepoKeys(GUN), root: x509RootKey(GUN) };
  const signers = rootSigners === 'old+new' ? [keys.root, old.root] : [keys.root];
  const files = buildRepo({
    keys,
    versions: { root: 2, timestamp: 2, snapshot: 2 },
    signers: { root: signers },
  });
  files.set('2.root.json', files.get('root.json') as Buffer);
  return { files, keys };
}

describe('attack: root rotated without cross-signing', () => {
  test('when the new root is signed only by the new key → it fails with ROOT_ROTATION and the pin is kept', async () => {
    const old = generateRepoKeys(GUN);
    const store = await pinned(GUN, buildRepo({ keys: old }));
    const pin = [...store.files].find(([path]) => path.endsWith('/root.json'))?.[1];
    await expectAttack(GUN, rotated(old, 'new').files, 'ROOT_ROTATION', { store });
    assert.deepEqual([...store.files].find(([path]) => path.endsWith('/root.json'))?.[1], pin);
  });

  test('when the new root is signed by old and new keys → it verifies (control)', async () => {
    const old = generateRepoKeys(GUN);
    const store = await pinned(GUN, buildRepo({ keys: old }));
    const harness = await startHarness(GUN, rotated(old, 'old+new').files, { store });
    try {
      assert.equal((await harness.client.getRepository(GUN)).versions.root, 2);
    } finally {
      await harness.stop();
    }
  });

  test('when the server replaced the repository with a new root of the same version → it fails with ROOT_ROTATION', async () => {
    const store = await pinned(GUN, buildRepo({ keys: generateRepoKeys(GUN) }));
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN) }), 'ROOT_ROTATION', { store });
  });
});

describe('attack: bad intermediate roots', () => {
  test('when setB is served without 2.root.json to a client pinned at setA → it fails with ROOT_ROTATION', async () => {
    const store = await pinned(FIXTURE_GUN, fixtureFiles('setA-v1'));
    const files = fixtureFiles('setB-root-rotated');
    files.delete('2.root.json');
    await expectAttack(FIXTURE_GUN, files, 'ROOT_ROTATION', { store });
  });

  test('when 2.root.json is replaced by 3.root.json (wrong version, not signed by the old key) → it fails with ROOT_ROTATION', async () => {
    const store = await pinned(FIXTURE_GUN, fixtureFiles('setA-v1'));
    const files = fixtureFiles('setB-root-rotated');
    files.set('2.root.json', fixture('setB-root-rotated', '3.root.json'));
    await expectAttack(FIXTURE_GUN, files, 'ROOT_ROTATION', { store });
  });

  test('when an intermediate root is signed only by its own new key → it fails with ROOT_ROTATION', async () => {
    const old = generateRepoKeys(GUN);
    const store = await pinned(GUN, buildRepo({ keys: old }));
    const step = rotated(old, 'new');
    const keys3 = { ...step.keys };
    const v3 = buildRepo({ keys: keys3, versions: { root: 3, timestamp: 3, snapshot: 3 } });
    v3.set('2.root.json', step.files.get('2.root.json') as Buffer);
    await expectAttack(GUN, v3, 'ROOT_ROTATION', { store });
  });
});

describe('root expiry during rotation (TestExpiredIntermediateTransitions)', () => {
  test('when an intermediate root has expired but chains → the walk accepts it (expiry is checked on the final root only)', async () => {
    const old = generateRepoKeys(GUN);
    const store = await pinned(GUN, buildRepo({ keys: old }));
    const keys = { ...generateRepoKeys(GUN), root: x509RootKey(GUN) };
    const expired = buildRepo({
      keys,
      versions: { root: 2 },
      expires: { root: '2026-06-01T00:00:00Z' },
      signers: { root: [keys.root, old.root] },
    });
    const current = buildRepo({ keys, versions: { root: 3, timestamp: 3, snapshot: 3 } });
    current.set('2.root.json', expired.get('root.json') as Buffer);
    const harness = await startHarness(GUN, current, { store });
    try {
      assert.equal((await harness.client.getRepository(GUN)).versions.root, 3);
    } finally {
      await harness.stop();
    }
  });

  test('when the newest root has expired → it fails with EXPIRED', async () => {
    const old = generateRepoKeys(GUN);
    const store = await pinned(GUN, buildRepo({ keys: old }));
    const files = buildRepo({
      keys: old,
      versions: { root: 2, timestamp: 2, snapshot: 2 },
      expires: { root: '2026-06-01T00:00:00Z' },
    });
    await expectAttack(GUN, files, 'EXPIRED', { store });
  });
});

describe('attack: root certificate CN does not match the GUN', () => {
  test('when root.json is signed by a certificate for another GUN → first use fails with BAD_CERTIFICATE', async () => {
    const keys = { ...generateRepoKeys(GUN), root: x509RootKey('attack.test/other') };
    await expectAttack(GUN, buildRepo({ keys }), 'BAD_CERTIFICATE');
  });

  test('when the root certificate expired → first use fails with BAD_CERTIFICATE', async () => {
    const keys = {
      ...generateRepoKeys(GUN),
      root: x509RootKey(GUN, { notAfter: new Date('2026-06-01T00:00:00Z') }),
    };
    await expectAttack(GUN, buildRepo({ keys }), 'BAD_CERTIFICATE');
  });
});

describe("Docker's pin (~/.docker/trust/tuf/<gun>/metadata/root.json)", () => {
  test('when Docker pinned another root for the GUN → it fails with ROOT_ROTATION instead of trusting the server', async () => {
    const docker = new MemoryFileStore();
    await docker.write(
      `tuf/${GUN}/metadata/root.json`,
      buildRepo({ keys: generateRepoKeys(GUN) }).get('root.json') as Buffer,
    );
    await expectAttack(GUN, buildRepo({ keys: generateRepoKeys(GUN) }), 'ROOT_ROTATION', {
      dockerTrust: docker,
    });
  });

  test('when Docker pinned the same root → it verifies without downloading root.json', async () => {
    const files = buildRepo({ keys: generateRepoKeys(GUN) });
    const docker = new MemoryFileStore();
    await docker.write(`tuf/${GUN}/metadata/root.json`, files.get('root.json') as Buffer);
    const harness = await startHarness(GUN, files, { dockerTrust: docker });
    try {
      await harness.client.getRepository(GUN);
      assert.ok(!harness.server.requests.includes('root.json'));
    } finally {
      await harness.stop();
    }
  });
});
