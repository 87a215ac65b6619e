import { isAbsolute, resolve } from 'node:path';
import { NodeFileStore } from '../trust/nodeFileStore';
import type { TrustServiceOptions } from '../trustService/trustService';
import { DEFAULT_TRUST_SETTINGS, type TrustSettings } from '../../../shared/trustSettings';
import { UsageError } from './usageError';

/** The `check` flags of the trust lookups, as node:util parseArgs declares them. */
export const TRUST_FLAG_OPTIONS = {
  'trust-server': { type: 'string', multiple: true },
  'ca-file': { type: 'string', multiple: true },
  'insecure-host': { type: 'string', multiple: true },
  'cache-dir': { type: 'string' },
  offline: { type: 'boolean' },
} as const;

export const TRUST_FLAGS_HELP = `  --trust-server [REGISTRY=]URL  Notary server for REGISTRY (host[:port]); without REGISTRY, for every
                      registry whose policy entry names none (like DOCKER_CONTENT_TRUST_SERVER). Repeatable.
  --ca-file [HOST=]FILE  PEM CA bundle for HOST; without HOST, for every --trust-server host. Repeatable.
  --insecure-host H   no TLS verification and plain HTTP for host H[:port]. Repeatable.
  --cache-dir DIR     keep trust data (first-use root pins, metadata) in DIR between runs; default: this run only
  --offline           fetch nothing: trust-required images get trust-not-checked-offline
`;

interface TrustFlagValues {
  readonly 'trust-server'?: string[];
  readonly 'ca-file'?: string[];
  readonly 'insecure-host'?: string[];
  readonly 'cache-dir'?: string;
  readonly offline?: boolean;
}

function splitAssignment(value: string): { key?: string; rest: string } {
  const eq = value.indexOf('=');
  // `https://…` contains no `=` before `://`; a key never contains `/` or `:` followed by `//`.
  if (eq <= 0 || value.slice(0, eq).includes('/')) return { rest: value };
  return { key: value.slice(0, eq).trim().toLowerCase(), rest: value.slice(eq + 1) };
}

function urlOf(flag: string, text: string): URL {
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw new UsageError('USAGE_BAD_OPTION', `${flag} needs an https URL, not ${JSON.stringify(text)}`);
}

/** Turns the flags into trust settings and service options (the Notary cache, the environment). */
export function readTrustFlags(
  values: TrustFlagValues,
  cwd: string,
  env: NodeJS.ProcessEnv,
): { settings: TrustSettings; service: TrustServiceOptions } {
  const servers: Record<string, string> = {};
  let fallback: string | undefined;
  for (const value of values['trust-server'] ?? []) {
    const { key, rest } = splitAssignment(value);
    const url = urlOf('--trust-server', rest);
    if (key === undefined) fallback = url.href.replace(/\/$/, '');
    else servers[key] = url.href.replace(/\/$/, '');
  }
  const serverHosts = [...Object.values(servers), ...(fallback ? [fallback] : [])].map(
    (u) => new URL(u).host,
  );
  const caFiles: Record<string, string> = {};
  for (const value of values['ca-file'] ?? []) {
    const { key, rest } = splitAssignment(value);
    const path = isAbsolute(rest) ? rest : resolve(cwd, rest);
    if (key !== undefined) caFiles[key] = path;
    else if (serverHosts.length === 0) {
      throw new UsageError('USAGE_BAD_OPTION', '--ca-file without HOST= needs a --trust-server to apply to');
    } else for (const host of serverHosts) caFiles[host] = path;
  }
  const cacheDir = values['cache-dir'];
  const settings: TrustSettings = {
    ...DEFAULT_TRUST_SETTINGS,
    servers,
    caFiles,
    insecureHosts: (values['insecure-host'] ?? []).map((h) => h.trim().toLowerCase()),
    network: values.offline !== true,
    // One run: every answer is fresh for its duration.
    freshnessSeconds: 86_400,
  };
  const service: TrustServiceOptions = {
    env: fallback ? { ...env, DOCKER_CONTENT_TRUST_SERVER: fallback } : env,
    ...(cacheDir === undefined ? {} : { store: new NodeFileStore(resolve(cwd, cacheDir)) }),
  };
  return { settings, service };
}
