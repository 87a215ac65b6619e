import { TrustError } from '../errors';
import type { MetadataFetcher } from '../io';
import { verifyHashes, verifySize } from '../tuf/checks';
import type { FileMeta } from '../tuf/tuf.types';
import type { NotaryClientConfig } from './config';
import type { PinStore } from './pinStore';

/** Where a role's bytes came from; only downloaded files need writing back to the cache. */
export interface RoleBytes {
  readonly bytes: Uint8Array;
  readonly fromCache: boolean;
}

/**
 * Downloads metadata files of one GUN with caps, and serves cached copies when they still match the
 * parent's hashes (notary `tryLoadCacheThenRemote`, notary-v1.md §4.2 step 2). Every body is re-checked
 * against the cap even though the fetcher was told it, so a fetcher bug cannot let a large body through.
 */
export class RoleSource {
  constructor(
    private readonly input: {
      readonly gun: string;
      readonly fetcher: MetadataFetcher;
      readonly pins: PinStore;
      readonly config: NotaryClientConfig;
      readonly signal?: AbortSignal;
    },
  ) {}

  /** Any current file by name (`root.json`, `timestamp.json`, `2.root.json`); undefined on 404. */
  async fetchByName(role: string, file: string, maxBytes: number): Promise<Uint8Array | undefined> {
    const { gun, fetcher, signal } = this.input;
    const bytes = await fetcher.fetchMetadata({ gun, file, maxBytes, ...(signal ? { signal } : {}) });
    if (bytes !== undefined) verifySize(role, bytes, { maxBytes });
    return bytes;
  }

  /** A role its parent lists with hashes: from the cache if it matches, else `<role>.<sha256>.json`. */
  async byMeta(role: string, meta: FileMeta, signal?: AbortSignal): Promise<RoleBytes> {
    const { gun, fetcher, pins, config } = this.input;
    const maxBytes = config.metadataMaxBytes;
    if (meta.length > maxBytes) {
      // The parent promises more than we accept: refuse before any request (notary-v1.md §7.2 item 8).
      throw new TrustError(
        'OVERSIZE',
        `${role} is listed as ${meta.length} bytes, over the cap of ${maxBytes}`,
        {
          details: { role, length: meta.length, maxBytes },
        },
      );
    }
    const cached = await pins.readRole(gun, role);
    if (cached !== undefined && matches(role, cached, meta)) return { bytes: cached, fromCache: true };
    const file = `${role}.${hex(meta)}.json`; // consistent name (notary-v1.md §1.2)
    const effectiveSignal = signal ?? this.input.signal;
    const bytes = await fetcher.fetchMetadata({
      gun,
      file,
      maxBytes,
      exactLength: meta.length,
      ...(effectiveSignal ? { signal: effectiveSignal } : {}),
    });
    if (bytes === undefined) {
      throw new TrustError('MISSING_ROLE', `the server has no ${file}`, { details: { role } });
    }
    verifySize(role, bytes, { maxBytes, exactLength: meta.length });
    verifyHashes(role, bytes, meta);
    return { bytes, fromCache: false };
  }
}

function hex(meta: FileMeta): string {
  return Buffer.from(meta.hashes.sha256 ?? []).toString('hex');
}

function matches(role: string, bytes: Uint8Array, meta: FileMeta): boolean {
  try {
    verifySize(role, bytes, { maxBytes: Number.MAX_SAFE_INTEGER, exactLength: meta.length });
    verifyHashes(role, bytes, meta);
    return true;
  } catch {
    return false; // a stale or damaged cache entry is simply not used
  }
}
