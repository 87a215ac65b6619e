import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyRoot } from '../../../server/src/trust/tuf/verifyRoot';
import { FIXTURE_GUN, FIXTURE_NOW, fixture } from '../../trust/attacks/support/fixtures';
import { buildRepo, generateRepoKeys } from '../../trust/attacks/support/repoBuilder';
import { x509RootKey } from '../../trust/attacks/support/signingKeys';

const now = FIXTURE_NOW.getTime();
const setA = fixture('setA-v1', 'root.json');

describe('verifyRoot', () => {
  test('when setA root.json is verified on first use → it is version 1 with the four base roles', () => {
    const { root } = verifyRoot({ bytes: setA, gun: FIXTURE_GUN, now, final: true });
    assert.equal(root.version, 1);
    assert.deepEqual(root.roles.root.keyIds, [
      '9396518aeda359493e3dbfe3116b8c031bad33c7158815377acd33fcd1c96736',
    ]);
  });

  test('when setB is walked 1 → 2 → 3 → each step chains and the last is version 3', () => {
    const v1 = verifyRoot({
      bytes: fixture('setB-root-rotated', '1.root.json'),
      gun: FIXTURE_GUN,
      now,
      final: false,
    }).root;
    const v2 = verifyRoot({
      bytes: fixture('setB-root-rotated', '2.root.json'),
      gun: FIXTURE_GUN,
      now,
      trusted: v1,
      exactVersion: 2,
      final: false,
    }).root;
    const v3 = verifyRoot({
      bytes: fixture('setB-root-rotated', '3.root.json'),
      gun: FIXTURE_GUN,
      now,
      trusted: v2,
      exactVersion: 3,
      final: true,
    }).root;
    assert.equal(v3.version, 3);
  });

  test('when v3 is checked directly against v1 (skipping 2.root.json) → it throws ROOT_ROTATION', () => {
    const v1 = verifyRoot({ bytes: setA, gun: FIXTURE_GUN, now, final: false }).root;
    assert.throws(
      () =>
        verifyRoot({
          bytes: fixture('setB-root-rotated', '3.root.json'),
          gun: FIXTURE_GUN,
          now,
          trusted: v1,
          final: true,
        }),
      {
        code: 'ROOT_ROTATION',
      },
    );
  });

  test('when 2.root.json is offered as version 3 → it throws ROOT_ROTATION', () => {
    const v1 = verifyRoot({ bytes: setA, gun: FIXTURE_GUN, now, final: false }).root;
    assert.throws(
      () =>
        verifyRoot({
          bytes: fixture('setB-root-rotated', '2.root.json'),
          gun: FIXTURE_GUN,
          now,
          trusted: v1,
          exactVersion: 3,
          final: false,
        }),
      {
        code: 'ROOT_ROTATION',
      },
    );
  });

  test('when the GUN differs from the certificate CN → it throws BAD_CERTIFICATE', () => {
    assert.throws(() => verifyRoot({ bytes: setA, gun: 'localhost:5000/other/app', now, final: true }), {
      code: 'BAD_CERTIFICATE',
    });
  });

  test('when the root certificate has expired (after 2036-11-23) → it throws BAD_CERTIFICATE', () => {
    assert.throws(
      () =>
        verifyRoot({ bytes: setA, gun: FIXTURE_GUN, now: Date.parse('2037-01-01T00:00:00Z'), final: false }),
      {
        code: 'BAD_CERTIFICATE',
      },
    );
  });

  test('when the root metadata expired but the certificate is valid → final verification throws EXPIRED', () => {
    const keys = generateRepoKeys('g/app');
    const bytes = buildRepo({ keys, expires: { root: '2026-06-01T00:00:00Z' } }).get('root.json') as Buffer;
    assert.throws(() => verifyRoot({ bytes, gun: 'g/app', now, final: true }), { code: 'EXPIRED' });
    assert.equal(verifyRoot({ bytes, gun: 'g/app', now, final: false }).root.version, 1);
  });

  test('when the root certificate is signed with ecdsa-with-SHA1 → it throws BAD_CERTIFICATE', () => {
    const keys = { ...generateRepoKeys('g/app'), root: x509RootKey('g/app', { algorithm: 'ecdsa-sha1' }) };
    const bytes = buildRepo({ keys }).get('root.json') as Buffer;
    assert.throws(() => verifyRoot({ bytes, gun: 'g/app', now, final: true }), { code: 'BAD_CERTIFICATE' });
  });

  test('when the certificate CN is a "prefix*" wildcard the GUN starts with → it verifies', () => {
    const keys = { ...generateRepoKeys('g/app'), root: x509RootKey('g/*') };
    const bytes = buildRepo({ keys }).get('root.json') as Buffer;
    assert.equal(verifyRoot({ bytes, gun: 'g/app', now, final: true }).root.version, 1);
  });

  test('when a base role is missing → it throws MISSING_ROLE', () => {
    const keys = generateRepoKeys('g/app');
    const tweak = {
      root: (signed: Record<string, unknown>) =>
        void delete (signed['roles'] as Record<string, unknown>)['snapshot'],
    };
    const bytes = buildRepo({ keys, tweak }).get('root.json') as Buffer;
    assert.throws(() => verifyRoot({ bytes, gun: 'g/app', now, final: true }), { code: 'MISSING_ROLE' });
  });
});
