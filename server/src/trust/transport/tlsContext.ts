import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { TrustError } from '../errors';

/** Reads a whole file; injected so tests and the extension decide where CA bundles come from. */
export type ReadFile = (path: string) => Promise<Uint8Array>;

/** CA bundles read once per client (a failed read is retried on the next request). */
export function createCaLoader(readFile: ReadFile): (path: string) => Promise<string> {
  const caBundles = new Map<string, Promise<string>>();
  return (path) => {
    let pending = caBundles.get(path);
    if (!pending) {
      pending = readFile(path).then(
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
export function rootsPlusCa(pem: string): SecureContext {
  const context = createSecureContext();
  const native: unknown = (context as { context?: unknown }).context;
  if (!hasAddCaCert(native)) return createSecureContext({ ca: [...rootCertificates, pem] });
  native.addCACert(pem);
  return context;
}
