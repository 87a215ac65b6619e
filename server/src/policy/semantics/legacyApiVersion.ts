import type { Finding } from '../../diagnostics/finding';
import { LEGACY_API_VERSION, PORTIERIS_API_VERSION } from '../apiGroups';
import { finding, type SemanticContext } from './context';

/** Portieris ≥ 0.10 only lists `portieris.cloud.ibm.com/v1` objects (portieris.md §1.1, §1.3, §7.1). */
export function checkLegacyApiVersion(context: SemanticContext): Finding[] {
  return context.policies
    .filter((policy) => policy.legacy)
    .map((policy) => {
      const usesVa = policy.repositories.some((entry) => entry.policy.va !== undefined);
      const va = usesVa
        ? ' The v1 schema has no `va`: it is pruned on apply, so use `vulnerability.ICCRVA.enabled` instead.'
        : '';
      return finding(
        context,
        'policy-legacy-api-version',
        'warning',
        policy.apiVersionSpan,
        `Portieris 0.10 and later ignore ${LEGACY_API_VERSION} objects: this ${policy.kind} is not enforced. ` +
          `Use apiVersion ${PORTIERIS_API_VERSION}.${va}`,
        { data: { replacement: PORTIERIS_API_VERSION, usesVa }, tags: ['deprecated'] },
      );
    });
}
