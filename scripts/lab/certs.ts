import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { run } from './exec';

export interface CertPair {
  readonly certPath: string;
  readonly keyPath: string;
}

const OPENSSL = 'openssl';

/** A self-signed P-256 lab CA, valid 10 years. Fresh on every `up` (trust-lab.md: key IDs change per run). */
export async function makeCa(dir: string, commonName = 'Image Trust lab CA'): Promise<CertPair> {
  await mkdir(dir, { recursive: true });
  const pair = { certPath: join(dir, 'ca.crt'), keyPath: join(dir, 'ca.key') };
  await run(OPENSSL, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', pair.keyPath, '-out', pair.certPath, '-days', '3650', '-subj', `/CN=${commonName}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  return pair;
}

/**
 * A leaf for 127.0.0.1 and localhost signed by the lab CA. Go ≥ 1.15 ignores the CN, so the SANs are
 * what matter. EKU serverAuth+clientAuth lets one cert serve a server and a client (trust-lab.md
 * "notary-signer").
 */
export async function makeLeaf(
  ca: CertPair,
  dir: string,
  name: string,
  options: { ipSans?: readonly string[]; dnsSans?: readonly string[] } = {},
): Promise<CertPair> {
  await mkdir(dir, { recursive: true });
  const pair = { certPath: join(dir, `${name}.crt`), keyPath: join(dir, `${name}.key`) };
  const csrPath = join(dir, `${name}.csr`);
  const extPath = join(dir, `${name}.ext`);
  const sans = [
    ...(options.ipSans ?? ['127.0.0.1']).map((ip) => `IP:${ip}`),
    ...(options.dnsSans ?? ['localhost']).map((dns) => `DNS:${dns}`),
  ];
  await writeFile(
    extPath,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      `subjectAltName=${sans.join(',')}`,
      '',
    ].join('\n'),
  );
  await run(OPENSSL, [
    'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', pair.keyPath, '-out', csrPath, '-subj', `/CN=${name}`,
  ]); // prettier-ignore
  await run(OPENSSL, [
    'x509', '-req', '-in', csrPath, '-CA', ca.certPath, '-CAkey', ca.keyPath,
    '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '3650', '-sha256',
    '-extfile', extPath, '-out', pair.certPath,
  ]); // prettier-ignore
  return pair;
}

/** A CA of its own plus a leaf, for a service started without shared lab certs. */
export async function makeServerCerts(dir: string, name: string): Promise<{ ca: CertPair; leaf: CertPair }> {
  const ca = await makeCa(dir, `${name} CA`);
  return { ca, leaf: await makeLeaf(ca, dir, name) };
}
