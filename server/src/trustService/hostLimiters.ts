import { Limiter } from './limiter';

/**
 * One Limiter per server (`host[:port]`): each trust server and each registry gets its own bound on
 * lookups at once, so a Notary server's multi-step resolutions (root → timestamp → snapshot → targets →
 * delegations, notary-v1.md §4.2) and the registry's one-request digest lookups never queue behind each
 * other, and a slow host holds back only its own lookups.
 */
export class HostLimiters {
  private readonly byHost = new Map<string, Limiter>();

  constructor(private readonly perHost: number) {}

  for(host: string): Limiter {
    const key = host.toLowerCase();
    let limiter = this.byHost.get(key);
    if (!limiter) {
      limiter = new Limiter(this.perHost);
      this.byHost.set(key, limiter);
    }
    return limiter;
  }
}

/** The `host[:port]` of a trust server URL (the URL itself when it does not parse: its own bucket). */
export function serverHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
