import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigDir } from './credentials/dockerCredentialStore';
import { TrustError, type TrustFailureKind } from './errors';
import type { Clock, FileStore } from './io';
import { NodeFileStore } from './nodeFileStore';
import {
  createNotaryClient,
  type NotaryClient,
  type NotaryClientConfig,
  type TrustedRepository,
} from './notary';
import { registryHostOfGun } from './registry/notaryFetcher';
import type { ManifestDigest, RegistryClient } from './registry/registryClient';
import type { Environment } from './transport/proxy';
import {
  createTrustTransport,
  type TrustTransport,
  type TrustTransportOptions,
} from './transport/trustTransport';

export interface TrustEngineOptions {
  /** Options of the one TrustTransport the engine creates (env, CA files, insecure hosts, credentials…). */
  readonly transport?: TrustTransportOptions;
  /** Use this transport instead of creating one; the engine then does not close it. */
  readonly sharedTransport?: TrustTransport;
  /** The trust cache folder (pins, last verified metadata). Default `defaultTrustCacheDir()`. */
  readonly cacheDir?: string;
  /** Replaces the on-disk cache entirely (e.g. a memory store for an untrusted workspace). */
  readonly store?: FileStore;
  /**
   * Docker's trust dir, read-only, whose `tuf/<gun>/metadata/root.json` pins are honoured as the
   * starting root (notary-v1.md §4.1). Default `$DOCKER_CONFIG/trust` or `~/.docker/trust`; false = none.
   */
  readonly dockerTrustDir?: string | false;
  readonly notaryConfig?: Partial<NotaryClientConfig>;
  /** Expiry checks; default the transport options' clock, else the system clock. */
  readonly clock?: Clock;
}

/** The outcome of one repository lookup; the three failure kinds of errors.ts are never merged. */
export type RepositoryResult =
  | { readonly kind: 'verified'; readonly server: URL; readonly repository: TrustedRepository }
  | {
      readonly kind: TrustFailureKind;
      /** Undefined when no server could be chosen (a bad DOCKER_CONTENT_TRUST_SERVER: CONFIGURATION). */
      readonly server: URL | undefined;
      readonly error: TrustError;
    };

export interface RepositoryRequest {
  /** The Notary server; default Docker's choice for the GUN's registry host (`trustServer(host)`). */
  readonly trustServer?: URL | string;
  readonly signal?: AbortSignal;
}

/** What the registry is asked about: an image reference's registry, path and tag (or digest). */
export interface RegistryTarget {
  /** `host[:port]` as written in the image name (ImageReference.registryHost). */
  readonly registryHost: string;
  /** Repository path below the registry (ImageReference.path). */
  readonly path: string;
  /** A tag or `sha256:…` digest. */
  readonly reference: string;
}

export interface TrustEngine {
  readonly transport: TrustTransport;
  /** Docker's Notary server for a registry host (`DOCKER_CONTENT_TRUST_SERVER` honoured). */
  trustServer(registryHost: string): URL;
  /**
   * Updates and verifies the trust data of `gun` (ImageReference.name). Rejects only on abort or a
   * defect; trust failures come back as a result with their kind.
   */
  repository(gun: string, request?: RepositoryRequest): Promise<RepositoryResult>;
  /** The manifest digest the registry serves for the target now (RegistryError / TrustError on failure). */
  registryDigest(target: RegistryTarget, signal?: AbortSignal): Promise<ManifestDigest>;
  /** Closes the transport's connections (unless it was shared). */
  close(): Promise<void>;
}

/**
 * The trust engine's wiring: one TrustTransport, one verifying Notary client per trust server (each with
 * its own folder in the cache, so pins of one server never meet another's) and one registry client per
 * registry host. Shared by the CLI (`image-trust inspect`) and the editor's trust diagnostics.
 */
