import type { Finding } from '../../diagnostics/finding';
import { finding, type SemanticContext } from './context';

/** Both methods on: v0.14.2 compares two buffer pointers and always denies (issue #515, portieris.md §3.5). */
export function checkTrustAndSimple(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // v1 only: legacy objects are not enforced by the versions these rules describe (§1.1).
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    if (policy.legacy) continue;
    for (let e = 0; e < policy.repositories.length; e++) {
      const entry = policy.repositories[e];
      const { trust, simple } = entry.policy;
      if (!trust.enabled || simple.requirements.length === 0) continue;
      findings.push(
        finding(
          context,
          'policy-trust-and-simple',
          'error',
          simple.keySpan ?? entry.policy.keySpan ?? entry.nameSpan,
          'trust and simple are both enabled: Portieris v0.14.2 denies every image this entry selects with ' +
            '"Notary signs conflicting digest: … simple: …" (issue #515, the two digests are compared as ' +
            'pointers). Enable only one of them.',
        ),
      );
    }
  }
  return findings;
}
