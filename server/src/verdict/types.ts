/**
 * Inputs and outputs of the trust verdict (portieris.md §3): plain data only. The verdict is decided
 * here without I/O or cryptography; `server/src/trustService` fetches and verifies the facts and
 * computes signer key IDs, so policy stays apart from cryptography.
 */

/** What the applying policy entry asks of the trust check (portieris.md §1.3, §3.3, §3.6). */
export interface TrustRequirement {
  /** `policy.trust.enabled: true` in the entry that applies; false also when no entry applies. */
  readonly required: boolean;
  /** `trust.signerSecrets[].name`, in written order. */
  readonly signerSecrets: readonly string[];
  /** nil means true (portieris.md §3.6). */
  readonly mutateImage: boolean;
}

/**
 * A required signer as the workspace describes it. Portieris reads the Secret from the cluster
 * (portieris.md §3.3 item 5); the editor only sees the Secrets written in the workspace.
 */
export type SignerInput =
  | {
      readonly secret: string;
      readonly source: 'workspace';
      /** The Secret's `name` value: the delegation `targets/<name>`. */
      readonly signerName: string;
      /** Key ID of the Secret's `publicKey` (computed by the caller); undefined when it does not parse. */
      readonly keyId?: string;
    }
  /** The Secret has an empty or missing `name` or `publicKey`. */
  | { readonly secret: string; readonly source: 'workspace-incomplete' }
  /**
   * No such Secret in the workspace: the signer name is assumed to be the Secret's name and no key ID
   * can be compared (the hover says so).
   */
  | { readonly secret: string; readonly source: 'assumed' };

/** One role that validly lists the tag, in Notary's walk order (`GetAllTargetMetadataByName`, notary-v1.md §5.3). */
export interface RoleSignature {
  readonly role: string;
  /** 64 lower-case hex digits of the manifest's sha256. */
  readonly digest: string;
  readonly length: number;
}

/** Verified trust data of one repository on one trust server. */
export interface VerifiedTrust {
  readonly kind: 'verified';
  readonly gun: string;
  /** The trust server's URL. */
  readonly server: string;
  /** ISO 8601 time of the lookup. */
  readonly checkedAt: string;
  readonly tag: string;
  /** Every role listing `tag`, walk order (targets first, then delegations breadth-first). */
  readonly signatures: readonly RoleSignature[];
  /** Canonical key IDs of every delegation role (`targets/alice` → […]), for the signer key check. */
  readonly roleKeys: Readonly<Record<string, readonly string[]>>;
  /** Hex digests signed in `targets` or `targets/releases` under any tag (for digest-pinned images). */
  readonly releasedDigests: readonly string[];
}

/** The server answered and the repository has no trust data at all (root.json 404). */
export interface NoTrustData {
  readonly kind: 'no-trust-data';
  readonly gun: string;
  readonly server: string;
  readonly checkedAt: string;
}

/** The lookup failed: could not check (`unavailable`), or what came back does not verify. */
export interface TrustLookupFailure {
  readonly kind: 'unavailable' | 'verification';
  readonly gun: string;
  readonly server: string;
  readonly checkedAt: string;
  /** The TrustError code, e.g. `UNREACHABLE`, `BAD_SIGNATURE`. */
  readonly code: string;
  readonly reason: string;
}

/** Nothing was fetched, and why. */
export interface TrustNotChecked {
  readonly kind: 'not-checked';
  readonly reason: 'untrusted-workspace' | 'offline' | 'no-trust-server';
}

export type TrustFacts = VerifiedTrust | NoTrustData | TrustLookupFailure | TrustNotChecked;

/** What the registry serves for the tag now (only looked up for references with no digest). */
export type RegistryFacts =
  | { readonly kind: 'digest'; readonly digest: string; readonly checkedAt: string }
  | { readonly kind: 'failed'; readonly code: string; readonly reason: string }
  | { readonly kind: 'not-checked' };

/** The parts of a parsed image reference the verdict needs (kube's `ImageReference` fits). */
export interface ImageView {
  /** As written. */
  readonly original: string;
  /** Normalised name = GUN, e.g. `docker.io/library/nginx`. */
  readonly name: string;
  readonly writtenName: string;
  readonly tag?: string;
  /** `sha256:<hex>` when written. */
  readonly digest?: string;
  /** The tag Portieris looks up: the written tag, else `latest` (portieris.md §3.4). */
  readonly trustTag: string;
}

export interface VerdictInput {
  readonly image: ImageView;
  readonly requirement: TrustRequirement;
  readonly signers: readonly SignerInput[];
  readonly trust: TrustFacts;
  readonly registry: RegistryFacts;
}

/** How one required signer fared. */
export interface SignerOutcome {
  readonly secret: string;
  readonly signerName?: string;
  readonly role?: string;
  readonly keyChecked: boolean;
  readonly status: 'signed' | 'missing' | 'other-digest' | 'key-mismatch' | 'secret-incomplete';
}

/** What Portieris' trust check does with the image (portieris.md §3.3–§3.6). */
export type TrustAdmission =
  | {
      readonly kind: 'allowed';
      /** Hex of the released digest. */
      readonly digest: string;
      /** `<name>@sha256:<hex>`, or undefined with `mutateImage: false`. */
      readonly mutatedImage?: string;
    }
  /** `message` is the controller's reason line, e.g. `trust: policy denied the request: Deny "…", …`. */
  | { readonly kind: 'denied'; readonly message: string }
  /** The check could not be run (unreachable, untrusted workspace, …). */
  | { readonly kind: 'unknown' }
  /** The applying entry does not enable trust. */
  | { readonly kind: 'not-required' };

export interface TrustVerdict {
  readonly admission: TrustAdmission;
  /** The released digest of the trust tag (hex), when there is one. */
  readonly signedDigest?: string;
  readonly signedLength?: number;
  /** The role the released digest came from (`targets/releases` or `targets`). */
  readonly signedRole?: string;
  readonly signers: readonly SignerOutcome[];
  /** The digest the cluster will run (hex), when it is known. */
  readonly runsDigest?: string;
}
