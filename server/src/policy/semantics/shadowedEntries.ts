import type { Finding } from '../../diagnostics/finding';
import { matchQuality } from '../quality';
import type { PolicyObject, RepositoryEntry } from '../types';
import { covers } from './containment';
import { describeEntry, finding, type SemanticContext } from './context';
import { EMPTY_LIST } from '../../emptyList';

interface Placed {
  readonly policy: PolicyObject;
  readonly entry: RepositoryEntry;
  readonly order: number;
}

/**
 * `policy-duplicate-entry`: a name already listed earlier in the merged set (§2.1 step 5) never wins, neither
 * through the exact shortcut nor on quality ties (§2.2).
 * `policy-unreachable-entry`: a wildcard entry every match of which an earlier entry of equal quality also
 * matches (a cover with higher quality cannot exist, see `shadows`). Only single-entry cover is considered (conservative).
 * A name without `*` is never unreachable: the exact shortcut picks it for the image equal to its name.
 */
export function checkShadowedEntries(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    const group = groupOf(context.peersOf(policy));
    const placed = group.byPolicy.get(policy) ?? EMPTY_LIST;
    for (let i = 0; i < placed.length; i++) {
      const b = placed[i];
      if (!b.entry.hasName) continue;
      const first = group.firstByName.get(b.entry.name);
      if (first && first.order < b.order) {
        findings.push(
          finding(
            context,
            'policy-duplicate-entry',
            'warning',
            b.entry.nameSpan,
            `Repository "${b.entry.name}" is already listed (${describeEntry(context, first.policy, first.entry.index)}); ` +
              'the first one always wins, so this entry is never used.',
            { tags: ['unnecessary'] },
          ),
        );
        continue;
      }
      const shadow = b.entry.name.includes('*') ? firstShadow(group, b) : undefined;
      if (shadow) findings.push(unreachable(context, b, shadow));
    }
  }
  return findings;
}

/** The entries of one merged set (`peersOf`), indexed so that no check compares all pairs. */
interface Group {
  /** Each policy's entries, in order. */
  readonly byPolicy: Map<PolicyObject, Placed[]>;
  /** The first entry with a name, per name. */
  readonly firstByName: Map<string, Placed>;
  /** Named entries by quality and literal prefix (see `bucketKey`), each list in order. */
  readonly byPrefix: Map<string, Placed[]>;
  /** Per quality, the lengths of the literal prefixes in `byPrefix`: the only lengths worth looking up. */
  readonly prefixLengths: Map<number, number[]>;
}

// Keyed on the peers array: `peersOf` answers the same array for every policy of one set.
const groups = new WeakMap<readonly PolicyObject[], Group>();

function groupOf(peers: readonly PolicyObject[]): Group {
  const known = groups.get(peers);
  if (known) return known;
  const group: Group = {
    byPolicy: new Map(),
    firstByName: new Map(),
    byPrefix: new Map(),
    prefixLengths: new Map(),
  };
  let order = 0;
  for (let p = 0; p < peers.length; p++) {
    const policy = peers[p];
    const list: Placed[] = [];
    for (let e = 0; e < policy.repositories.length; e++) {
      const entry = policy.repositories[e];
      const item: Placed = { policy, entry, order: order++ };
      list.push(item);
      if (!entry.hasName) continue;
      if (!group.firstByName.has(entry.name)) group.firstByName.set(entry.name, item);
      const quality = matchQuality(entry.name);
      const prefix = literalPrefix(entry.name);
      const key = bucketKey(quality, prefix);
      const bucket = group.byPrefix.get(key);
      if (bucket) bucket.push(item);
      else group.byPrefix.set(key, [item]);
      const lengths = group.prefixLengths.get(quality);
      if (!lengths) group.prefixLengths.set(quality, [prefix.length]);
      else if (!lengths.includes(prefix.length)) lengths.push(prefix.length);
    }
    // A policy listed twice in one set cannot happen (peers are distinct objects); keep the first if it did.
    if (!group.byPolicy.has(policy)) group.byPolicy.set(policy, list);
  }
  groups.set(peers, group);
  return group;
}

function bucketKey(quality: number, prefix: string): string {
  return `${quality}:${prefix}`;
}

/** The text before the first `*` (all of it when there is none). */
function literalPrefix(name: string): string {
  const star = name.indexOf('*');
  return star < 0 ? name : name.slice(0, star);
}

/**
 * The first earlier entry that `shadows` b. Only entries whose literal prefix is a prefix of b's literal
 * prefix can cover b: every match is anchored at the start (`compare` in wildcard.ts), so `covers(a, b)`
 * needs b's name with its stars replaced (which starts with b's literal prefix, then a character no pattern
 * holds) to begin with a's literal prefix. With a host part the same holds: a host with a `*` constrains
 * only b's host, whose literal prefix is b's; a host without `*` must equal b's host, and then a's rest is
 * anchored at the start of b's rest. So looking up each prefix of b's literal prefix finds every candidate.
 */
function firstShadow(group: Group, b: Placed): Placed | undefined {
  const quality = matchQuality(b.entry.name);
  const prefix = literalPrefix(b.entry.name);
  let best: Placed | undefined;
  // Only lengths some entry's prefix has can hit a bucket; the rest would build keys that find nothing.
  const lengths = group.prefixLengths.get(quality) ?? EMPTY_LIST;
  for (let l = 0; l < lengths.length; l++) {
    const length = lengths[l];
    if (length > prefix.length) continue;
    const bucket = group.byPrefix.get(bucketKey(quality, prefix.slice(0, length))) ?? EMPTY_LIST;
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i];
      if (a.order >= b.order || (best && a.order >= best.order)) break;
      if (shadows(a, b)) {
        best = a;
        break;
      }
    }
  }
  return best;
}

/**
 * Cover needs equal quality: B's literal text (its stars emptied) is one of B's matches, and no string shorter
 * than q(A) bytes matches A, so A covering B means q(A) <= q(B); A must also win, so q(A) >= q(B). With equal
 * quality A wins only when it comes first.
 */
function shadows(a: Placed, b: Placed): boolean {
  if (a.order >= b.order || !a.entry.hasName) return false;
  return matchQuality(a.entry.name) === matchQuality(b.entry.name) && covers(a.entry.name, b.entry.name);
}

function unreachable(context: SemanticContext, b: Placed, a: Placed): Finding {
  return finding(
    context,
    'policy-unreachable-entry',
    'warning',
    b.entry.nameSpan,
    `This entry can never be selected: every image it matches is also matched by "${a.entry.name}" ` +
      `(${describeEntry(context, a.policy, a.entry.index)}), which has the same quality ` +
      `(${matchQuality(a.entry.name)}) and comes first, and ties go to the first entry.`,
    { tags: ['unnecessary'] },
  );
}
