import { describeError } from '../errors';
import { TrustError } from '../trust/errors';
import type { CredentialStore } from '../trust/credentials/credential';
import type { Clock, FileStore } from '../trust/io';
import { systemClock } from '../trust/io';
import { RegistryError } from '../trust/registry/registryError';
import type { Environment } from '../trust/transport/proxy';
import type { TrustTransportOptions } from '../trust/transport/trustTransport';
import { isAbort } from './abort';
import { createEngine } from './engineFactory';
import type { RoleSignature } from '../verdict';
import type { RepositoryAnswer, TrustBackend } from './repositoryAnswer';

export interface NetworkBackendOptions {
  readonly env: Environment;
  readonly store: FileStore;
  readonly caFiles: Readonly<Record<string, string>>;
  readonly insecureHosts: readonly string[];
  readonly timeoutMs: number;
  /**
   * False in an untrusted workspace: `docker-credential-*` helpers never run and Docker's trust dir is
   * not read.
   */
  readonly credentialHelpers: boolean;
  /** The editor's registry logins before Docker's config (engineFactory.ts); default Docker's config. */
  readonly credentials?: CredentialStore;
  readonly clock?: Clock;
  /** Replaces parts of the transport (tests: credentials, HTTP). */
  readonly transport?: Partial<TrustTransportOptions>;
}

/**
 * The real trust I/O through server/src/trust's engine (one transport with deadlines, size caps,
 * per-host CAs and Docker credentials; one verifying Notary client per trust server; registry digests),
 * with every outcome turned into plain facts.
 */
export function createNetworkBackend(options: NetworkBackendOptions): TrustBackend {
  const clock = options.clock ?? systemClock;
  const engine = createEngine({
    env: options.env,
    caFiles: options.caFiles,
    insecureHosts: options.insecureHosts,
    timeoutMs: options.timeoutMs,
    workspaceTrusted: options.credentialHelpers,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    store: options.store,
    clock,
    ...(options.transport ? { transport: options.transport } : {}),
  });
  const now = (): string => clock.now().toISOString();

  return {
    async repository(gun, server, signal): Promise<RepositoryAnswer> {
      const checkedAt = now();
      try {
        const result = await engine.repository(gun, { trustServer: server, signal });
        if (result.kind !== 'verified') {
          const { error } = result;
          if (error.code === 'NO_TRUST_DATA') return { kind: 'no-trust-data', gun, server, checkedAt };
          const kind = result.kind === 'verification' ? 'verification' : 'unavailable';
          return { kind, gun, server, checkedAt, code: error.code, reason: error.message };
        }
        const repo = result.repository;
        const signatures = new Map<string, readonly RoleSignature[]>();
        const roleKeys: Record<string, readonly string[]> = {};
        for (const signer of repo.inspect().Signers) {
          roleKeys[`targets/${signer.Name}`] = (signer.Keys ?? []).map((key) => key.ID);
        }
        return {
          kind: 'verified',
          gun,
          server,
          checkedAt,
          signaturesOf: (tag) => {
            // Asked once per image per validation (200 images, 2 tags): walked once per tag.
            let known = signatures.get(tag);
            if (known === undefined) {
              known = repo.signaturesOf(tag).map(({ role, digest, length }) => ({ role, digest, length }));
              signatures.set(tag, known);
            }
            return known;
          },
          roleKeys,
          releasedDigests: [...new Set(repo.signedTags().map((row) => row.digest))],
        };
      } catch (error: unknown) {
        if (isAbort(error) || signal.aborted) throw error;
        return {
          kind: 'unavailable',
          gun,
          server,
          checkedAt,
          code: 'INTERNAL',
          reason: describeError(error),
        };
      }
    },
    async registryDigest(registryHost, path, tag, signal) {
      try {
        const answer = await engine.registryDigest({ registryHost, path, reference: tag }, signal);
        return { kind: 'digest', digest: answer.digest, checkedAt: now() };
      } catch (error: unknown) {
        if (isAbort(error) || signal.aborted) throw error;
        const code = error instanceof TrustError || error instanceof RegistryError ? error.code : 'INTERNAL';
        return { kind: 'failed', code, reason: describeError(error) };
      }
    },
    close: () => engine.close(),
  };
}
