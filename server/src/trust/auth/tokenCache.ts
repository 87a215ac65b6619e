import type { Clock } from '../io';

export interface CachedToken {
  readonly token: string;
  /** Milliseconds since the epoch after which the token is not used again. */
  readonly expiresAt: number;
}

/**
 * Bearer tokens by realm + service + scope (+ whose credentials obtained them), kept until their expiry
 * by the injected clock (notary-v1.md §1.6 step 3: `issued_at` + `expires_in`).
 */
export class TokenCache {
  private readonly entries = new Map<string, CachedToken>();

  constructor(private readonly clock: Clock) {}

  static key(parts: { realm: string; service: string; scope: string; credentialHost: string }): string {
    return JSON.stringify([parts.realm, parts.service, parts.scope, parts.credentialHost]);
  }

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.clock.now().getTime() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.token;
  }

  set(key: string, token: CachedToken): void {
    this.entries.set(key, token);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
