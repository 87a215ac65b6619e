import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { caFileFor, isInsecureHost, type HostPolicy } from './hostPolicy';
import { proxyFor, type ProxySettings } from './proxy';
import { createCaLoader, rootsPlusCa, type ReadFile } from './tlsContext';

export type { ReadFile } from './tlsContext';

export interface DispatcherOptions {
  readonly hostPolicy: HostPolicy;
  readonly proxy: ProxySettings;
  readonly readFile: ReadFile;
  readonly connectTimeoutMs: number;
}

export interface DispatcherPool {
  dispatcherFor(url: URL): Promise<Dispatcher>;
  close(): Promise<void>;
}

/**
 * One undici dispatcher per distinct (proxy, CA file, insecure) combination. Never installed as the
 * global dispatcher, so the extension host's own fetches are unaffected.
 */
export function createDispatcherPool(options: DispatcherOptions): DispatcherPool {
  const dispatchers = new Map<string, Promise<Dispatcher>>();
  const loadCa = createCaLoader(options.readFile);

  async function build(
    proxy: URL | undefined,
    caPath: string | undefined,
    insecure: boolean,
  ): Promise<Dispatcher> {
    const tls = {
      // One secure context per dispatcher: passing `ca` instead would re-parse every root per connection.
      ...(caPath === undefined ? {} : { secureContext: rootsPlusCa(await loadCa(caPath)) }),
      rejectUnauthorized: !insecure,
      timeout: options.connectTimeoutMs,
    };
    if (proxy)
      return new ProxyAgent({
        uri: proxy.href,
        requestTls: tls,
        proxyTls: { timeout: options.connectTimeoutMs },
      });
    return new Agent({ connect: tls });
  }

  return {
    dispatcherFor(url) {
      const proxy = proxyFor(url, options.proxy);
      const caPath = caFileFor(options.hostPolicy, url);
      const insecure = isInsecureHost(options.hostPolicy, url);
      const key = JSON.stringify([proxy?.href ?? '', caPath ?? '', insecure]);
      let pending = dispatchers.get(key);
      if (!pending) {
        pending = build(proxy, caPath, insecure);
        pending.catch(() => dispatchers.delete(key));
        dispatchers.set(key, pending);
      }
      return pending;
    },
    async close() {
      const all = [...dispatchers.values()];
      dispatchers.clear();
      const settled = await Promise.allSettled(all);
      await Promise.allSettled(
        settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value.destroy()] : [])),
      );
    },
  };
}
