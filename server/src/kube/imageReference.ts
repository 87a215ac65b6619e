/**
 * A container image reference, parsed and normalised the way Docker and Portieris do
 * (github.com/distribution/reference `ParseNormalizedNamed`; portieris.md §2.4).
 */
export interface ImageReference {
  /** The string exactly as written in the manifest. */
  readonly original: string;
  /**
   * Registry host without port, as Portieris' `GetHostname()` returns it (Go `url.Hostname()`): an IPv6
   * host loses its brackets. `docker.io` for Docker Hub names (also when written as `index.docker.io`).
   */
  readonly domain: string;
  /** Port digits as written (`8080`), when the registry host has one. */
  readonly port?: string;
  /** `host[:port]` as it appears in `name` (IPv6 keeps its brackets): what the registry is called. */
  readonly registryHost: string;
  /** Repository path below the registry, e.g. `library/nginx`. */
  readonly path: string;
  /**
   * Normalised name `registryHost/path`, e.g. `docker.io/library/nginx`. This is Portieris'
   * `NameWithoutTag()` and the Notary GUN it opens (portieris.md §3.3 item 1).
   */
  readonly name: string;
  /** Tag as written, when one is written. */
  readonly tag?: string;
  /** Full digest as written, e.g. `sha256:<64 hex>`, when one is written. */
  readonly digest?: string;
  /**
   * The tag Portieris looks up in Notary: the written tag, else `latest`, also for a digest-only
   * reference (portieris.md §2.4 item 4, §3.4).
   */
  readonly trustTag: string;
  /** The name as written, without tag and digest (`nginx`, `index.docker.io/org/app`). */
  readonly writtenName: string;
  /**
   * True for a digest-only reference with another algorithm than sha256 (`nginx@sha512:…`): Portieris'
   * `NewReference` then asserts a tag that is not there and panics (derived from helpers/image/image.go
   * at v0.14.2 and confirmed by running it). The webhook call fails, and with the default
   * `failurePolicy: Fail` (portieris.md §4.1) the request is refused.
   */
  readonly portierisPanics: boolean;
  /** Docker's short form of `name`: `docker.io/library/nginx` → `nginx`, `docker.io/org/app` → `org/app`. */
  readonly familiar: string;
}

/** Why a reference is refused. Stable: it travels in `Finding.data`. */
export type ImageReferenceErrorReason =
  | 'empty'
  | 'whitespace'
  | 'uppercase-repository'
  | 'invalid-domain'
  | 'invalid-port'
  | 'invalid-path'
  | 'invalid-tag'
  | 'empty-tag'
  | 'invalid-digest'
  | 'name-too-long'
  | 'invalid-format';

export interface ImageReferenceError {
  readonly reason: ImageReferenceErrorReason;
  /** Names what is wrong, e.g. `repository name must be lowercase: "MyOrg/app"`. */
  readonly message: string;
  /** Index in the original string where the problem starts, when one place is to blame. */
  readonly offset?: number;
  /**
   * True when Portieris' own parser refuses the string too, so admission is denied with
   * `Deny "<image>", invalid image name` (portieris.md §2.4 item 2). False for strings we refuse but
   * Portieris lets through, e.g. a short digest after `@sha256:` (§2.4 item 1): the kubelet cannot pull them.
   */
  readonly portierisRejects: boolean;
}

export type ImageReferenceResult =
  | { readonly ok: true; readonly ref: ImageReference }
  | { readonly ok: false; readonly error: ImageReferenceError };
