import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { TrustError } from '../errors';
import { caFileFor, isInsecureHost, type HostPolicy } from './hostPolicy';
import { proxyFor, type ProxySettings } from './proxy';

/** Reads a whole file; injected so tests and the extension decide where CA bundles come from. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

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
  const caBundles = new Map<string, Promise<string>>();

  function loadCa(path: string): Promise<string> {
    let pending = caBundles.get(path);
    if (!pending) {
      pending = options.readFile(path).then(
        (bytes) => Buffer.from(bytes).toString('utf8'),
        (cause: unknown) => {
          caBundles.delete(path);
          throw new TrustError('CONFIGURATION', `cannot read the CA file ${path}`, {
            cause,
            details: { path },
          });
        },
      );
      caBundles.set(path, pending);
    }
    return pending;
  }

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

/** The native half of a `SecureContext`; `addCACert` is what node's own `createSecureContext` calls per `ca` entry. */
interface NativeContext {
  addCACert(pem: string): void;
}

function hasAddCaCert(value: unknown): value is NativeContext {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { addCACert?: unknown }).addCACert === 'function'
  );
}

/**
 * A per-host CA is added to, not substituted for, the system roots (as Docker's certs.d does; the
 * settings and `--ca-file` promise exactly that, so the set of trusted issuers stays what it was).
 * `createSecureContext({ ca: [...rootCertificates, pem] })` gives that set but makes OpenSSL parse all
 * ~140 root PEMs again (~70–130 ms of CPU per process, measured on node 20.20). Starting from the
 * default context (which shares node's root store, parsed once per process and cached) and adding the
 * CA to it yields the same store for a few ms: node copies the cached roots into a store owned by this
 * context before adding, so other contexts are unaffected. `addCACert` is node's internal method;
 * should it ever be missing, the documented (slower) form is used.
 */
function rootsPlusCa(pem: string): SecureContext {
  const context = createSecureContext();
  const native: unknown = (context as { context?: unknown }).context;
  if (!hasAddCaCert(native)) return createSecureContext({ ca: [...rootCertificates, pem] });
  native.addCACert(pem);
  return context;
}
