import type { Finding } from '../../diagnostics/finding';
import { matchQuality } from '../quality';
import type { PolicyObject, RepositoryEntry } from '../types';
import { covers } from './containment';
import { describeEntry, finding, type SemanticContext } from './context';
import { EMPTY_LIST, keptList } from '../../emptyList';

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
    const { all } = group;
    // A policy's entries are placed one after another (`groupOf`): walk its run only.
    for (let i = firstOf(group, policy); i < all.length && all[i].policy === policy; i++) {
      const b = all[i];
      if (!b.entry.hasName) continue;
      const first = firstByName(group, b.entry.name);
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

/** The entries of one merged set (`peersOf`), in order; large sets also get an index (`GroupIndex`). */
interface Group {
  readonly all: readonly Placed[];
  /** Built for sets of more than SMALL_GROUP entries, where scanning `all` for each entry would be quadratic. */
  readonly index?: GroupIndex;
}

/** Lookups that spare a large set comparing all pairs of entries. */
interface GroupIndex {
  /** Where each policy's run of entries starts in `all`. */
  readonly firstOf: Map<PolicyObject, number>;
  /** The first entry with a name, per name. */
  readonly firstByName: Map<string, Placed>;
  /** Named entries by quality and literal prefix (see `bucketKey`), each list in order. */
  readonly byPrefix: Map<string, Placed[]>;
  /** Per quality, the lengths of the literal prefixes in `byPrefix`: the only lengths worth looking up. */
  readonly prefixLengths: Map<number, number[]>;
}

/**
 * Most merged sets are one namespace's policy with a few entries: scanning them is cheaper than building
 * maps, which the 42,000-line benchmark file kept four of per set (2,000 maps; bench/notes.md).
 */
const SMALL_GROUP = 32;

// Keyed on the peers array: `peersOf` answers the same array for every policy of one set.
const groups = new WeakMap<readonly PolicyObject[], Group>();

function groupOf(peers: readonly PolicyObject[]): Group {
  const known = groups.get(peers);
  if (known) return known;
  const all: Placed[] = [];
  for (let p = 0; p < peers.length; p++) {
    const policy = peers[p];
    for (let e = 0; e < policy.repositories.length; e++) {
      all.push({ policy, entry: policy.repositories[e], order: all.length });
    }
  }
  const group: Group = all.length > SMALL_GROUP ? { all, index: indexOf(all) } : { all: keptList(all) };
  groups.set(peers, group);
  return group;
}

function indexOf(all: readonly Placed[]): GroupIndex {
  const index: GroupIndex = {
    firstOf: new Map(),
    firstByName: new Map(),
    byPrefix: new Map(),
    prefixLengths: new Map(),
  };
  for (let i = 0; i < all.length; i++) {
    const item = all[i];
    const { entry } = item;
    // A policy listed twice in one set cannot happen (peers are distinct objects); keep the first if it did.
    if (!index.firstOf.has(item.policy)) index.firstOf.set(item.policy, i);
    if (!entry.hasName) continue;
    if (!index.firstByName.has(entry.name)) index.firstByName.set(entry.name, item);
    const quality = matchQuality(entry.name);
    const prefix = literalPrefix(entry.name);
    const key = bucketKey(quality, prefix);
    const bucket = index.byPrefix.get(key);
    if (bucket) bucket.push(item);
    else index.byPrefix.set(key, [item]);
    const lengths = index.prefixLengths.get(quality);
    if (!lengths) index.prefixLengths.set(quality, [prefix.length]);
    else if (!lengths.includes(prefix.length)) lengths.push(prefix.length);
  }
  return index;
}

/** Index in `group.all` of the first entry of `policy`; `all.length` when it has none. */
function firstOf(group: Group, policy: PolicyObject): number {
  const { all, index } = group;
  if (index) return index.firstOf.get(policy) ?? all.length;
  for (let i = 0; i < all.length; i++) if (all[i].policy === policy) return i;
  return all.length;
}

function firstByName(group: Group, name: string): Placed | undefined {
  if (group.index) return group.index.firstByName.get(name);
  const { all } = group;
  for (let i = 0; i < all.length; i++) if (all[i].entry.hasName && all[i].entry.name === name) return all[i];
  return undefined;
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
 * The first earlier entry that `shadows` b. A small set is scanned in order. In a large one, only entries
 * whose literal prefix is a prefix of b's literal prefix can cover b: every match is anchored at the start
 * (`compare` in wildcard.ts), so `covers(a, b)` needs b's name with its stars replaced (which starts with b's
 * literal prefix, then a character no pattern holds) to begin with a's literal prefix. With a host part the
 * same holds: a host with a `*` constrains only b's host, whose literal prefix is b's; a host without `*`
 * must equal b's host, and then a's rest is anchored at the start of b's rest. So looking up each prefix of
 * b's literal prefix finds every candidate.
 */
function firstShadow(group: Group, b: Placed): Placed | undefined {
  const { index } = group;
  if (!index) {
    for (let i = 0; i < b.order; i++) if (shadows(group.all[i], b)) return group.all[i];
    return undefined;
  }
  const quality = matchQuality(b.entry.name);
  const prefix = literalPrefix(b.entry.name);
  let best: Placed | undefined;
  // Only lengths some entry's prefix has can hit a bucket; the rest would build keys that find nothing.
  const lengths = index.prefixLengths.get(quality) ?? EMPTY_LIST;
  for (let l = 0; l < lengths.length; l++) {
    const length = lengths[l];
    if (length > prefix.length) continue;
    const bucket = index.byPrefix.get(bucketKey(quality, prefix.slice(0, length))) ?? EMPTY_LIST;
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
