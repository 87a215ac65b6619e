import { BlockList, isIP } from 'node:net';
import { TrustError } from '../errors';
import { isLoopbackHostname } from './hostPolicy';

/** Proxy settings taken from the environment once, by the factory; deep code never reads `process.env`. */
export interface ProxySettings {
  readonly httpsProxy?: string;
  readonly httpProxy?: string;
  readonly noProxy?: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

function firstSet(env: Environment, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Reads `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` (upper case first, then lower case, as Go does). */
export function proxySettingsFromEnvironment(env: Environment): ProxySettings {
  const httpsProxy = firstSet(env, ['HTTPS_PROXY', 'https_proxy']);
  const httpProxy = firstSet(env, ['HTTP_PROXY', 'http_proxy']);
  const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy']);
  return {
    ...(httpsProxy === undefined ? {} : { httpsProxy }),
    ...(httpProxy === undefined ? {} : { httpProxy }),
    ...(noProxy === undefined ? {} : { noProxy }),
  };
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function matchesEntry(entry: string, url: URL): boolean {
  const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (entry.includes('/')) {
    const [network = '', prefix = ''] = entry.split('/');
    const family = isIP(network);
    const target = isIP(hostname);
    if (family === 0 || target !== family) return false;
    const list = new BlockList();
    try {
      list.addSubnet(network, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    } catch {
      return false;
    }
    return list.check(hostname, family === 4 ? 'ipv4' : 'ipv6');
  }
  let host = entry;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
  } else if (isIP(entry) !== 6) {
    const colon = entry.lastIndexOf(':');
    if (colon !== -1) {
      host = entry.slice(0, colon);
      port = entry.slice(colon + 1);
    }
  }
  if (port !== undefined && port !== defaultPort(url)) return false;
  if (isIP(host) !== 0) return host === hostname;
  // Go's httpproxy: "example.com" matches itself and subdomains, ".example.com" subdomains only.
  if (host.startsWith('.')) return hostname.endsWith(host);
  return hostname === host || hostname.endsWith(`.${host}`);
}

/**
 * The proxy to use for `url`, or undefined for a direct connection. Follows Go's
 * `http.ProxyFromEnvironment` (which Docker uses): loopback is never proxied, `NO_PROXY=*` disables
 * proxying, entries may be hosts, domains, `host:port`, IPs or CIDRs.
 */
export function proxyFor(url: URL, settings: ProxySettings): URL | undefined {
  if (isLoopbackHostname(url.hostname)) return undefined;
  const entries = (settings.noProxy ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (entries.includes('*')) return undefined;
  if (entries.some((entry) => matchesEntry(entry, url))) return undefined;
  const raw = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (raw === undefined) return undefined;
  try {
    // Go accepts a bare "host:port" and assumes http://.
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch (cause) {
    // The proxy URL may hold credentials: never echo it.
    throw new TrustError('CONFIGURATION', 'the proxy URL from the environment is not a valid URL', { cause });
  }
}
