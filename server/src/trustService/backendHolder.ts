import type { FileStore } from '../trust/io';
import type { Environment } from '../trust/transport/proxy';
import { engineKey } from './engineFactory';
import { MemoryFileStore } from './fileStores';
import { createNetworkBackend } from './networkBackend';
import type { TrustBackend } from './repositoryAnswer';
import type { TrustRunOptions, TrustServiceOptions } from './trustOptions';

/**
 * The network backend of the trust lookups and the Notary store under it: built on first use from a run's
 * settings, dropped when the settings it was built from change (other servers, CAs, timeouts or
 * credentials: answers got the old way no longer count, the trust service then clears them too).
 */
export class TrustBackendHolder {
  private backend: TrustBackend | undefined;
  private key = '';
  private store: FileStore;
  private readonly ownsStore: boolean;

  constructor(
    private readonly options: TrustServiceOptions,
    private readonly env: Environment,
  ) {
    this.ownsStore = options.store === undefined;
    this.store = options.store ?? new MemoryFileStore();
  }

  /** Adopts a run's settings; true when they differ from the last run's (the backend was dropped). */
  configure(run: TrustRunOptions): boolean {
    const { servers, caFiles, insecureHosts, timeoutSeconds } = run.trust;
    const settings = {
      caFiles,
      insecureHosts,
      timeoutMs: timeoutSeconds * 1000,
      workspaceTrusted: run.workspaceTrusted,
    };
    const key = JSON.stringify([servers, engineKey(settings, this.options.credentials)]);
    if (key === this.key) return false;
    this.key = key;
    this.drop();
    return true;
  }

  /** The backend for the settings last configured, built now if there is none. */
  get(run: TrustRunOptions): TrustBackend {
    if (!this.backend) {
      const create = this.options.createBackend ?? createNetworkBackend;
      this.backend = create({
        env: this.env,
        store: this.store,
        caFiles: run.trust.caFiles,
        insecureHosts: run.trust.insecureHosts,
        timeoutMs: run.trust.timeoutSeconds * 1000,
        credentialHelpers: run.workspaceTrusted,
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        ...(this.options.transport ? { transport: this.options.transport } : {}),
      });
    }
    return this.backend;
  }

  /** False once `backend` was dropped (new settings, a refresh): lookups made with it are void. */
  isCurrent(backend: TrustBackend): boolean {
    return this.backend === backend;
  }

  /**
   * A refresh: with its own in-memory store, the holder starts a new one (what was pinned on first use
   * this session goes too) and a backend over it. A store it was given (the CLI's, on disk) stays.
   */
  renewStore(): void {
    if (!this.ownsStore) return;
    this.store = new MemoryFileStore();
    this.drop();
  }

  /** Closes the connections; a later `get` builds a new backend. */
  async close(): Promise<void> {
    const backend = this.backend;
    this.backend = undefined;
    await backend?.close();
  }

  private drop(): void {
    const old = this.backend;
    this.backend = undefined;
    void old?.close().catch(() => undefined);
  }
}
