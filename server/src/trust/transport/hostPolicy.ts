import { isIP } from 'node:net';

/**
 * Which hosts get special TLS treatment. Keys are `host[:port]` as in a URL's `host` (lower case); a key
 * without a port matches that host on any port, like Docker's `insecure-registries` host entries.
 */
export interface HostPolicy {
  /** Hosts whose TLS certificate is not verified and which may be spoken to over plain HTTP. */
  readonly insecureHosts: readonly string[];
  /** Extra CA bundle (PEM file path) per host, added to the system roots (Docker's `certs.d/<host>/ca.crt`). */
  readonly caFiles: Readonly<Record<string, string>>;
}

export const EMPTY_HOST_POLICY: HostPolicy = { insecureHosts: [], caFiles: {} };

/** `host[:port]` of a URL, lower case; the port is omitted when it is the scheme's default. */
export function hostKey(url: URL): string {
  return url.host.toLowerCase();
}

function hostnameOf(key: string): string {
  if (key.startsWith('[')) return key.slice(0, key.indexOf(']') + 1);
  const colon = key.lastIndexOf(':');
  return colon === -1 ? key : key.slice(0, colon);
}

function lookup<T>(entries: Iterable<[string, T]>, url: URL): T | undefined {
  const exact = hostKey(url);
  const bare = hostnameOf(exact);
  let fallback: T | undefined;
  for (const [key, value] of entries) {
    const normalised = key.toLowerCase();
    if (normalised === exact) return value;
    if (normalised === bare) fallback = value;
  }
  return fallback;
}

export function isInsecureHost(policy: HostPolicy, url: URL): boolean {
  return (
    lookup(
      policy.insecureHosts.map((host): [string, true] => [host, true]),
      url,
    ) === true
  );
}

export function caFileFor(policy: HostPolicy, url: URL): string | undefined {
  return lookup(Object.entries(policy.caFiles), url);
}

/**
 * Loopback as Go's httpproxy and Docker's `isInsecure` see it: `localhost`, 127.0.0.0/8 and ::1
 * (notary-v1.md §1.5).
 */
export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}
