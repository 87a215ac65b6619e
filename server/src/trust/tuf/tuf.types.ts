import type { KeyObject, X509Certificate } from 'node:crypto';
import type { JsonObject } from './json.types';

/** The wire `_type` values of notary 0.7.0 (notary-v1.md §2.1); delegation files are "Targets". */
export type MetadataType = 'Root' | 'Targets' | 'Snapshot' | 'Timestamp';
export type KeyType = 'ecdsa' | 'ecdsa-x509' | 'ed25519' | 'rsa' | 'rsa-x509';

/** A public key from a `keys` map whose ID was recomputed from its content (notary-v1.md §3.4). */
export interface PublicKey {
  /** Key ID as used in metadata: sha256 of the canonical key object. */
  readonly id: string;
  /** ID of the bare public key (SPKI); differs from `id` for x509 keys; Docker shows it for signers. */
  readonly canonicalId: string;
  readonly keyType: KeyType;
  readonly key: KeyObject;
  /** Hex DER SubjectPublicKeyInfo: the identity used to count thresholds by distinct key. */
  readonly spkiHex: string;
  /** Leaf first, for x509 key types. */
  readonly certificates: readonly X509Certificate[];
}

export interface Signature {
  readonly keyId: string;
  readonly method: string;
  readonly sig: Buffer;
}

/** A parsed envelope: the `signed` value, its canonical bytes and the signatures over them. */
export interface Envelope {
  readonly signed: JsonObject;
  readonly canonical: Uint8Array;
  readonly signatures: readonly Signature[];
}

export interface RoleKeys {
  readonly keyIds: readonly string[];
  readonly threshold: number;
}

export interface Hashes {
  readonly sha256?: Buffer;
  readonly sha512?: Buffer;
}

export interface FileMeta {
  readonly length: number;
  readonly hashes: Hashes;
}

export interface SignedCommon {
  readonly type: MetadataType;
  readonly version: number;
  /** Epoch milliseconds. */
  readonly expires: number;
}

export interface RootMetadata extends SignedCommon {
  readonly type: 'Root';
  readonly keys: ReadonlyMap<string, PublicKey>;
  readonly roles: Readonly<Record<'root' | 'targets' | 'snapshot' | 'timestamp', RoleKeys>>;
}

export interface TimestampMetadata extends SignedCommon {
  readonly type: 'Timestamp';
  readonly snapshot: FileMeta;
}

export interface SnapshotMetadata extends SignedCommon {
  readonly type: 'Snapshot';
  readonly meta: ReadonlyMap<string, FileMeta>;
}

export interface DelegationRole extends RoleKeys {
  readonly name: string;
  /** Path prefixes this role may sign ("" = all); notary has no globs and no hash prefixes. */
  readonly paths: readonly string[];
}

export interface TargetFile {
  readonly length: number;
  readonly sha256: Buffer;
  readonly sha512?: Buffer;
}

export interface TargetsMetadata extends SignedCommon {
  readonly type: 'Targets';
  readonly targets: ReadonlyMap<string, TargetFile>;
  readonly delegationKeys: ReadonlyMap<string, PublicKey>;
  /** In file order: the order matters for the tree walk (notary-v1.md §2.3, §5.1). */
  readonly delegations: readonly DelegationRole[];
}
