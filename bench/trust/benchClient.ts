/**
 * Our Notary client wired as production wires it (createTrustTransport's undici client, the lab CA for
 * the notary host, no Docker config, no credential helpers), with the HttpClient wrapped for counting.
 */
import type { FileStore } from '../../server/src/trust/io';
import { createNotaryClient } from '../../server/src/trust/notary';
import type { NotaryClient } from '../../server/src/trust/notary';
import { createTrustTransport } from '../../server/src/trust/transport/trustTransport';
import { CountingHttpClient } from './countingHttp';

export interface BenchClient {
  readonly client: NotaryClient;
  readonly http: CountingHttpClient;
  close(): Promise<void>;
}

export function makeBenchClient(options: {
  notaryUrl: string;
  caPath: string;
  store: FileStore;
  homeDir: string;
}): BenchClient {
  const base = {
    env: {},
    homeDir: options.homeDir,
    caFiles: { [new URL(options.notaryUrl).host]: options.caPath },
    credentialHelpers: 'disabled',
  } as const;
  const production = createTrustTransport(base);
  const http = new CountingHttpClient(production.http);
  const counted = createTrustTransport({ ...base, http });
  const client = createNotaryClient({
    fetcher: counted.notaryFetcher(options.notaryUrl),
    store: options.store,
  });
  return { client, http, close: () => production.close() };
}
