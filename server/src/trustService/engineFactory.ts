import type { CredentialStore } from '../trust/credentials/credential';
import { createTrustEngine, type TrustEngine } from '../trust/engine';
import type { Clock, FileStore } from '../trust/io';
import type { Environment } from '../trust/transport/proxy';
import type { TrustTransportOptions } from '../trust/transport/trustTransport';

/** Registry logins made in the editor (trustView/sessionCredentials.ts); `version` changes on every login/logout. */
export interface SessionCredentialStore extends CredentialStore {
  readonly version: number;
  /** Reads Docker's config afresh (`imageTrust/refresh`), changing `version`. */
  reload?(): void;
}

/** What shapes a trust engine: the `imageTrust.trust` transport settings and the session's logins. */
export interface EngineOptions {
  readonly env: Environment;
  readonly caFiles: Readonly<Record<string, string>>;
  readonly insecureHosts: readonly string[];
  readonly timeoutMs: number;
  /**
   * Where credentials come from in a trusted workspace: the editor's registry logins before Docker's
   * config. Undefined: Docker's config alone (the transport's default store).
   */
  readonly credentials?: CredentialStore;
  /**
   * False in an untrusted workspace: no `docker-credential-*` helper runs, Docker's trust dir is not
   * read, and the session store is not consulted (its fallback would run helpers).
   */
  readonly workspaceTrusted: boolean;
  /** The Notary trust cache; default the per-user cache folder (engine.ts `defaultTrustCacheDir`). */
  readonly store?: FileStore;
  readonly clock?: Clock;
  /** Replaces parts of the transport (tests: HTTP, credentials). */
  readonly transport?: Partial<TrustTransportOptions>;
}

/**
 * The one mapping from settings to `createTrustEngine` options, shared by the trust diagnostics
 * (networkBackend.ts) and the Signed Tags view (trustView/engineHolder.ts), so both reach the same
 * servers with the same CAs, deadlines and credentials.
 */
export function createEngine(options: EngineOptions): TrustEngine {
  const trusted = options.workspaceTrusted;
  return createTrustEngine({
    transport: {
      env: options.env,
      caFiles: options.caFiles,
      insecureHosts: options.insecureHosts,
      timeoutMs: options.timeoutMs,
      credentialHelpers: trusted ? 'enabled' : 'disabled',
      ...(trusted && options.credentials ? { credentials: options.credentials } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...options.transport,
    },
    ...(options.store ? { store: options.store } : {}),
    ...(trusted ? {} : { dockerTrustDir: false }),
  });
}

/**
 * The part of the settings and session that, when it changes, calls for a new engine: answers and
 * registry tokens obtained with other servers, CAs or credentials must not be reused.
 */
export function engineKey(
  settings: Pick<EngineOptions, 'caFiles' | 'insecureHosts' | 'timeoutMs' | 'workspaceTrusted'>,
  credentials: SessionCredentialStore | undefined,
): string {
  const { caFiles, insecureHosts, timeoutMs, workspaceTrusted } = settings;
  return JSON.stringify([caFiles, insecureHosts, timeoutMs, workspaceTrusted, credentials?.version ?? 0]);
}
