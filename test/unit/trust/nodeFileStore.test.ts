import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrustError } from '../../../server/src/trust/errors';
import { NodeFileStore } from '../../../server/src/trust/nodeFileStore';
import { defaultTrustCacheDir } from '../../../server/src/trust/engine';

const isCode =
  (code: string) =>
  (e: unknown): boolean =>
    e instanceof TrustError && e.code === code;

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'node-file-store-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('NodeFileStore', () => {
  test('when a file is written and read back → the bytes are equal and no temp file is left', () =>
    withDir(async (dir) => {
      const store = new NodeFileStore(dir);
      await store.write('notary/gun-a%2Fb/targets/releases.json', Buffer.from('{"x":1}'));
      await store.write('notary/gun-a%2Fb/targets/releases.json', Buffer.from('{"x":2}'));
      assert.equal(
        Buffer.from((await store.read('notary/gun-a%2Fb/targets/releases.json')) ?? []).toString(),
        '{"x":2}',
      );
      assert.deepEqual(await readdir(join(dir, 'notary/gun-a%2Fb/targets')), ['releases.json']);
    }));

  test('when a file is missing → read gives undefined', () =>
    withDir(async (dir) => {
      assert.equal(await new NodeFileStore(dir).read('a/b.json'), undefined);
    }));

  for (const path of ['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a\\..\\b', 'a\0b', '', 'a/']) {
    test(`when the path is ${JSON.stringify(path)} → read and write fail with CONFIGURATION`, () =>
      withDir(async (dir) => {
        const store = new NodeFileStore(dir);
        await assert.rejects(store.read(path), isCode('CONFIGURATION'));
        await assert.rejects(store.write(path, Buffer.from('x')), isCode('CONFIGURATION'));
      }));
  }

  test('when the store is read-only → reads work and writes fail with CONFIGURATION', () =>
    withDir(async (dir) => {
      await new NodeFileStore(dir).write('tuf/a/root.json', Buffer.from('r'));
      const store = new NodeFileStore(dir, { readOnly: true });
      assert.equal(Buffer.from((await store.read('tuf/a/root.json')) ?? []).toString(), 'r');
      await assert.rejects(store.write('tuf/a/root.json', Buffer.from('x')), isCode('CONFIGURATION'));
    }));

  test('when a path goes through a file → read gives undefined (ENOTDIR)', () =>
    withDir(async (dir) => {
      const store = new NodeFileStore(dir);
      await store.write('a', Buffer.from('file'));
      assert.equal(await store.read('a/b'), undefined);
      await symlink('/nonexistent', join(dir, 'dangling'));
      assert.equal(await store.read('dangling'), undefined);
    }));
});

describe('defaultTrustCacheDir', () => {
  test('when XDG_CACHE_HOME is set on Linux → it is used', () => {
    assert.equal(defaultTrustCacheDir({ XDG_CACHE_HOME: '/c' }, '/h', 'linux'), '/c/image-trust/trust');
    assert.equal(defaultTrustCacheDir({}, '/h', 'linux'), '/h/.cache/image-trust/trust');
    assert.equal(defaultTrustCacheDir({}, '/h', 'darwin'), '/h/Library/Caches/image-trust/trust');
  });
});
