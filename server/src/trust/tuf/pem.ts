import { X509Certificate } from 'node:crypto';
import { TrustError } from '../errors';
import { decodeStrictBase64 } from './base64';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]*?)-----END \1-----\r?\n?/y;

/**
 * Parses the PEM bundle of an `*-x509` key (notary-v1.md §3.2): one or more CERTIFICATE blocks, leaf
 * first, nothing else between or around them.
 */
export function parsePemCertificates(bytes: Uint8Array, field: string): X509Certificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  const certificates: X509Certificate[] = [];
  BLOCK.lastIndex = 0;
  while (BLOCK.lastIndex < text.length) {
    const start = BLOCK.lastIndex;
    const match = BLOCK.exec(text);
    if (match === null || match.index !== start)
      throw badCertificate(field, 'is not a PEM certificate bundle');
    if (match[1] !== 'CERTIFICATE') throw badCertificate(field, `holds a ${match[1] ?? ''} block`);
    const der = decodeStrictBase64((match[2] ?? '').replace(/\r?\n/g, ''), field);
    try {
      certificates.push(new X509Certificate(der));
    } catch (cause) {
      throw badCertificate(field, 'holds an unparsable certificate', cause);
    }
  }
  if (certificates.length === 0) throw badCertificate(field, 'holds no certificate');
  return certificates;
}

export function badCertificate(field: string, problem: string, cause?: unknown): TrustError {
  return new TrustError('BAD_CERTIFICATE', `${field} ${problem}`, { cause, details: { field } });
}
