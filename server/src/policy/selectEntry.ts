import { matchQuality } from './quality';
import type { PolicyObject, RepositoryEntry } from './types';
import { compareImageRef } from './wildcard';
import { keptList } from '../emptyList';

/** One repository entry that matches the image. */
export interface Candidate {
  readonly policy: PolicyObject;
  readonly entry: RepositoryEntry;
  readonly quality: number;
  /** A name without `*` equal to the image string: the controller stops at the first one (§2.2). */
  readonly exact: boolean;
}

/**
 * Why the winner won, for hover: `exact` (byte-equal name without `*`), `only-match`, `highest-quality`
 * (strictly more literal characters than every other match) or `first-of-tie` (equal best quality, listed first).
 */
export type WinReason = 'exact' | 'only-match' | 'highest-quality' | 'first-of-tie';

export interface Selection {
  readonly winner: Candidate;
  readonly quality: number;
  readonly reason: WinReason;
  /** The other matching entries, in list order. */
  readonly losers: readonly Candidate[];
}

/**
 * Picks the repository entry the controller applies (`FindImagePolicy`, portieris.md §2.2). `policies` must be
 * in API list order (alphabetical by object name, see `sortPolicies`); entries are taken in spec order.
 * The quality of an exact match is `len(image)`, as in the Go code. Returns undefined when nothing matches.
 */
export function selectEntry(image: string, policies: readonly PolicyObject[]): Selection | undefined {
  const matches: Candidate[] = [];
  // By index: iterators cost an allocation per element until V8 optimises this (policy/semantics/context.ts).
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p];
    for (let e = 0; e < policy.repositories.length; e++) {
      const entry = policy.repositories[e];
      const exact = !entry.name.includes('*') && entry.name === image;
      if (exact || compareImageRef(entry.name, image)) {
        matches.push({
          policy,
          entry,
          quality: exact ? matchQuality(image) : matchQuality(entry.name),
          exact,
        });
      }
    }
  }
  const exact = matches.find((candidate) => candidate.exact);
  if (exact) return finish(exact, matches, 'exact');
  let best: Candidate | undefined;
  for (let i = 0; i < matches.length; i++) {
    const candidate = matches[i];
    // Strictly greater: ties go to the entry met first.
    if (!best || candidate.quality > best.quality) best = candidate;
  }
  if (!best) return undefined;
  const winner = best;
  const tied = matches.some((c) => c !== winner && c.quality === winner.quality);
  return finish(
    winner,
    matches,
    matches.length === 1 ? 'only-match' : tied ? 'first-of-tie' : 'highest-quality',
  );
}

function finish(winner: Candidate, matches: readonly Candidate[], reason: WinReason): Selection {
  const losers = keptList(matches.filter((c) => c !== winner));
  return { winner, quality: winner.quality, reason, losers };
}

/**
 * API list order: the API server lists objects sorted by their etcd key, i.e. by name within a namespace
 * (portieris.md §2.2, derived). Equal names (the same object in two files) keep file, then text order.
 */
export function sortPolicies(policies: readonly PolicyObject[]): PolicyObject[] {
  return [...policies].sort(
    (a, b) =>
      byteCompare(a.name ?? '', b.name ?? '') ||
      byteCompare(a.uri, b.uri) ||
      a.documentIndex - b.documentIndex,
  );
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
