import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideTrust } from '../../../server/src/verdict';
import {
  A,
  alice,
  B,
  bob,
  C,
  input,
  NOT_REQUIRED,
  required,
  SERVER,
  sig,
  UNAVAILABLE,
  verified,
} from './verdictFixtures';

const DENY =
  'trust: policy denied the request: Deny "registry.example/ns/app:latest", failed to get content trust information: ';

describe('decideTrust: released digest (portieris.md §3.3 item 3)', () => {
  test('when only targets signs the tag → allowed and mutated to name@sha256:<hex>', () => {
    const verdict = decideTrust(input({ trust: verified([sig('targets', A)]) }));
    assert.deepEqual(verdict.admission, {
      kind: 'allowed',
      digest: A,
      mutatedImage: `registry.example/ns/app@sha256:${A}`,
    });
    assert.equal(verdict.signedRole, 'targets');
    assert.equal(verdict.runsDigest, A);
  });

  test('when targets and targets/releases both sign → the last one in walk order (releases) wins', () => {
    const verdict = decideTrust(input({ trust: verified([sig('targets', A), sig('targets/releases', B)]) }));
    assert.equal(verdict.signedDigest, B);
    assert.equal(verdict.signedRole, 'targets/releases');
  });

  test('when a delegation other than releases signs another digest → it does not change the released one', () => {
    const verdict = decideTrust(
      input({ trust: verified([sig('targets/releases', A), sig('targets/alice', B)]) }),
    );
    assert.equal(verdict.signedDigest, A);
  });

  test('when the tag is signed only in targets/alice and no signers are required → Portieris patches an empty digest', () => {
    const verdict = decideTrust(input({ trust: verified([sig('targets/alice', A)]) }));
    assert.deepEqual(verdict.admission, {
      kind: 'allowed',
      digest: '',
      mutatedImage: 'registry.example/ns/app@sha256:',
    });
    assert.equal(verdict.signedDigest, undefined);
    assert.equal(verdict.runsDigest, undefined);
  });

  test('when no role lists the tag → denied "No valid trust data for latest"', () => {
    const verdict = decideTrust(input({ trust: verified([]) }));
    assert.deepEqual(verdict.admission, { kind: 'denied', message: `${DENY}No valid trust data for latest` });
  });

  test('when a digest-only image is checked → the tag looked up is latest (§3.4)', () => {
    const verdict = decideTrust(
      input({ image: `registry.example/ns/app@sha256:${C}`, trust: verified([], { tag: 'latest' }) }),
    );
    assert.equal(
      verdict.admission.kind === 'denied' && verdict.admission.message,
      `trust: policy denied the request: Deny "registry.example/ns/app@sha256:${C}", failed to get content trust information: No valid trust data for latest`,
    );
  });

  test('when mutateImage is false → allowed without a mutation, and the cluster runs the registry digest', () => {
    const verdict = decideTrust(
      input({
        requirement: required([], false),
        trust: verified([sig('targets', A)]),
        registry: { kind: 'digest', digest: `sha256:${B}`, checkedAt: 'now' },
      }),
    );
    assert.deepEqual(verdict.admission, { kind: 'allowed', digest: A });
    assert.equal(verdict.runsDigest, B);
  });
});

describe('decideTrust: lookups that give no verified answer', () => {
  test('when the repository has no trust data and trust is required → the notary message with the server host', () => {
    const verdict = decideTrust(
      input({
        trust: { kind: 'no-trust-data', gun: 'registry.example/ns/app', server: SERVER, checkedAt: 'now' },
      }),
    );
    assert.deepEqual(verdict.admission, {
      kind: 'denied',
      message: `${DENY}notary.example:4443 does not have trust data for registry.example/ns/app`,
    });
  });

  test('when the server is unavailable → unknown, never denied', () => {
    assert.deepEqual(decideTrust(input({ trust: UNAVAILABLE })).admission, { kind: 'unknown' });
  });

  test('when verification fails → unknown (the issue reports the failure)', () => {
    const trust = { ...UNAVAILABLE, kind: 'verification', code: 'BAD_SIGNATURE' } as const;
    assert.deepEqual(decideTrust(input({ trust })).admission, { kind: 'unknown' });
  });

  test('when trust is not required → not-required, and the cluster runs what the registry serves', () => {
    const verdict = decideTrust(
      input({
        requirement: NOT_REQUIRED,
        trust: verified([sig('targets', A)]),
        registry: { kind: 'digest', digest: `sha256:${B}`, checkedAt: 'now' },
      }),
    );
    assert.deepEqual(verdict.admission, { kind: 'not-required' });
    assert.equal(verdict.signedDigest, A);
    assert.equal(verdict.runsDigest, B);
  });

  test('when trust is not required and the image is digest-pinned → the cluster runs the written digest', () => {
    const verdict = decideTrust(
      input({
        image: `registry.example/ns/app@sha256:${C}`,
        requirement: NOT_REQUIRED,
        trust: { kind: 'not-checked', reason: 'offline' },
      }),
    );
    assert.equal(verdict.runsDigest, C);
  });
});

