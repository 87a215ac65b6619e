import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PinStore, readDockerPin } from '../../../server/src/trust/notary/pinStore';
import { MemoryFileStore } from '../../trust/attacks/support/memoryFileStore';

describe('PinStore', () => {
  test('when a GUN has "/", ":" and ".." → it is kept inside one encoded folder', async () => {
    const store = new MemoryFileStore();
    await new PinStore(store).writeRole('../../etc/x:1', 'root', Buffer.from('r'));
    assert.deepEqual([...store.files.keys()], ['notary/gun-..%2F..%2Fetc%2Fx%3A1/root.json']);
  });

  test('when versions are written and read back → they round-trip', async () => {
    const pins = new PinStore(new MemoryFileStore());
    await pins.writeVersions('g/app', { root: 2, 'targets/releases': 7 });
    assert.deepEqual(await pins.readVersions('g/app'), { root: 2, 'targets/releases': 7 });
  });

  test('when a GUN is very long → its folder name is a sha256', async () => {
    const store = new MemoryFileStore();
    await new PinStore(store).writeRole(`g/${'a'.repeat(300)}`, 'root', Buffer.from('r'));
    assert.match([...store.files.keys()][0] ?? '', /^notary\/sha256-[0-9a-f]{64}\/root\.json$/);
  });
});

describe('readDockerPin', () => {
  test('when the GUN is ordinary → it reads tuf/<gun>/metadata/root.json verbatim', async () => {
    const docker = new MemoryFileStore();
    await docker.write('tuf/localhost:5000/demo/app/metadata/root.json', Buffer.from('pin'));
    assert.equal(
      Buffer.from((await readDockerPin(docker, 'localhost:5000/demo/app')) ?? []).toString(),
      'pin',
    );
  });

  for (const gun of ['../../x', 'a//b', 'a/./b', 'a\\b']) {
    test(`when the GUN is ${JSON.stringify(gun)} → it is not looked up`, async () => {
      const docker = new MemoryFileStore();
      const reads: string[] = [];
      docker.read = (path) => {
        reads.push(path);
        return Promise.resolve(undefined);
      };
      assert.equal(await readDockerPin(docker, gun), undefined);
      assert.deepEqual(reads, []);
    });
  }
});
