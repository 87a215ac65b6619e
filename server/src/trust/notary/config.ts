/**
 * Limits of the Notary client. Every default carries its unit; callers pass `Partial<NotaryClientConfig>`
 * and get these for anything left out (style-anchors principle 11).
 */
export interface NotaryClientConfig {
  /** Cap for timestamp.json, bytes. notary's MaxTimestampSize (notary-v1.md §4.5). */
  readonly timestampMaxBytes: number;
  /** Cap for root.json when no length is known (bootstrap, `<v>.root.json` during rotation), bytes. */
  readonly rootMaxBytes: number;
  /** Cap for snapshot, targets and delegation files; their exact length from the parent must also fit, bytes. */
  readonly metadataMaxBytes: number;
  /** Most root versions walked in one rotation (each is one `<v>.root.json` request), count. */
  readonly maxRootRotations: number;
  /** Most delegated roles loaded for one repository, count. */
  readonly maxDelegations: number;
  /** Deepest delegation level loaded (`targets/a` = 1), count. */
  readonly maxDelegationDepth: number;
}

export const defaultNotaryClientConfig: NotaryClientConfig = Object.freeze({
  timestampMaxBytes: 1 << 20, // 1 MiB
  rootMaxBytes: 10 << 20, // 10 MiB (notary allows 100 MiB; a root is a few KiB)
  metadataMaxBytes: 32 << 20, // 32 MiB (a targets file with ~100k tags)
  maxRootRotations: 64, // root versions
  maxDelegations: 1000, // roles
  maxDelegationDepth: 8, // levels
});

export function resolveConfig(overrides: Partial<NotaryClientConfig> | undefined): NotaryClientConfig {
  return Object.freeze({ ...defaultNotaryClientConfig, ...overrides });
}
