import type { FileStore } from '../trust/io';
import type { Environment } from '../trust/transport/proxy';
import type { TrustSettings } from '../../../shared/trustSettings';
import type { SessionCredentialStore } from './engineFactory';
import type { NetworkBackendOptions } from './networkBackend';
import type { TrustBackend } from './repositoryAnswer';

/** What one run of the trust checks is configured with (settings, or CLI flags). */
export interface TrustRunOptions {
  readonly defaultNamespace: string;
  readonly trust: TrustSettings;
  /** False: nothing is fetched and no credential helper runs (VS Code's untrusted workspaces). */
  readonly workspaceTrusted: boolean;
}

/** Reports a batch of lookups, e.g. as LSP work-done progress. */
export interface TrustProgress {
  report(message: string): void;
  done(): void;
}

export interface TrustServiceOptions {
  /** Where DOCKER_CONTENT_TRUST_SERVER, DOCKER_CONFIG and proxies come from. Default: process.env. */
  readonly env?: Environment;
  /** The Notary trust cache (pins, last metadata). Default: in memory, renewed by `refresh()`. */
  readonly store?: FileStore;
  /** Milliseconds clock for the freshness window. */
  readonly now?: () => number;
  /** Lookups running at once per server (trust server or registry, `host[:port]`), across all files. Default 4. */
  readonly concurrency?: number;
  /** Replaces the network backend (or parts of its transport). */
  readonly createBackend?: (options: NetworkBackendOptions) => TrustBackend;
  readonly transport?: NetworkBackendOptions['transport'];
  /**
   * The registry logins made in the editor (the Signed Tags view's "Log in to registry"), consulted
   * before Docker's config; a login or logout drops the answers got with the old credentials.
   */
  readonly credentials?: SessionCredentialStore;
}
