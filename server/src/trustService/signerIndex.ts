import { findSecrets } from '../kube';
import type { SignerInput } from '../verdict';
import type { YamlFile } from '../yaml/yamlFile';
import { signerKeyId } from './signerKeyId';

interface SignerSecret {
  readonly name: string;
  readonly namespace?: string;
  readonly signerName?: string;
  readonly keyId?: string;
  readonly hasPublicKey: boolean;
}

/**
 * Signer Secrets (`name` + `publicKey`, portieris.md §3.3 item 5) of every workspace file, with the key
 * ID computed once per change. The language service feeds it alongside the policy index.
 */
export class SignerIndex {
  private readonly files = new Map<string, { secrets: readonly SignerSecret[]; fingerprint: string }>();
  private changes = 0;

  /** Grows whenever `signerFor` may answer differently. */
  get version(): number {
    return this.changes;
  }

  /** True when the file's signer Secrets changed. */
  update(file: YamlFile): boolean {
    const secrets = file.documents.flatMap((doc) =>
      findSecrets(doc).flatMap((secret): SignerSecret[] => {
        if (secret.name === undefined) return [];
        const { name: signerName, publicKey } = secret.signer;
        const keyId = publicKey ? signerKeyId(publicKey) : undefined;
        return [
          {
            name: secret.name,
            ...(secret.namespace === undefined ? {} : { namespace: secret.namespace }),
            ...(signerName ? { signerName } : {}),
            ...(keyId === undefined ? {} : { keyId }),
            hasPublicKey: Boolean(publicKey),
          },
        ];
      }),
    );
    const fingerprint = JSON.stringify(secrets);
    const previous = this.files.get(file.uri);
    if (secrets.length === 0) return this.remove(file.uri);
    if (previous?.fingerprint === fingerprint) return false;
    this.files.set(file.uri, { secrets, fingerprint });
    this.changes++;
    return true;
  }

  remove(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changes++;
    return true;
  }

  /**
   * What the verdict knows of Secret `secret` in `namespace`: from the workspace, or assumed (signer
   * name = Secret name, no key) when no file defines it.
   */
  signerFor(secret: string, namespace: string, defaultNamespace: string): SignerInput {
    for (const entry of this.files.values()) {
      for (const candidate of entry.secrets) {
        if (candidate.name !== secret || (candidate.namespace ?? defaultNamespace) !== namespace) continue;
        if (!candidate.signerName || !candidate.hasPublicKey)
          return { secret, source: 'workspace-incomplete' };
        return candidate.keyId === undefined
          ? { secret, source: 'workspace', signerName: candidate.signerName }
          : { secret, source: 'workspace', signerName: candidate.signerName, keyId: candidate.keyId };
      }
    }
    return { secret, source: 'assumed' };
  }
}
