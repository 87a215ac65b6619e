import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideTrust, trustIssues, type VerdictInput } from '../../../server/src/verdict';
import {
  A,
  alice,
  B,
  C,
  input,
  NOT_REQUIRED,
  required,
  SERVER,
  sig,
  UNAVAILABLE,
  verified,
} from './verdictFixtures';

function issuesOf(verdictInput: VerdictInput) {
  return trustIssues(verdictInput, decideTrust(verdictInput));
}

function codes(verdictInput: VerdictInput): string[] {
  return issuesOf(verdictInput).map((i) => `${i.code}:${i.severity}`);
}

const NO_DATA = {
  kind: 'no-trust-data',
  gun: 'registry.example/ns/app',
  server: SERVER,
  checkedAt: 'now',
} as const;

describe('trustIssues: one code per situation', () => {
  test('when there is no trust data and trust is required → trust-no-data error with the controller message', () => {
    const [issue] = issuesOf(input({ trust: NO_DATA }));
    assert.equal(issue?.code, 'trust-no-data');
    assert.equal(issue?.severity, 'error');
    assert.equal(
      issue?.message,
      'trust: policy denied the request: Deny "registry.example/ns/app:latest", failed to get content trust information: notary.example:4443 does not have trust data for registry.example/ns/app',
    );
    assert.equal(issue?.data.denyMessage, issue?.message);
  });

  test('when there is no trust data and trust is not required → information only', () => {
    assert.deepEqual(codes(input({ requirement: NOT_REQUIRED, trust: NO_DATA })), [
      'trust-no-data:information',
    ]);
  });

  test('when the tag is not signed → trust-no-data "No valid trust data for latest"', () => {
    const [issue] = issuesOf(input({ trust: verified([]) }));
    assert.match(
      issue?.message ?? '',
      /failed to get content trust information: No valid trust data for latest$/,
    );
  });

  test('when the server is unreachable → trust-unavailable warning that never says unsigned', () => {
    const [issue, ...rest] = issuesOf(input({ trust: UNAVAILABLE }));
    assert.equal(rest.length, 0);
    assert.equal(issue?.code, 'trust-unavailable');
    assert.equal(issue?.severity, 'warning');
    assert.match(issue?.message ?? '', /^Could not check trust of .*connection refused \(UNREACHABLE\)/);
    assert.doesNotMatch(issue?.message ?? '', /unsigned|not signed/);
    assert.equal(issue?.data.errorCode, 'UNREACHABLE');
  });

  test('when the server is unreachable and trust is not required → no diagnostic', () => {
    assert.deepEqual(codes(input({ requirement: NOT_REQUIRED, trust: UNAVAILABLE })), []);
  });

  test('when verification fails → trust-verification-failed error naming the failure', () => {
    const trust = {
      ...UNAVAILABLE,
      kind: 'verification',
      code: 'BAD_SIGNATURE',
      reason: 'timestamp signature invalid',
    } as const;
    const [issue] = issuesOf(input({ trust }));
    assert.equal(issue?.code, 'trust-verification-failed');
    assert.equal(issue?.severity, 'error');
    assert.match(issue?.message ?? '', /timestamp signature invalid \(BAD_SIGNATURE\)/);
  });

  test('when the workspace is untrusted → trust-not-checked-untrusted information', () => {
    assert.deepEqual(codes(input({ trust: { kind: 'not-checked', reason: 'untrusted-workspace' } })), [
      'trust-not-checked-untrusted:information',
    ]);
  });

  test('when lookups are off → trust-not-checked-offline information', () => {
    assert.deepEqual(codes(input({ trust: { kind: 'not-checked', reason: 'offline' } })), [
      'trust-not-checked-offline:information',
    ]);
  });

  test('when the tag moved after signing → trust-tag-moved warning naming what the cluster runs', () => {
    const [issue, ...rest] = issuesOf(
      input({
        trust: verified([sig('targets', A)]),
        registry: { kind: 'digest', digest: `sha256:${B}`, checkedAt: 'now' },
      }),
    );
    assert.equal(rest.length, 0);
    assert.equal(issue?.code, 'trust-tag-moved');
    assert.equal(issue?.severity, 'warning');
    assert.match(
      issue?.message ?? '',
      /Portieris will run the signed image registry\.example\/ns\/app@sha256:a{64}/,
    );
    assert.deepEqual(issue?.data.pin, {
      portieris: `registry.example/ns/app@sha256:${A}`,
      renovate: `registry.example/ns/app:latest@sha256:${A}`,
    });
    assert.equal(issue?.data.registryDigest, `sha256:${B}`);
  });

  test('when the tag moved and mutateImage is false → the warning says the unsigned digest runs', () => {
    const [issue] = issuesOf(
      input({
        requirement: required([], false),
        trust: verified([sig('targets', A)]),
        registry: { kind: 'digest', digest: `sha256:${B}`, checkedAt: 'now' },
      }),
    );
    assert.match(issue?.message ?? '', /mutateImage is false, so the cluster will run sha256:b{64}/);
  });

  test('when a required signer is missing → trust-signer-missing error with signer statuses in data', () => {
    const [issue] = issuesOf(
      input({
        requirement: required(['alice-secret']),
        signers: [alice()],
        trust: verified([sig('targets', A)]),
      }),
    );
    assert.equal(issue?.code, 'trust-signer-missing');
    assert.match(issue?.message ?? '', /no signature found for role alice$/);
    assert.deepEqual(issue?.data.signers, [{ secret: 'alice-secret', status: 'missing' }]);
  });

  test('when the pinned digest is not signed at all → trust-digest-not-signed error with a re-pin target', () => {
    const [issue] = issuesOf(
      input({ image: `registry.example/ns/app:latest@sha256:${C}`, trust: verified([sig('targets', A)]) }),
    );
    assert.equal(issue?.code, 'trust-digest-not-signed');
    assert.equal(issue?.severity, 'error');
    assert.deepEqual(issue?.data.pin, {
      portieris: `registry.example/ns/app@sha256:${A}`,
      renovate: `registry.example/ns/app:latest@sha256:${A}`,
    });
  });

  test('when the pinned digest was signed before but is no longer the tag → warning', () => {
    const trust = verified([sig('targets', A)], { releasedDigests: [A, C] });
    const [issue] = issuesOf(input({ image: `registry.example/ns/app:latest@sha256:${C}`, trust }));
    assert.equal(`${issue?.code}:${issue?.severity}`, 'trust-digest-not-signed:warning');
    assert.match(issue?.message ?? '', /no longer the signed digest/);
  });

  test('when the image is pinned to the signed digest → only the trust-signed hint', () => {
    assert.deepEqual(
      codes(input({ image: `registry.example/ns/app@sha256:${A}`, trust: verified([sig('targets', A)]) })),
      ['trust-signed:hint'],
    );
  });

  test('when signed by alice and bob → the hint names both signers and the mutated image', () => {
    const [issue] = issuesOf(
      input({
        trust: verified([sig('targets/releases', A), sig('targets/alice', A), sig('targets/bob', A)]),
      }),
    );
    assert.equal(issue?.code, 'trust-signed');
    assert.match(
      issue?.message ?? '',
      /signed by alice, bob\)\. Portieris will run registry\.example\/ns\/app@sha256:a{64}\.$/,
    );
  });

  test('when the tag is only in a non-release delegation → trust-no-data error explaining the empty patch', () => {
    const [issue] = issuesOf(input({ trust: verified([sig('targets/alice', A)]) }));
    assert.equal(issue?.code, 'trust-no-data');
    assert.match(issue?.message ?? '', /signed only in targets\/alice.*"registry\.example\/ns\/app@sha256:"/);
    assert.equal(issue?.data.pin, null);
  });
});

test('when the registry cannot be read but trust verified → trust-unavailable warning that keeps the pin data', () => {
  const [issue, ...rest] = issuesOf(
    input({
      trust: verified([sig('targets', A)]),
      registry: { kind: 'failed', code: 'UNREACHABLE', reason: 'connect ECONNREFUSED' },
    }),
  );
  assert.equal(rest.length, 0);
  assert.equal(`${issue?.code}:${issue?.severity}`, 'trust-unavailable:warning');
  assert.match(issue?.message ?? '', /Whether the tag moved after signing is unknown/);
  assert.notEqual(issue?.data.pin, null);
});
