/**
 * The narrow I/O seams of the trust engine. Everything that touches the network, the disk, the clock or
 * other processes comes in through these interfaces, so tests inject real servers or tampering doubles
 * and production gets safe defaults (timeouts, size caps, no redirects).
 */

/** The current time; injected so expiry checks are testable (notary-fixtures expire 2026-12-10). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A bounded HTTP exchange. Implementations must enforce `maxBytes` while reading, not after. */
export interface HttpRequest {
  readonly url: URL;
  /** POST is used only for the OAuth2 token exchange with an identity token (notary-v1.md §1.6 step 3). */
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body (POST only). */
  readonly body?: Uint8Array;
  /** Hard cap on the body; exceeding it fails with TrustError OVERSIZE before the rest is read. */
  readonly maxBytes: number;
  /** When known (from a parent's meta), the body must be exactly this long. */
  readonly exactLength?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** Plain transport: no auth, no redirects followed. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * What the Notary client needs from the wire: one metadata file of one repository.
 * `file` is a path below `/v2/<gun>/_trust/tuf/`, e.g. `root.json`, `2.root.json`,
 * `snapshot.<sha256hex>.json`, `targets/releases.json`. Implementations add auth, map 404 to
 * TrustError NO_TRUST_DATA / MISSING_ROLE as the caller asks, and everything else that is not 200 to an
 * "unavailable" code.
 */
export interface MetadataFetcher {
  fetchMetadata(request: {
    readonly gun: string;
    readonly file: string;
    readonly maxBytes: number;
    readonly exactLength?: number;
    readonly signal?: AbortSignal;
  }): Promise<Uint8Array | undefined /* undefined = 404 */>;
}

/** A small key-value file store rooted in a cache folder the caller chooses (pins, last versions). */
export interface FileStore {
  read(relativePath: string): Promise<Uint8Array | undefined>;
  write(relativePath: string, data: Uint8Array): Promise<void>;
}
