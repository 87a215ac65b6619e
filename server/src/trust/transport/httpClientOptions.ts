import type { HttpClient } from '../io';
import type { HostPolicy } from './hostPolicy';
import type { ProxySettings } from './proxy';
import type { ReadFile } from './tlsContext';

/** What the production HTTP clients (undiciHttpClient.ts, nodeHttpClient.ts) are built from. */
export interface HttpClientOptions {
  readonly hostPolicy: HostPolicy;
  readonly proxy: ProxySettings;
  readonly readFile: ReadFile;
  readonly connectTimeoutMs: number;
  /** Whole-exchange deadline (connect, headers and body) when the request names none. */
  readonly defaultTimeoutMs: number;
  readonly userAgent: string;
}

export interface ClosableHttpClient extends HttpClient {
  /** Closes every connection this client opened. */
  close(): Promise<void>;
}

/**
 * The undici client, loaded on first use: undici's module initialisation (~785 KB of bundled code,
 * HTTP/2 and fetch included, and llhttp's WebAssembly) costs a short-lived CLI ~100 ms of CPU, so only
 * code that really sends through undici pays for it.
 */
export function lazyUndiciHttpClient(options: HttpClientOptions): ClosableHttpClient {
  let client: Promise<ClosableHttpClient> | undefined;
  const load = (): Promise<ClosableHttpClient> =>
    (client ??= import('./undiciHttpClient').then((module) => module.createUndiciHttpClient(options)));
  return {
    request: async (request) => (await load()).request(request),
    close: async () => {
      if (client !== undefined) await (await client).close();
    },
  };
}
