import type { TagEntry } from '../../../shared/trustView';

/** A signed tag row as `TrustedRepository.signedTags()` gives it (hex digest, raw signer names). */
export interface SignedRow {
  readonly tag: string;
  readonly digest: string;
  readonly signers: readonly string[];
}

/**
 * Merges Notary's signed rows with what the registry says: each signed tag is `moved` when the registry
 * now serves another digest, and registry tags without a signed row follow as `unsigned` (sorted). A tag
 * signed twice with different digests (releases vs targets, notary-v1.md §5.3) keeps both rows.
 */
export function tagEntries(
  rows: readonly SignedRow[],
  registryTags: readonly string[],
  registryDigests: ReadonlyMap<string, string>,
): TagEntry[] {
  const signed = rows.map((row): TagEntry => {
    const signedDigest = `sha256:${row.digest}`;
    const registryDigest = registryDigests.get(row.tag);
    const moved = registryDigest !== undefined && registryDigest !== signedDigest;
    return {
      tag: row.tag,
      state: moved ? 'moved' : 'signed',
      signedDigest,
      ...(registryDigest === undefined ? {} : { registryDigest }),
      signers: [...row.signers],
    };
  });
  const signedTags = new Set(rows.map((row) => row.tag));
  const unsigned = [...new Set(registryTags)]
    .filter((tag) => !signedTags.has(tag))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((tag): TagEntry => {
      const registryDigest = registryDigests.get(tag);
      return { tag, state: 'unsigned', ...(registryDigest ? { registryDigest } : {}), signers: [] };
    });
  return [...signed, ...unsigned];
}