describe('decideTrust: signerSecrets (portieris.md §3.3 item 5)', () => {
  const both = [sig('targets/releases', A), sig('targets/alice', A), sig('targets/bob', A)];

  test('when every required signer signed the released digest with its key → allowed', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret', 'bob-secret']),
        signers: [alice(), bob],
        trust: verified(both),
      }),
    );
    assert.equal(verdict.admission.kind, 'allowed');
    assert.deepEqual(
      verdict.signers.map((s) => [s.secret, s.status, s.keyChecked]),
      [
        ['alice-secret', 'signed', true],
        ['bob-secret', 'signed', true],
      ],
    );
  });

  test('when a required signer has no signature → denied "no signature found for role <name>"', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret', 'bob-secret']),
        signers: [alice(), bob],
        trust: verified([sig('targets/releases', A), sig('targets/alice', A)]),
      }),
    );
    assert.deepEqual(verdict.admission, {
      kind: 'denied',
      message: `${DENY}no signature found for role bob`,
    });
    assert.equal(verdict.signers[1]?.status, 'missing');
  });

  test('when a signer signed another digest → denied "Incompatible digest"', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret']),
        signers: [alice()],
        trust: verified([sig('targets/releases', A), sig('targets/alice', B)]),
      }),
    );
    assert.deepEqual(verdict.admission, { kind: 'denied', message: `${DENY}Incompatible digest` });
    assert.equal(verdict.signers[0]?.status, 'other-digest');
  });

  test('when the Secret\'s key is not among the role\'s keys → denied "Public keys are different"', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret']),
        signers: [alice('9'.repeat(64))],
        trust: verified(both),
      }),
    );
    assert.deepEqual(verdict.admission, { kind: 'denied', message: `${DENY}Public keys are different` });
  });

  test('when the key check fails before a digest mismatch in walk order → the key error is reported', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret', 'bob-secret']),
        signers: [alice('9'.repeat(64)), bob],
        trust: verified([sig('targets/releases', A), sig('targets/alice', A), sig('targets/bob', B)]),
      }),
    );
    assert.equal(
      verdict.admission.kind === 'denied' && verdict.admission.message,
      `${DENY}Public keys are different`,
    );
  });

  test('when the signer Secret is not in the workspace → its name is assumed as the role and no key is compared', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice']),
        signers: [{ secret: 'alice', source: 'assumed' }],
        trust: verified(both),
      }),
    );
    assert.equal(verdict.admission.kind, 'allowed');
    assert.deepEqual(verdict.signers[0], {
      secret: 'alice',
      signerName: 'alice',
      role: 'targets/alice',
      keyChecked: false,
      status: 'signed',
    });
  });

  test('when the Secret lacks name or publicKey → denied as the controller does', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret']),
        signers: [{ secret: 'alice-secret', source: 'workspace-incomplete' }],
        trust: verified(both),
      }),
    );
    assert.deepEqual(verdict.admission, {
      kind: 'denied',
      message:
        'trust: Deny "registry.example/ns/app:latest", could not get signerSecret from your cluster, name or publicKey field in secret alice-secret is empty',
    });
    assert.equal(verdict.signers[0]?.status, 'secret-incomplete');
  });

  test('when the public key does not parse → denied "no valid public key found"', () => {
    const verdict = decideTrust(
      input({ requirement: required(['alice-secret']), signers: [alice(null)], trust: verified(both) }),
    );
    assert.match(
      verdict.admission.kind === 'denied' ? verdict.admission.message : '',
      /could not get signerSecret from your cluster, no valid public key found$/,
    );
  });

  test('when signers are required and the tag is only in targets/alice → Incompatible digest (no released digest)', () => {
    const verdict = decideTrust(
      input({
        requirement: required(['alice-secret']),
        signers: [alice()],
        trust: verified([sig('targets/alice', A)]),
      }),
    );
    assert.deepEqual(verdict.admission, { kind: 'denied', message: `${DENY}Incompatible digest` });
  });
});
