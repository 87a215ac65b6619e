import { TrustError } from '../errors';
import type { HttpClient, HttpResponse, MetadataFetcher } from '../io';
import type { Authenticator } from '../auth/authenticator';
import { hostKey } from '../transport/hostPolicy';

export interface NotaryFetcherOptions {
  readonly http: HttpClient;
  /** Without one, requests go out anonymously and a 401 is UNAUTHORIZED. */
  readonly auth?: Authenticator;
  /** The Notary server, e.g. `https://notary.docker.io` (see `trustServerUrl`). */
  readonly baseUrl: URL | string;
  /** Per-request deadline; the HttpClient's default applies when absent. */
  readonly timeoutMs?: number;
}

// A GUN goes into the path unescaped (notary-v1.md §1.1: `[^*]+`, built as base + "/v2/" + gun). Only
// reference characters are accepted, so nothing can change the URL's query, fragment or path depth.
const GUN = /^[A-Za-z0-9[\]][A-Za-z0-9._:\-[\]]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;
const ROLE = String.raw`(?:root|timestamp|snapshot|targets(?:/[-a-z0-9_]+)*)`;
// `<role>.json`, `<role>.<sha256>.json`, `<version>.<role>.json` (§1.1). Anything else, and in
// particular `*.key` (which makes the server create keys, trust-lab.md), is refused.
const FILE = new RegExp(String.raw`^(?:[1-9][0-9]{0,9}\.)?${ROLE}(?:\.[0-9a-f]{64})?\.json$`);

/** The registry host a GUN names (`docker.io/library/x` → `docker.io`); its credentials apply (§1.6). */
export function registryHostOfGun(gun: string): string {
  return gun.split('/')[0] ?? gun;
}

function checkRequest(gun: string, file: string): void {
  if (!GUN.test(gun) || gun.split('/').some((part) => part === '.' || part === '..')) {
    throw new TrustError('CONFIGURATION', `"${gun}" is not a valid GUN`, { details: { gun } });
  }
  if (!FILE.test(file) || file.split('/').includes('..')) {
    throw new TrustError('INVALID_ROLE_NAME', `"${file}" is not a metadata file name`, {
      details: { gun, file },
    });
  }
}

function failureFor(response: HttpResponse, details: Record<string, string | number>): TrustError {
  const { status } = response;
  if (status >= 300 && status < 400) {
    return new TrustError(
      'REDIRECT_REFUSED',
      `the trust server redirected (${status}); redirects are not followed`,
      { details },
    );
  }
  if (status === 401 || status === 403) {
    return new TrustError('UNAUTHORIZED', `the trust server refused access (${status})`, { details });
  }
  // notary's translateStatusToError: every other code is "server unavailable" (notary-v1.md §1.3).
  return new TrustError('SERVER_ERROR', `the trust server answered ${status}`, { details });
}

/**
 * The `MetadataFetcher` over a Notary server: `GET <base>/v2/<gun>/_trust/tuf/<file>`. 200 → the bytes
 * (size limits enforced while reading); 404 → undefined; 401/403 after auth → UNAUTHORIZED; 3xx →
 * REDIRECT_REFUSED; anything else → SERVER_ERROR.
 */
export function createNotaryFetcher(options: NotaryFetcherOptions): MetadataFetcher {
  const base = new URL(options.baseUrl);
  const prefix = base.href.replace(/\/+$/, '');
  return {
    async fetchMetadata(request) {
      checkRequest(request.gun, request.file);
      const url = new URL(`${prefix}/v2/${request.gun}/_trust/tuf/${request.file}`);
      const httpRequest = {
        url,
        method: 'GET' as const,
        headers: { accept: '*/*' },
        maxBytes: request.maxBytes,
        ...(request.exactLength === undefined ? {} : { exactLength: request.exactLength }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      };
      const response = options.auth
        ? await options.auth.send(options.http, httpRequest, {
            repository: request.gun,
            credentialHost: registryHostOfGun(request.gun),
          })
        : await options.http.request(httpRequest);
      if (response.status === 200) return response.body;
      if (response.status === 404) return undefined;
      throw failureFor(response, {
        host: hostKey(url),
        gun: request.gun,
        file: request.file,
        status: response.status,
      });
    },
  };
}