export function createTrustEngine(options: TrustEngineOptions = {}): TrustEngine {
  const env: Environment = options.transport?.env ?? process.env;
  const home = options.transport?.homeDir ?? homedir();
  const transport = options.sharedTransport ?? createTrustTransport(options.transport);
  const store = options.store ?? new NodeFileStore(options.cacheDir ?? defaultTrustCacheDir(env, home));
  const dockerTrustDir =
    options.dockerTrustDir === undefined ? join(dockerConfigDir(env, home), 'trust') : options.dockerTrustDir;
  const dockerTrust =
    dockerTrustDir === false ? undefined : new NodeFileStore(dockerTrustDir, { readOnly: true });

  const notaryClients = new Map<string, NotaryClient>();
  const clock = options.clock ?? options.transport?.clock;
  const notaryClient = (server: URL): NotaryClient => {
    const key = server.origin + server.pathname;
    let client = notaryClients.get(key);
    if (client === undefined) {
      client = createNotaryClient({
        fetcher: transport.notaryFetcher(server),
        store: subStore(store, serverFolder(key)),
        ...(dockerTrust ? { dockerTrust } : {}),
        ...(clock ? { clock } : {}),
        ...(options.notaryConfig ? { config: options.notaryConfig } : {}),
      });
      notaryClients.set(key, client);
    }
    return client;
  };
  const registryClients = new Map<string, RegistryClient>();
  const registryClient = (host: string): RegistryClient => {
    let client = registryClients.get(host);
    if (client === undefined) {
      client = transport.registryClient(host);
      registryClients.set(host, client);
    }
    return client;
  };

  return {
    transport,
    trustServer: (registryHost) => transport.trustServerUrl(registryHost),
    async repository(gun, request = {}) {
      let server: URL;
      try {
        server = toUrl(request.trustServer ?? transport.trustServerUrl(registryHostOfGun(gun)));
      } catch (error: unknown) {
        if (error instanceof TrustError) return { kind: error.kind, server: undefined, error };
        throw error;
      }
      try {
        const signal = request.signal ? { signal: request.signal } : {};
        return {
          kind: 'verified',
          server,
          repository: await notaryClient(server).getRepository(gun, signal),
        };
      } catch (error: unknown) {
        if (error instanceof TrustError && request.signal?.aborted !== true)
          return { kind: error.kind, server, error };
        throw error;
      }
    },
    registryDigest: (target, signal) =>
      registryClient(target.registryHost).resolveDigest(target.path, target.reference, signal),
    close: () => (options.sharedTransport ? Promise.resolve() : transport.close()),
  };
}

function toUrl(value: URL | string): URL {
  if (value instanceof URL) return value;
  try {
    return new URL(value);
  } catch (cause) {
    throw new TrustError('CONFIGURATION', `trust server ${JSON.stringify(value)} is not a URL`, { cause });
  }
}

/** One path segment per trust server (`https://host:port/path`), hashed when too long for a file name. */
function serverFolder(server: string): string {
  const encoded = encodeURIComponent(server);
  return encoded.length <= 200
    ? `server-${encoded}`
    : `server-sha256-${createHash('sha256').update(server).digest('hex')}`;
}

/** A view of `store` below one folder segment (already encoded, never `/`, `.` or `..`). */
function subStore(store: FileStore, segment: string): FileStore {
  return {
    read: (path) => store.read(`${segment}/${path}`),
    write: (path, data) => store.write(`${segment}/${path}`, data),
  };
}

/**
 * The per-user cache folder for trust data: `$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches`
 * on macOS, `%LOCALAPPDATA%` on Windows; then `image-trust/trust`.
 */
export function defaultTrustCacheDir(
  env: Environment = process.env,
  home: string = homedir(),
  platform: NodeJS.Platform = process.platform,
): string {
  const base =
    platform === 'win32'
      ? env.LOCALAPPDATA?.trim() || join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches')
        : env.XDG_CACHE_HOME?.trim() || join(home, '.cache');
  return join(base, 'image-trust', 'trust');
}
