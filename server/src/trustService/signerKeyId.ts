import { createPublicKey } from 'node:crypto';
import { computeKeyId } from '../trust/tuf/keys';

/**
 * The TUF key ID of a signer Secret's `publicKey` PEM (portieris.md §3.3 item 5: notary
 * `utils.ParsePEMPublicKey`), as the canonical (bare public key) ID of notary-v1.md §3.4: ecdsa and rsa
 * keys hash their DER SubjectPublicKeyInfo, ed25519 its 32 raw bytes. A `CERTIFICATE` block yields its
 * key's canonical ID too. Undefined when the text holds no usable key ("no valid public key found").
 */
export function signerKeyId(pem: string): string | undefined {
  try {
    const key = createPublicKey(pem);
    const type = key.asymmetricKeyType;
    if (type === 'ec') return computeKeyId('ecdsa', spkiBase64(key));
    if (type === 'rsa') return computeKeyId('rsa', spkiBase64(key));
    if (type === 'ed25519') {
      const jwk = key.export({ format: 'jwk' });
      return typeof jwk.x === 'string'
        ? computeKeyId('ed25519', Buffer.from(jwk.x, 'base64url').toString('base64'))
        : undefined;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function spkiBase64(key: ReturnType<typeof createPublicKey>): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}
