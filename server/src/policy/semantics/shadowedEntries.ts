import type { Finding } from '../../diagnostics/finding';
import { matchQuality } from '../quality';
import type { PolicyObject, RepositoryEntry } from '../types';
import { covers } from './containment';
import { describeEntry, finding, type SemanticContext } from './context';

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
  for (const policy of context.policies) {
    const placed = context
      .peersOf(policy)
      .flatMap((p) => p.repositories.map((entry) => ({ policy: p, entry })))
      .map((item, order): Placed => ({ ...item, order }));
    for (const b of placed) {
      if (b.policy !== policy || !b.entry.hasName) continue;
      const duplicate = placed.find(
        (a) => a.order < b.order && a.entry.hasName && a.entry.name === b.entry.name,
      );
      if (duplicate) {
        findings.push(
          finding(
            context,
            'policy-duplicate-entry',
            'warning',
            b.entry.nameSpan,
            `Repository "${b.entry.name}" is already listed (${describeEntry(context, duplicate.policy, duplicate.entry.index)}); ` +
              'the first one always wins, so this entry is never used.',
            { tags: ['unnecessary'] },
          ),
        );
        continue;
      }
      const shadow = b.entry.name.includes('*') ? placed.find((a) => shadows(a, b)) : undefined;
      if (shadow) findings.push(unreachable(context, b, shadow));
    }
  }
  return findings;
}

/**
 * Cover needs equal quality: B's literal text (its stars emptied) is one of B's matches, and no string shorter
 * than q(A) bytes matches A, so A covering B means q(A) <= q(B); A must also win, so q(A) >= q(B). With equal
 * quality A wins only when it comes first. Comparing only equal-quality pairs also keeps this cheap.
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
