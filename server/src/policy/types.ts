import type { Position } from '../diagnostics/finding';

/** Offsets [start, end) in the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type PolicyKind = 'ImagePolicy' | 'ClusterImagePolicy';

/** A string value with the span of its scalar, e.g. a Secret name. */
export interface SpannedString {
  readonly value: string;
  readonly span: Span;
}

/** `policy.trust` (portieris.md §1.3, §3). `enabled` is true only for a YAML boolean `true` (Go `*bool`). */
export interface TrustPolicy {
  readonly enabled: boolean;
  readonly enabledSpan?: Span;
  readonly keySpan?: Span;
  readonly trustServer?: SpannedString;
  readonly signerSecrets: readonly SpannedString[];
}

export interface SignedIdentity {
  readonly type?: SpannedString;
  readonly dockerReference?: string;
  readonly dockerRepository?: string;
  readonly prefix?: string;
  readonly signedPrefix?: string;
}

/** One `policy.simple.requirements[]` item (portieris.md §1.3). */
export interface SimpleRequirement {
  readonly span: Span;
  readonly type?: SpannedString;
  readonly keySecret?: SpannedString;
  readonly keySecretNamespace?: SpannedString;
  readonly signedIdentity?: SignedIdentity;
}

export interface SimplePolicy {
  readonly keySpan?: Span;
  readonly requirements: readonly SimpleRequirement[];
  readonly storeURL?: SpannedString;
  readonly storeSecret?: SpannedString;
}

export interface VulnerabilityPolicy {
  /** `vulnerability.ICCRVA.enabled` is a YAML boolean `true`. */
  readonly iccrvaEnabled: boolean;
  readonly account?: string;
  readonly keySpan?: Span;
}

/** The legacy CISE `va` field (portieris.md §1.4); pruned by the v1 CRD. */
export interface LegacyVa {
  readonly enabled: boolean;
  readonly keySpan: Span;
}

/** The parsed `policy` of one repository entry. Wrong types read as absent: the schema layer reports them. */
export interface EntryPolicy {
  readonly keySpan?: Span;
  readonly trust: TrustPolicy;
  readonly simple: SimplePolicy;
  readonly vulnerability: VulnerabilityPolicy;
  /** nil means true (portieris.md §1.3 `mutateImage`). */
  readonly mutateImage: boolean;
  readonly va?: LegacyVa;
}

/** One `spec.repositories[]` item. A missing or non-string name reads as `''`, as in Go. */
export interface RepositoryEntry {
  readonly index: number;
  readonly name: string;
  /** Span of the name value, or of the whole item when the name is missing. */
  readonly nameSpan: Span;
  readonly hasName: boolean;
  readonly span: Span;
  readonly policy: EntryPolicy;
}

/** Where and how a new repository entry can be appended, precomputed for quick fixes (LSP positions). */
export type ListInsertion =
  | {
      readonly style: 'block';
      readonly position: Position;
      readonly indent: string;
      /** True when the new text goes at the start of a line (so it ends with a line break). */
      readonly atLineStart: boolean;
      readonly eol: string;
    }
  | {
      readonly style: 'block-after-key';
      readonly position: Position;
      readonly indent: string;
      readonly eol: string;
    }
  | {
      readonly style: 'flow';
      readonly position: Position;
      readonly empty: boolean;
      /** `{ name: x }` rather than `{name: x}`. */
      readonly spaced: boolean;
      /** `{"name": "x"}`, for JSON-looking lists. */
      readonly json: boolean;
    };

export interface PolicyObject {
  readonly uri: string;
  readonly documentIndex: number;
  readonly kind: PolicyKind;
  readonly apiVersion: string;
  /** `securityenforcement.admission.cloud.ibm.com/v1beta1`: ignored by Portieris ≥ 0.10 (portieris.md §1.1). */
  readonly legacy: boolean;
  readonly name?: string;
  /** As written; undefined when `metadata.namespace` is absent. */
  readonly namespace?: string;
  readonly span: Span;
  readonly kindSpan: Span;
  readonly apiVersionSpan: Span;
  readonly nameSpan?: Span;
  readonly namespaceSpan?: Span;
  /** Span of the `repositories` key, or of `spec`, or of `kind` when both are missing. */
  readonly repositoriesSpan: Span;
  /** 'list' when `spec.repositories` is a sequence; anything else means no entries. */
  readonly repositoriesShape: 'list' | 'missing' | 'null' | 'other';
  readonly repositories: readonly RepositoryEntry[];
  readonly insertion?: ListInsertion;
}
