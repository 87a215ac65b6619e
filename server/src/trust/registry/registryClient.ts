import { createHash } from 'node:crypto';
import type { HttpClient, HttpRequest, HttpResponse } from '../io';
import type { Authenticator } from '../auth/authenticator';
import { hostKey } from '../transport/hostPolicy';
import { registryErrorFor } from './errorBody';
import { nextLink } from './linkHeader';
import { MANIFEST_ACCEPT } from './mediaTypes';
import { checkRepository, checkTagOrDigest, isSha256Digest } from './references';
import { RegistryError } from './registryError';
import { isRecord } from '../transport/jsonValue';

export interface RegistryLimits {
  /** distribution refuses manifests over 4 MiB, so more is never a real manifest. */
  readonly manifestMaxBytes: number;
  readonly tagPageMaxBytes: number;
  readonly tagPageSize: number;
  readonly maxTagPages: number;
}

export const DEFAULT_REGISTRY_LIMITS: RegistryLimits = {
  manifestMaxBytes: 4 * 1024 * 1024,
  tagPageMaxBytes: 1024 * 1024,
  // 100 per page is accepted everywhere (some registries refuse larger n); 100 pages = 10,000 tags.
  tagPageSize: 100,
  maxTagPages: 100,
};

export interface RegistryClientOptions {
  readonly http: HttpClient;
  readonly auth?: Authenticator;
  /** `https://host[:port]` (see `registryBaseUrl`); its host's credentials are used. */
  readonly baseUrl: URL | string;
  readonly limits?: Partial<RegistryLimits>;
  readonly timeoutMs?: number;
}

export interface ManifestDigest {
  /** `sha256:<hex>` of the exact manifest bytes: what Docker signs into Notary (trust-lab.md). */
  readonly digest: string;
  /** `Content-Type` without parameters, when the registry sent one. */
  readonly mediaType?: string;
  /** Manifest size in bytes (the TUF `length`), when known. */
  readonly size?: number;
  /** Where the digest came from: the `Docker-Content-Digest` header, or hashing the body ourselves. */
  readonly source: 'header' | 'body';
}

export interface TagList {
  readonly tags: readonly string[];
  /** True when the page cap stopped the listing before the registry's last page. */
  readonly truncated: boolean;
}

export interface RegistryClient {
  /** The manifest digest a tag (or digest) currently points to. */
  resolveDigest(repository: string, reference: string, signal?: AbortSignal): Promise<ManifestDigest>;
  /** Every tag of a repository, following `Link` pagination up to `maxTagPages`. */
  listTags(repository: string, signal?: AbortSignal): Promise<TagList>;
}

