import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repositoryChildren, shortDigest, type TrustNode } from '../../../client/src/trustView/nodes';
import type { SignedTagsResult } from '../../../shared/trustView';

const REPO = '127.0.0.1:5000/ns/signed';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;
const ROOT_KEY = 'a'.repeat(64);
const TARGETS_KEY = 'b'.repeat(64);
const ALICE_KEY = 'c'.repeat(64);

const ok: SignedTagsResult = {
  kind: 'ok',
  repository: REPO,
  server: 'https://127.0.0.1:4443/',
  tags: [
    { tag: '1.0', state: 'signed', signedDigest: D1, registryDigest: D1, signers: ['alice'] },
    { tag: 'latest', state: 'moved', signedDigest: D2, registryDigest: D3, signers: ['alice'] },
    { tag: 'v2', state: 'signed', signedDigest: D1, signers: [] },
    { tag: 'dev', state: 'unsigned', signers: [] },
  ],
  signers: [{ name: 'alice', keyIds: [ALICE_KEY] }],
  administrativeKeys: [
    { name: 'Root', keyIds: [ROOT_KEY] },
    { name: 'Repository', keyIds: [TARGETS_KEY] },
  ],
  expiries: [
    { role: 'root', expires: '2036-11-29T00:00:00.000Z' },
    { role: 'targets', expires: '2029-11-30T00:00:00.000Z' },
  ],
};

type Of<K extends TrustNode['kind']> = TrustNode & { kind: K };

function only<K extends TrustNode['kind']>(nodes: TrustNode[], kind: K): Of<K>[] {
  return nodes.filter((node): node is Of<K> => node.kind === kind);
}

describe('Signed Tags tree model', () => {
  test('when the answer is ok → it lists tags in server order, then Signers, then Administrative keys', () => {
    const nodes = repositoryChildren(ok);
    assert.deepEqual(
      nodes.map((node) => (node.kind === 'tag' ? `tag:${node.label}` : node.kind)),
      ['tag:1.0', 'tag:latest', 'tag:v2', 'tag:dev', 'signers', 'adminKeys'],
    );
  });

  test('when a tag is signed → its description is the short digest and the sorted signers', () => {
    const [first, , repoAdmin] = only(repositoryChildren(ok), 'tag');
    assert.equal(first?.description, `sha256:${'1'.repeat(12)} · alice`);
    assert.equal(repoAdmin?.description, `sha256:${'1'.repeat(12)} · Repo Admin`);
    assert.match(first?.tooltip ?? '', new RegExp(`Signed digest: \`${D1}\``));
    assert.match(first?.tooltip ?? '', /Targets metadata expires 2029-11-30T00:00:00.000Z/);
  });

  test('when the registry digest moved since signing → the tag is flagged and the tooltip names both digests', () => {
    const moved = only(repositoryChildren(ok), 'tag')[1];
    assert.equal(moved?.description.startsWith('⚠ moved · '), true);
    assert.match(moved?.tooltip ?? '', new RegExp(D2));
    assert.match(moved?.tooltip ?? '', new RegExp(`registry now serves \`${D3}\``));
  });

  test('when a registry tag is not signed → it is marked unsigned', () => {
    const unsigned = only(repositoryChildren(ok), 'tag')[3];
    assert.equal(unsigned?.description, 'unsigned');
    assert.equal(unsigned?.entry.state, 'unsigned');
  });

  test('when keys are listed → signer and admin key nodes show 12-digit IDs and full IDs with expiry in tooltips', () => {
    const nodes = repositoryChildren(ok);
    const signers = only(nodes, 'signers')[0];
    const admin = only(nodes, 'adminKeys')[0];
    const alice = signers?.children[0];
    assert.equal(alice?.kind === 'key' ? alice.description : undefined, 'c'.repeat(12));
    const root = admin?.children[0];
    assert.equal(root?.kind === 'key' ? root.label : undefined, 'Root');
    assert.match(
      root?.kind === 'key' ? root.tooltip : '',
      new RegExp(`${ROOT_KEY}[\\s\\S]*Expires 2036-11-29`),
    );
    const repository = admin?.children[1];
    assert.match(repository?.kind === 'key' ? repository.tooltip : '', /Expires 2029-11-30/);
  });

  test('when the lookup needs a login → the only child is a failure node running Log in… for the host', () => {
    const nodes = repositoryChildren({
      kind: 'failed',
      repository: REPO,
      server: 'https://127.0.0.1:4443/',
      failure: {
        reason: 'unauthorized',
        code: 'UNAUTHORIZED',
        message: '401 from registry',
        host: '127.0.0.1:5000',
      },
    });
    assert.equal(nodes.length, 1);
    const [failure] = only(nodes, 'failure');
    assert.deepEqual(failure?.action, {
      command: 'imageTrust.login',
      title: 'Log in…',
      arguments: ['127.0.0.1:5000'],
    });
    assert.match(failure?.tooltip ?? '', /Code: UNAUTHORIZED/);
  });

  test('when the trust server is unreachable → the action is Set trust server… for the host', () => {
    const [failure] = only(
      repositoryChildren({
        kind: 'failed',
        repository: REPO,
        failure: {
          reason: 'unavailable',
          code: 'UNREACHABLE',
          message: 'connect ECONNREFUSED',
          host: '127.0.0.1:5000',
        },
      }),
      'failure',
    );
    assert.equal(failure?.action?.command, 'imageTrust.setTrustServer');
    assert.equal(failure?.label, 'Trust data unavailable (UNREACHABLE) — Set trust server…');
  });

  test('when the workspace is untrusted → the failure offers workspace trust, not a login', () => {
    const [failure] = only(
      repositoryChildren({
        kind: 'failed',
        repository: REPO,
        failure: { reason: 'untrusted-workspace', code: 'untrusted-workspace', message: 'Restricted Mode' },
      }),
      'failure',
    );
    assert.equal(failure?.action?.command, 'workbench.trust.manage');
  });

  test('when the registry could not be listed → a registry failure node follows the signed tags', () => {
    const nodes = repositoryChildren({
      ...ok,
      tags: ok.kind === 'ok' ? ok.tags.slice(0, 1) : [],
      registryFailure: {
        reason: 'unauthorized',
        code: 'UNAUTHORIZED',
        message: 'no',
        host: '127.0.0.1:5000',
      },
    });
    assert.deepEqual(
      nodes.map((node) => node.kind),
      ['tag', 'failure', 'signers', 'adminKeys'],
    );
    assert.equal(only(nodes, 'failure')[0]?.label, 'Registry: login required — Log in…');
  });

  test('when a digest is shortened → it keeps the sha256: prefix and 12 hex digits', () => {
    assert.equal(shortDigest(D1), `sha256:${'1'.repeat(12)}`);
    assert.equal(shortDigest('1'.repeat(64)), `sha256:${'1'.repeat(12)}`);
  });
});
