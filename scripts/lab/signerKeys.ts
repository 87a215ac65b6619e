import { createHash, createPublicKey } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec';

/** A Docker-style signer key (`docker trust key generate NAME`), as files the notary CLI can import. */
export interface SignerKey {
  readonly name: string;
  /** Unencrypted PKCS#8 P-256 key (the notary CLI cannot import its own encrypted files — trust-lab.md). */
  readonly keyPath: string;
  /** `PUBLIC KEY` PEM, so the delegation key type is `ecdsa`, as with docker. */
  readonly publicKeyPath: string;
  /** TUF key ID: sha256 of the canonical key JSON (notary-v1.md §3.4). */
  readonly keyId: string;
}

export async function makeSignerKey(dir: string, name: string): Promise<SignerKey> {
  await mkdir(dir, { recursive: true });
  const keyPath = join(dir, `${name}.key`);
  const publicKeyPath = join(dir, `${name}.pub`);
  await run('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    keyPath,
  ]);
  await run('openssl', ['pkey', '-in', keyPath, '-pubout', '-out', publicKeyPath]);
  return { name, keyPath, publicKeyPath, keyId: ecdsaKeyId(await readFile(publicKeyPath, 'utf8')) };
}

/** `{"keytype":"ecdsa","keyval":{"private":null,"public":"<b64 DER SPKI>"}}` hashed, keys already in canonical order. */
export function ecdsaKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const canonical = `{"keytype":"ecdsa","keyval":{"private":null,"public":"${der.toString('base64')}"}}`;
  return createHash('sha256').update(canonical).digest('hex');
}
