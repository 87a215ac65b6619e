import { randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Just enough DER to make a self-signed X.509 certificate for test roots (node:crypto cannot). */
function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length =
    n < 128 ? Buffer.from([n]) : Buffer.concat([Buffer.from([0x80 | byteCount(n)]), bigEndian(n)]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
}
const byteCount = (n: number): number => (n < 256 ? 1 : n < 65536 ? 2 : 3);
const bigEndian = (n: number): Buffer => Buffer.from(n.toString(16).padStart(byteCount(n) * 2, '0'), 'hex');
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number) as [number, number, ...number[]];
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${iso}Z`));
}

const name = (cn: string): Buffer => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

const ALGORITHMS = {
  'ecdsa-sha256': { oid: '1.2.840.10045.4.3.2', hash: 'sha256', params: false },
  'ecdsa-sha1': { oid: '1.2.840.10045.4.1', hash: 'sha1', params: false },
  'rsa-sha256': { oid: '1.2.840.113549.1.1.11', hash: 'sha256', params: true },
} as const;

export interface CertificateOptions {
  readonly commonName: string;
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly algorithm?: keyof typeof ALGORITHMS;
}

/** A self-signed v3 certificate without extensions (so not a CA), as PEM text. */
export function selfSignedCertificate(options: CertificateOptions): string {
  const algorithm = ALGORITHMS[options.algorithm ?? 'ecdsa-sha256'];
  const algorithmId = algorithm.params
    ? seq(oid(algorithm.oid), Buffer.from([0x05, 0x00]))
    : seq(oid(algorithm.oid));
  const serial = randomBytes(8);
  serial[0] = 0x40 | (serial[0] & 0x3f); // positive and minimal: DER forbids a 0x00 before a byte < 0x80
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    algorithmId,
    name(options.commonName),
    seq(time(options.notBefore), time(options.notAfter)),
    name(options.commonName),
    options.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign(algorithm.hash, tbs, options.privateKey);
  const der = seq(tbs, algorithmId, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
