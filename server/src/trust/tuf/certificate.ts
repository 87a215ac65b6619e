import type { X509Certificate } from 'node:crypto';
import { badCertificate } from './pem';

const DAY_MS = 86_400_000;
/** Weak signature algorithms (hex DER of the OID): Go rejects the SHA-1 ones (notary-v1.md §3.6); MD5 too. */
const WEAK_SIGNATURE_OIDS = new Map([
  ['2a864886f70d010105', 'sha1WithRSAEncryption'],
  ['2a8648ce380403', 'dsaWithSHA1'],
  ['2a8648ce3d0401', 'ecdsaWithSHA1'],
  ['2a864886f70d010104', 'md5WithRSAEncryption'],
]);

/**
 * notary's `ValidateCertificate` (tuf/utils/x509.go:308, notary-v1.md §3.6, §3.7): a sane validity
 * window, no SHA-1 signature, RSA ≥ 2048 bits and, when `now` is given, not expired and not valid only
 * more than one day in the future.
 */
export function validateCertificate(cert: X509Certificate, field: string, now?: number): void {
  const notBefore = Date.parse(cert.validFrom);
  const notAfter = Date.parse(cert.validTo);
  if (!(notBefore <= notAfter)) throw badCertificate(field, 'has an inverted validity window');
  const weak = WEAK_SIGNATURE_OIDS.get(signatureAlgorithmOid(cert.raw, field));
  if (weak !== undefined) throw badCertificate(field, `is signed with ${weak}`);
  const details = cert.publicKey.asymmetricKeyDetails;
  if (cert.publicKey.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) < 2048) {
    throw badCertificate(field, 'has an RSA key shorter than 2048 bits');
  }
  if (now === undefined) return;
  if (now > notAfter) throw badCertificate(field, `expired at ${cert.validTo}`);
  if (now + DAY_MS < notBefore) throw badCertificate(field, `is not valid before ${cert.validFrom}`);
}

/** Root certificate CN must equal the GUN, or be a `prefix*` wildcard the GUN starts with (MatchCNToGun). */
export function certificateMatchesGun(cert: X509Certificate, gun: string): boolean {
  const names = cert.subject.split('\n').filter((line) => line.startsWith('CN='));
  if (names.length !== 1) return false;
  const cn = names[0].slice(3);
  return cn.endsWith('*') ? gun.startsWith(cn.slice(0, -1)) : cn === gun;
}

/** Reads Certificate.signatureAlgorithm.algorithm from DER: SEQUENCE { tbs, SEQUENCE { OID, … }, sig }. */
function signatureAlgorithmOid(der: Buffer, field: string): string {
  const outer = readTlv(der, 0, field);
  const tbs = readTlv(der, outer.contentStart, field);
  const algorithm = readTlv(der, tbs.end, field);
  const oid = readTlv(der, algorithm.contentStart, field);
  if (outer.tag !== 0x30 || algorithm.tag !== 0x30 || oid.tag !== 0x06)
    throw badCertificate(field, 'has a malformed DER structure');
  return der.subarray(oid.contentStart, oid.end).toString('hex');
}

function readTlv(
  der: Buffer,
  offset: number,
  field: string,
): { tag: number; contentStart: number; end: number } {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) throw badCertificate(field, 'has truncated DER');
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw badCertificate(field, 'has an unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[contentStart + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw badCertificate(field, 'has truncated DER');
  return { tag, contentStart, end };
}
