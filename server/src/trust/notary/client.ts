import type { Clock, FileStore, MetadataFetcher } from '../io';
import { systemClock } from '../io';
import { resolveConfig } from './config';
import type { NotaryClientConfig } from './config';
import { PinStore } from './pinStore';
import { TrustedRepository } from './trustedRepository';
import { updateRepository } from './updateRepository';

export interface NotaryClientOptions {
  /** Downloads `/v2/<gun>/_trust/tuf/<file>` with caps (see io.ts). */
  readonly fetcher: MetadataFetcher;
  /** The trust cache folder: pinned roots, last verified metadata and versions per GUN. */
  readonly store: FileStore;
  readonly clock?: Clock;
  readonly config?: Partial<NotaryClientConfig>;
  /** Docker's trust dir (`$DOCKER_CONFIG/trust`, default `~/.docker/trust`), read-only: its root pins are honoured. */
  readonly dockerTrust?: FileStore;
}

export interface NotaryClient {
  /** Updates and verifies the GUN's trust data (notary-v1.md §4); rejects with a TrustError. */
  getRepository(gun: string, options?: { readonly signal?: AbortSignal }): Promise<TrustedRepository>;
}

export function createNotaryClient(options: NotaryClientOptions): NotaryClient {
  const deps = {
    fetcher: options.fetcher,
    pins: new PinStore(options.store),
    clock: options.clock ?? systemClock,
    config: resolveConfig(options.config),
    ...(options.dockerTrust ? { dockerTrust: options.dockerTrust } : {}),
  };
  return {
    async getRepository(gun, requestOptions) {
      const data = await updateRepository(gun, deps, requestOptions?.signal);
      return new TrustedRepository(data);
    },
  };
}
