import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa, makeLeaf } from '../../../../scripts/lab/certs';

export interface TlsFixtures {
  readonly dir: string;
  readonly caPath: string;
  readonly caPem: string;
  /** Leaf for 127.0.0.1 and localhost, signed by the CA. */
  readonly cert: string;
  readonly key: string;
  readonly certPath: string;
  readonly keyPath: string;
  remove(): Promise<void>;
}

/** A fresh CA and a loopback server certificate in a temporary folder (openssl, via the lab helpers). */
export async function makeTlsFixtures(): Promise<TlsFixtures> {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-tls-'));
  const ca = await makeCa(join(dir, 'ca'), 'Image Trust test CA');
  const leaf = await makeLeaf(ca, join(dir, 'leaf'), 'server', {
    ipSans: ['127.0.0.1'],
    dnsSans: ['localhost'],
  });
  return {
    dir,
    caPath: ca.certPath,
    caPem: await readFile(ca.certPath, 'utf8'),
    cert: await readFile(leaf.certPath, 'utf8'),
    key: await readFile(leaf.keyPath, 'utf8'),
    certPath: leaf.certPath,
    keyPath: leaf.keyPath,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
