/**
 * Data of the Signed Tags view and the inspect document, exchanged over the custom requests declared in
 * `shared/protocol.ts`. Plain JSON: digests are `sha256:<hex>`, dates ISO 8601.
 */

/** Why a repository is in the view: a workload image or a policy entry names it. */
export type RepositorySource = 'image' | 'policy';

export interface WorkspaceRepository {
  /** The GUN, e.g. `127.0.0.1:5000/ns/app` or `docker.io/library/hello-world`. */
  readonly name: string;
  readonly sources: readonly RepositorySource[];
}

export interface RepositoriesResult {
  readonly repositories: readonly WorkspaceRepository[];
}

/**
 * `signed`: in Notary's `targets` or `targets/releases`, and the registry serves that digest (or was not
 * asked); `moved`: signed, but the registry now serves another digest (an unsigned push over a signed
 * tag, trust-lab.md); `unsigned`: in the registry's tag list only.
 */
export type TagState = 'signed' | 'moved' | 'unsigned';

export interface TagEntry {
  readonly tag: string;
  readonly state: TagState;
  /** The signed manifest digest; absent for unsigned tags. */
  readonly signedDigest?: string;
  /** What the registry serves now, when it was asked and answered. */
  readonly registryDigest?: string;
  /** Delegation signers holding the same digest (notary-v1.md §5.3); empty = "Repo Admin". */
  readonly signers: readonly string[];
}

export interface KeyedSigner {
  readonly name: string;
  /** Canonical key IDs (hex). */
  readonly keyIds: readonly string[];
}

export interface RoleExpiry {
  /** `root`, `targets`, `snapshot`, `timestamp` or a delegation such as `targets/releases`. */
  readonly role: string;
  readonly expires: string;
}

/** What went wrong, grouped so the view can offer the one action that helps. */
export type TrustViewFailureReason =
  | 'untrusted-workspace'
  | 'offline'
  | 'invalid-name'
  | 'no-trust-data'
  | 'unauthorized'
  | 'unavailable'
  | 'configuration'
  | 'verification';

export interface TrustViewFailure {
  readonly reason: TrustViewFailureReason;
  /** The stable code of the underlying error (TrustError / RegistryError codes), or the reason. */
  readonly code: string;
  readonly message: string;
  /** The registry host an action ("Log in…", "Set trust server…") applies to. */
  readonly host?: string;
}

export interface SignedTagsParams {
  readonly repository: string;
}

export type SignedTagsResult =
  | {
      readonly kind: 'ok';
      readonly repository: string;
      /** The Notary server that answered. */
      readonly server: string;
      /** Signed tags (natural order), then unsigned registry tags. */
      readonly tags: readonly TagEntry[];
      /** Delegation signers except `targets/releases`, sorted by name. */
      readonly signers: readonly KeyedSigner[];
      /** `Root` and `Repository` (targets) keys, as `docker trust inspect` lists them. */
      readonly administrativeKeys: readonly KeyedSigner[];
      readonly expiries: readonly RoleExpiry[];
      /** Set when the registry could not be asked: tags then carry no registry digests. */
      readonly registryFailure?: TrustViewFailure;
    }
  | {
      readonly kind: 'failed';
      readonly repository: string;
      readonly server?: string;
      readonly failure: TrustViewFailure;
    };

export type InspectFormat = 'pretty' | 'json';

export interface InspectParams {
  /** A repository or image reference (`repo`, `repo:tag`), as `docker trust inspect` takes it. */
  readonly image: string;
  readonly format: InspectFormat;
}

export type InspectResult =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'failed'; readonly failure: TrustViewFailure };

export interface RegistryLoginParams {
  /** `host[:port]`; the credential is used for this host only. */
  readonly host: string;
  readonly username: string;
  /** A password, or an identity (refresh) token. Never logged. */
  readonly secret: string;
  readonly secretKind: 'password' | 'identityToken';
}

export interface RegistryLogoutParams {
  readonly host: string;
}

export interface LookupStatusParams {
  /** Trust and registry lookups running now. */
  readonly inFlight: number;
  /** The last failure talking to a trust server or registry (no credentials in it). */
  readonly lastError?: { readonly message: string; readonly at: string };
}