function sizeOf(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['content-length'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function mediaTypeOf(headers: Readonly<Record<string, string>>): string | undefined {
  const raw = headers['content-type']?.split(';')[0]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/**
 * A read-only OCI distribution client: tag → manifest digest, and tag listing. Registry-reported failures
 * are RegistryError (codes from the JSON error body); transport and auth failures are TrustError.
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const base = new URL(options.baseUrl);
  const prefix = base.href.replace(/\/+$/, '');
  const limits = { ...DEFAULT_REGISTRY_LIMITS, ...options.limits };
  const host = hostKey(base);

  function send(request: HttpRequest, repository: string): Promise<HttpResponse> {
    const withTimeout =
      options.timeoutMs === undefined ? request : { ...request, timeoutMs: options.timeoutMs };
    return options.auth
      ? options.auth.send(options.http, withTimeout, { repository, credentialHost: host })
      : options.http.request(withTimeout);
  }

  function manifestRequest(method: 'HEAD' | 'GET', url: URL, signal: AbortSignal | undefined): HttpRequest {
    return {
      url,
      method,
      headers: { accept: MANIFEST_ACCEPT },
      maxBytes: limits.manifestMaxBytes,
      ...(signal === undefined ? {} : { signal }),
    };
  }

  async function resolveDigest(
    repository: string,
    reference: string,
    signal?: AbortSignal,
  ): Promise<ManifestDigest> {
    checkRepository(repository);
    const kind = checkTagOrDigest(reference);
    const url = new URL(`${prefix}/v2/${repository}/manifests/${reference}`);
    const context = { host, repository, reference };

    const head = await send(manifestRequest('HEAD', url, signal), repository);
    const headerDigest = head.headers['docker-content-digest'];
    if (head.status === 200 && headerDigest !== undefined && isSha256Digest(headerDigest)) {
      if (kind === 'digest' && headerDigest !== reference) {
        throw new RegistryError(
          'MALFORMED_RESPONSE',
          `the registry answered ${headerDigest} for ${reference}`,
          { details: context },
        );
      }
      const mediaType = mediaTypeOf(head.headers);
      const size = sizeOf(head.headers);
      return {
        digest: headerDigest,
        ...(mediaType === undefined ? {} : { mediaType }),
        ...(size === undefined ? {} : { size }),
        source: 'header',
      };
    }

    // No usable digest header, or HEAD failed (some registries refuse HEAD, and a HEAD error has no body
    // to read a code from): fetch the manifest and hash it ourselves.
    const get = await send(manifestRequest('GET', url, signal), repository);
    if (get.status !== 200) throw registryErrorFor(get, context);
    const digest = `sha256:${createHash('sha256').update(get.body).digest('hex')}`;
    const claimed = get.headers['docker-content-digest'];
    if (claimed !== undefined && claimed.startsWith('sha256:') && claimed !== digest) {
      throw new RegistryError(
        'MALFORMED_RESPONSE',
        `the Docker-Content-Digest ${claimed} does not match the manifest (${digest})`,
        {
          details: context,
        },
      );
    }
    if (kind === 'digest' && reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(
        'MALFORMED_RESPONSE',
        `the manifest fetched for ${reference} hashes to ${digest}`,
        { details: context },
      );
    }
    const mediaType = mediaTypeOf(get.headers);
    return {
      digest,
      ...(mediaType === undefined ? {} : { mediaType }),
      size: get.body.byteLength,
      source: 'body',
    };
  }

  function parseTagPage(body: Uint8Array, context: Record<string, string | number>): string[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch (cause) {
      throw new RegistryError('MALFORMED_RESPONSE', 'the tag list is not JSON', { cause, details: context });
    }
    // distribution answers `"tags": null` for a repository without tags.
    const tags = isRecord(parsed) ? parsed.tags : undefined;
    if (tags === null) return [];
    if (!Array.isArray(tags) || !tags.every((tag): tag is string => typeof tag === 'string')) {
      throw new RegistryError('MALFORMED_RESPONSE', 'the tag list has no "tags" array of strings', {
        details: context,
      });
    }
    return tags;
  }

  async function listTags(repository: string, signal?: AbortSignal): Promise<TagList> {
    checkRepository(repository);
    const tags: string[] = [];
    let url: URL | undefined = new URL(`${prefix}/v2/${repository}/tags/list?n=${limits.tagPageSize}`);
    const seen = new Set<string>();
    for (let page = 0; url !== undefined; page++) {
      if (page >= limits.maxTagPages) return { tags, truncated: true };
      const context = { host, repository, page };
      seen.add(url.href);
      const response = await send(
        {
          url,
          method: 'GET',
          headers: { accept: 'application/json' },
          maxBytes: limits.tagPageMaxBytes,
          ...(signal === undefined ? {} : { signal }),
        },
        repository,
      );
      if (response.status !== 200) throw registryErrorFor(response, context);
      tags.push(...parseTagPage(response.body, context));
      const next = nextLink(response.headers.link, url);
      // The next page must stay on this registry and under /v2/: a Link elsewhere would take our
      // credentials and requests to a host the user never named.
      if (next !== undefined && (next.origin !== base.origin || !next.pathname.startsWith('/v2/'))) {
        throw new RegistryError(
          'MALFORMED_RESPONSE',
          `the tag list links to another location (${next.origin})`,
          { details: context },
        );
      }
      url = next !== undefined && !seen.has(next.href) ? next : undefined;
    }
    return { tags, truncated: false };
  }

  return { resolveDigest, listTags };
}
