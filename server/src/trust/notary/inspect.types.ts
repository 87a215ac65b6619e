/**
 * The `docker trust inspect` JSON model with Docker's exact field names (cli/command/trust/common.go,
 * notary-v1.md §5.3). `Keys` is omitted when empty, as Go's `omitempty` does.
 */
export interface TrustKeyJson {
  readonly ID: string;
}

export interface TrustSignerJson {
  readonly Name: string;
  readonly Keys?: readonly TrustKeyJson[];
}

export interface SignedTagJson {
  readonly SignedTag: string;
  /** Hex sha256 without the `sha256:` prefix. */
  readonly Digest: string;
  readonly Signers: readonly string[];
}

export interface TrustInspectJson {
  readonly Name: string;
  readonly SignedTags: readonly SignedTagJson[];
  readonly Signers: readonly TrustSignerJson[];
  readonly AdministrativeKeys: readonly TrustSignerJson[];
}
