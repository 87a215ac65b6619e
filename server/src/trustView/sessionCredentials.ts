import type { Credential, CredentialStore } from '../trust/credentials/credential';
import type { RegistryLoginParams } from '../../../shared/trustView';

/**
 * Credentials the user entered in the editor ("Log in to registry"), kept in memory for this session
 * and consulted before Docker's config. Each is returned for its own host only: the transport's
 * credential routing decides which other hosts (token realms) may receive it.
 */
export class SessionCredentials implements CredentialStore {
  private readonly byHost = new Map<string, Credential>();
  /** Bumped on every change, so cached lookups made with other credentials can be dropped. */
  private generation = 0;

  /** `renewFallback`: builds Docker's store afresh, for `reload` (its answers are kept for its lifetime). */
  constructor(
    private fallback: CredentialStore,
    private readonly renewFallback?: () => CredentialStore,
  ) {}

  get version(): number {
    return this.generation;
  }

  login(params: RegistryLoginParams): void {
    const credential: Credential =
      params.secretKind === 'identityToken'
        ? { kind: 'identityToken', username: params.username, identityToken: params.secret }
        : { kind: 'basic', username: params.username, password: params.secret };
    this.byHost.set(normalHost(params.host), credential);
    this.generation++;
  }

  logout(host: string): boolean {
    const removed = this.byHost.delete(normalHost(host));
    if (removed) this.generation++;
    return removed;
  }

  /** `imageTrust/refresh`: Docker's config and helpers are asked again from now on; logins stay. */
  reload(): void {
    if (!this.renewFallback) return;
    this.fallback = this.renewFallback();
    this.generation++;
  }

  get(registryHost: string): Promise<Credential | undefined> {
    const own = this.byHost.get(normalHost(registryHost));
    return own ? Promise.resolve(own) : this.fallback.get(registryHost);
  }
}

function normalHost(host: string): string {
  return host.trim().toLowerCase();
}
