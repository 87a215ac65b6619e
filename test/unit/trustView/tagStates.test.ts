import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tagEntries } from '../../../server/src/trustView/tagStates';

const hex = (c: string): string => c.repeat(64);

describe('tag states from Notary rows and registry facts', () => {
  test('when the registry serves the signed digest → signed; another digest → moved; only in registry → unsigned', () => {
    const entries = tagEntries(
      [
        { tag: '1.0', digest: hex('1'), signers: ['alice'] },
        { tag: 'latest', digest: hex('2'), signers: ['alice'] },
      ],
      ['latest', '1.0', 'dev', 'beta', 'dev'],
      new Map([
        ['1.0', `sha256:${hex('1')}`],
        ['latest', `sha256:${hex('3')}`],
      ]),
    );
    assert.deepEqual(
      entries.map((e) => [e.tag, e.state, e.signedDigest, e.registryDigest]),
      [
        ['1.0', 'signed', `sha256:${hex('1')}`, `sha256:${hex('1')}`],
        ['latest', 'moved', `sha256:${hex('2')}`, `sha256:${hex('3')}`],
        ['beta', 'unsigned', undefined, undefined],
        ['dev', 'unsigned', undefined, undefined],
      ],
    );
  });

  test('when the registry was not asked → signed tags stay signed without a registry digest', () => {
    const [entry] = tagEntries([{ tag: 'v1', digest: hex('a'), signers: [] }], [], new Map());
    assert.deepEqual(entry, { tag: 'v1', state: 'signed', signedDigest: `sha256:${hex('a')}`, signers: [] });
  });
});
