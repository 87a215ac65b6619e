import { readFile as fsReadFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { InternalError } from '../../errors';
import { systemClock, type Clock, type HttpClient, type MetadataFetcher } from '../io';
import { createAuthenticator, type Authenticator } from '../auth/authenticator';
import type { CredentialStore } from '../credentials/credential';
import { createDockerCredentialStore, dockerConfigDir } from '../credentials/dockerCredentialStore';
import { createProcessRunner, type ProcessRunner } from '../credentials/processRunner';
import { registryBaseUrl, trustServerUrl } from '../registry/endpoints';
import { createNotaryFetcher } from '../registry/notaryFetcher';
import { createRegistryClient, type RegistryClient, type RegistryLimits } from '../registry/registryClient';
import type { HostPolicy } from './hostPolicy';
import { lazyUndiciHttpClient, type HttpClientOptions } from './httpClientOptions';
import { createNodeHttpClient } from './nodeHttpClient';
import { proxySettingsFromEnvironment, type Environment } from './proxy';
import type { ReadFile } from './tlsContext';

export interface TrustTransportOptions {
  /** Environment for proxies, DOCKER_CONFIG, DOCKER_CONTENT_TRUST_SERVER and helper PATH. Default: process.env. */
  readonly env?: Environment;
  /** Default: the user's home folder (for `~/.docker`). */
  readonly homeDir?: string;
  readonly readFile?: ReadFile;
  readonly runProcess?: ProcessRunner;
  readonly clock?: Clock;
  readonly userAgent?: string;
  /** `host[:port]` entries: no TLS verification and plain HTTP allowed, for these hosts only. */
  readonly insecureHosts?: readonly string[];
  /** `host[:port]` → CA bundle path, added to the system roots for that host. */
  readonly caFiles?: Readonly<Record<string, string>>;
  /** 'disabled' never runs `docker-credential-*` (untrusted workspaces). Default 'enabled'. */
  readonly credentialHelpers?: 'enabled' | 'disabled';
  /** Replaces the Docker config lookup entirely (e.g. Kubernetes pull secrets). */
  readonly credentials?: CredentialStore;
  /** Registry host → other hosts that may receive its credentials (see auth/credentialRouting.ts). */
  readonly credentialDelegation?: Readonly<Record<string, readonly string[]>>;
  /** Plain HTTP to loopback registries (the lab's 127.0.0.1:5000). Default false. */
  readonly allowHttpLoopback?: boolean;
  readonly timeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly helperTimeoutMs?: number;
  readonly registryLimits?: Partial<RegistryLimits>;
  /**
   * The HTTP stack of the default client: 'undici' (default; loaded on first request), or 'node' (node's
   * own http/https, same contract) where loading undici costs more than it saves: the CLI, which is
   * short-lived, and the language server, where undici's first load blocked the event loop for ~30 ms just
   * as the lookups started (a keystroke then waited for it). undici still carries proxied requests.
   */
  readonly httpStack?: 'undici' | 'node';
  /** Replaces the default client (tests, tampering doubles). */
  readonly http?: HttpClient;
  /**
   * Awaited before each request is sent and after its response arrives, before it is handed on (and
   * verified): a host with more urgent work on the same thread (the editor validating a keystroke) holds
   * the lookups back meanwhile.
   */
  readonly responseGate?: (signal?: AbortSignal) => Promise<void>;
}

export interface TrustTransport {
  readonly http: HttpClient;
  readonly auth: Authenticator;
  readonly credentials: CredentialStore;
  /** Docker's choice of Notary server for a registry host (DOCKER_CONTENT_TRUST_SERVER honoured). */
  trustServerUrl(registryHost: string): URL;
  /** A MetadataFetcher for the given Notary server (default: `trustServerUrl(registryHost)`). */
  notaryFetcher(baseUrl: URL | string): MetadataFetcher;
  registryClient(registryHost: string): RegistryClient;
  /** Closes the connections of the default HTTP client. */
  close(): Promise<void>;
}

const VERSION = '0.1.0';

/**
 * The one place where the trust engine's I/O gets its production defaults: an HTTP client (undici unless
 * `httpStack` says 'node') with a 30 s deadline,
 * the Docker config from `$DOCKER_CONFIG` or `~/.docker`, credential helpers spawned with a 10 s deadline,
 * the system clock. Every default can be replaced.
 */
export function createTrustTransport(options: TrustTransportOptions = {}): TrustTransport {
  const env = options.env ?? process.env;
  const readFile = options.readFile ?? ((path: string) => fsReadFile(path));
  const clock = options.clock ?? systemClock;
  const hostPolicy: HostPolicy = {
    insecureHosts: options.insecureHosts ?? [],
    caFiles: options.caFiles ?? {},
  };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const clientOptions: HttpClientOptions = {
    hostPolicy,
    proxy: proxySettingsFromEnvironment(env),
    readFile,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    defaultTimeoutMs: timeoutMs,
    userAgent: options.userAgent ?? `image-trust/${VERSION}`,
  };
  const ownClient =
    options.http !== undefined
      ? undefined
      : options.httpStack === 'node'
        ? createNodeHttpClient(clientOptions)
        : lazyUndiciHttpClient(clientOptions);
  const client = options.http ?? ownClient;
  if (client === undefined) throw new InternalError('no HTTP client was chosen');
  const gate = options.responseGate;
  const http: HttpClient = gate
    ? {
        request: async (request) => {
          // Neither a new request (connection set-up, TLS) nor an answer's verification runs while the
          // host's urgent work is pending.
          await gate(request.signal);
          const response = await client.request(request);
          await gate(request.signal);
          return response;
        },
      }
    : client;
  const credentials =
    options.credentials ??
    createDockerCredentialStore({
      configDir: dockerConfigDir(env, options.homeDir ?? homedir()),
      readFile,
      runProcess: options.runProcess ?? createProcessRunner(env),
      credentialHelpers: options.credentialHelpers ?? 'enabled',
      helperTimeoutMs: options.helperTimeoutMs ?? 10_000,
    });
  const auth = createAuthenticator({
    credentials,
    clock,
    hostPolicy,
    credentialDelegation: options.credentialDelegation ?? {},
    timeoutMs,
  });
  return {
    http,
    auth,
    credentials,
    trustServerUrl: (registryHost) => trustServerUrl(registryHost, env),
    notaryFetcher: (baseUrl) => createNotaryFetcher({ http, auth, baseUrl, timeoutMs }),
    registryClient: (registryHost) =>
      createRegistryClient({
        http,
        auth,
        baseUrl: registryBaseUrl(registryHost, {
          hostPolicy,
          allowHttpLoopback: options.allowHttpLoopback ?? false,
        }),
        timeoutMs,
        ...(options.registryLimits === undefined ? {} : { limits: options.registryLimits }),
      }),
    close: () => ownClient?.close() ?? Promise.resolve(),
  };
}
