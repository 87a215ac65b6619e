import type { CredentialStore } from '../trust/credentials/credential';
import type { TrustEngine } from '../trust/engine';
import type { Environment } from '../trust/transport/proxy';
import { createEngine, engineKey, type SessionCredentialStore } from '../trustService/engineFactory';
import type { TrustSettings } from '../../../shared/trustSettings';

export type CreateEngine = (options: EngineSettings) => TrustEngine;

export interface EngineSettings {
  readonly env: Environment;
  readonly credentials: CredentialStore;
  readonly caFiles: Readonly<Record<string, string>>;
  readonly insecureHosts: readonly string[];
  readonly timeoutMs: number;
}

/** Requests are refused before any lookup in an untrusted workspace, so the view's engine is a trusted one. */
export const createDefaultEngine: CreateEngine = (options) =>
  createEngine({ ...options, workspaceTrusted: true });

/**
 * One trust engine for the view, rebuilt when the settings that shape its transport change or the user
 * logs in or out (tokens cached with the old credentials must not be reused). The old one is closed.
 */
export class EngineHolder {
  private engine: TrustEngine | undefined;
  private key = '';

  constructor(
    private readonly env: Environment,
    private readonly credentials: SessionCredentialStore,
    private readonly create: CreateEngine = createDefaultEngine,
  ) {}

  engineFor(trust: TrustSettings): TrustEngine {
    const { caFiles, insecureHosts, timeoutSeconds } = trust;
    const timeoutMs = timeoutSeconds * 1000;
    const key = engineKey({ caFiles, insecureHosts, timeoutMs, workspaceTrusted: true }, this.credentials);
    if (this.engine === undefined || key !== this.key) {
      this.drop();
      this.key = key;
      this.engine = this.create({
        env: this.env,
        credentials: this.credentials,
        caFiles,
        insecureHosts,
        timeoutMs,
      });
    }
    return this.engine;
  }

  drop(): void {
    const old = this.engine;
    this.engine = undefined;
    void old?.close().catch(() => undefined);
  }
}
