// verdictInput: what a trust verdict is decided on, from the answers the caches hold now. The targets come
// from the real pipeline (a policy in the index, a pod's images), the answers are the shapes lookups return.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TRUST_SETTINGS } from '../../../shared/trustSettings';
import { imageTargets, type ImageTarget } from '../../../server/src/trustService/imageTargets';
import type { VerifiedRepository } from '../../../server/src/trustService/repositoryAnswer';
import { SignerIndex } from '../../../server/src/trustService/signerIndex';
import { verdictInput } from '../../../server/src/trustService/verdictInput';
import type { NoTrustData, RegistryFacts } from '../../../server/src/verdict';
import { PolicyIndex } from '../../../server/src/workspace/policyIndex';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';

const SERVER = 'https://notary.example:4443';
const DIGEST = 'ab'.repeat(32);
const POLICY = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: p
  namespace: default
spec:
  repositories:
    - name: icr.io/team/*
      policy:
        trust:
          enabled: true
          trustServer: ${SERVER}
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: pod
spec:
  containers:
    - name: tagged
      image: icr.io/team/app:1.0
    - name: pinned
      image: icr.io/team/app@sha256:${DIGEST}
`;

function targets(): { tagged: ImageTarget; pinned: ImageTarget } {
  const index = new PolicyIndex();
  index.update(parseYamlFile('file:///policy.yaml', 1, POLICY));
  const [tagged, pinned] = imageTargets(parseYamlFile('file:///pod.yaml', 1, POD), {
    policies: index,
    signers: new SignerIndex(),
    defaultNamespace: 'default',
    servers: {},
    env: {},
  });
  assert.ok(tagged && pinned, 'both images are targets');
  return { tagged, pinned };
}

const ONLINE = { workspaceTrusted: true, trust: { ...DEFAULT_TRUST_SETTINGS, network: true } };
const NO_DATA: NoTrustData = {
  kind: 'no-trust-data',
  gun: 'icr.io/team/app',
  server: SERVER,
  checkedAt: '2026-12-03T00:00:00Z',
};
const REGISTRY: RegistryFacts = { kind: 'digest', digest: DIGEST, checkedAt: '2026-12-03T00:00:00Z' };

test('when the workspace is untrusted or lookups are off → the facts say why, whatever the caches hold', () => {
  const { tagged } = targets();
  const untrusted = verdictInput(tagged, { ...ONLINE, workspaceTrusted: false }, NO_DATA, REGISTRY);
  assert.deepEqual(untrusted?.trust, { kind: 'not-checked', reason: 'untrusted-workspace' });
  const offline = verdictInput(
    tagged,
    { ...ONLINE, trust: { ...DEFAULT_TRUST_SETTINGS, network: false } },
    NO_DATA,
    REGISTRY,
  );
  assert.deepEqual(offline?.trust, { kind: 'not-checked', reason: 'offline' });
  assert.deepEqual(offline?.registry, { kind: 'not-checked' });
});

test('when a lookup the image needs has no answer yet → there is no input (never a verdict without facts)', () => {
  const { tagged } = targets();
  assert.equal(verdictInput(tagged, ONLINE, undefined, REGISTRY), undefined);
  // A tag also needs the registry's digest.
  assert.equal(verdictInput(tagged, ONLINE, NO_DATA, undefined), undefined);
});

test('when both answers are in → the input holds them with the target’s requirement', () => {
  const { tagged } = targets();
  const input = verdictInput(tagged, ONLINE, NO_DATA, REGISTRY);
  assert.deepEqual(input?.trust, NO_DATA);
  assert.deepEqual(input?.registry, REGISTRY);
  assert.equal(input?.requirement.required, true);
});

test('when the reference has a digest → no registry answer is needed', () => {
  const { pinned } = targets();
  const input = verdictInput(pinned, ONLINE, NO_DATA, undefined);
  assert.deepEqual(input?.registry, { kind: 'not-checked' });
});

test('when the repository verified → the facts hold the signatures of the image’s tag only', () => {
  const { tagged } = targets();
  const verified: VerifiedRepository = {
    kind: 'verified',
    gun: 'icr.io/team/app',
    server: SERVER,
    checkedAt: '2026-12-03T00:00:00Z',
    signaturesOf: (tag) => (tag === '1.0' ? [{ role: 'targets', digest: DIGEST, length: 1 }] : []),
    roleKeys: {},
    releasedDigests: [DIGEST],
  };
  const trust = verdictInput(tagged, ONLINE, verified, REGISTRY)?.trust;
  assert.equal(trust?.kind, 'verified');
  assert.deepEqual(trust?.kind === 'verified' ? trust.signatures : [], [
    { role: 'targets', digest: DIGEST, length: 1 },
  ]);
  assert.equal(trust?.kind === 'verified' ? trust.tag : undefined, '1.0');
});
