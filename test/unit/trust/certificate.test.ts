import assert from 'node:assert/strict';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { certificateMatchesGun, validateCertificate } from '../../../server/src/trust/tuf/certificate';
import { selfSignedCertificate } from '../../trust/attacks/support/certificate';

const NOW = Date.parse('2026-12-01T00:00:00Z');

function certificate(options: {
  bits?: number;
  algorithm?: 'ecdsa-sha256' | 'ecdsa-sha1' | 'rsa-sha256';
  from?: string;
  to?: string;
  cn?: string;
}): X509Certificate {
  const pair =
    options.bits === undefined
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: options.bits });
  return new X509Certificate(
    selfSignedCertificate({
      commonName: options.cn ?? 'g/app',
      ...pair,
      notBefore: new Date(options.from ?? '2026-01-01T00:00:00Z'),
      notAfter: new Date(options.to ?? '2036-01-01T00:00:00Z'),
      ...(options.algorithm ? { algorithm: options.algorithm } : {}),
    }),
  );
}

describe('validateCertificate (notary ValidateCertificate)', () => {
  test('when an ECDSA P-256 certificate is current → it passes', () => {
    validateCertificate(certificate({}), 'c', NOW);
  });
  test('when an RSA certificate has 2048 bits → it passes', () => {
    validateCertificate(certificate({ bits: 2048, algorithm: 'rsa-sha256' }), 'c', NOW);
  });
  test('when an RSA certificate has 1024 bits → it throws BAD_CERTIFICATE', () => {
    assert.throws(() => validateCertificate(certificate({ bits: 1024, algorithm: 'rsa-sha256' }), 'c', NOW), {
      code: 'BAD_CERTIFICATE',
    });
  });
  test('when the certificate is signed with ecdsa-with-SHA1 → it throws BAD_CERTIFICATE', () => {
    assert.throws(() => validateCertificate(certificate({ algorithm: 'ecdsa-sha1' }), 'c', NOW), {
      code: 'BAD_CERTIFICATE',
    });
  });
  test('when the validity window is inverted → it throws BAD_CERTIFICATE even without a clock', () => {
    assert.throws(
      () =>
        validateCertificate(certificate({ from: '2030-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' }), 'c'),
      {
        code: 'BAD_CERTIFICATE',
      },
    );
  });
  test('when NotBefore is less than a day ahead → the 1-day leeway accepts it; more → BAD_CERTIFICATE', () => {
    validateCertificate(certificate({ from: '2026-12-01T12:00:00Z' }), 'c', NOW);
    assert.throws(() => validateCertificate(certificate({ from: '2026-12-03T00:00:00Z' }), 'c', NOW), {
      code: 'BAD_CERTIFICATE',
    });
  });
});

describe('certificateMatchesGun (MatchCNToGun)', () => {
  test('when the CN equals the GUN → it matches; another GUN → it does not', () => {
    assert.equal(certificateMatchesGun(certificate({ cn: 'g/app' }), 'g/app'), true);
    assert.equal(certificateMatchesGun(certificate({ cn: 'g/app' }), 'g/app2'), false);
  });
  test('when the CN is "g/*" → every GUN starting with "g/" matches', () => {
    assert.equal(certificateMatchesGun(certificate({ cn: 'g/*' }), 'g/anything'), true);
    assert.equal(certificateMatchesGun(certificate({ cn: 'g/*' }), 'h/anything'), false);
  });
});
