import type { Finding } from '../../diagnostics/finding';
import { finding, type SemanticContext } from './context';

/**
 * The Portieris docs list containers-policy.json names that the CRD enum rejects (portieris.md §1.3):
 * the value to write instead, `""` meaning the default, which Portieris maps to `matchRepoDigestOrExact`.
 */
const CRD_NAME_FOR_DOC_NAME: ReadonlyMap<string, string> = new Map([
  ['exactReference', 'matchExactReference'],
  ['exactRepository', 'matchExactRepository'],
  ['matchRepoDigestOrExact', ''],
]);

export function checkSignedIdentityNames(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const { repositories } = context.policies[p];
    for (let e = 0; e < repositories.length; e++) {
      const { requirements } = repositories[e].policy.simple;
      for (let r = 0; r < requirements.length; r++) {
        const requirement = requirements[r];
        const type = requirement.signedIdentity?.type;
        const replacement = type === undefined ? undefined : CRD_NAME_FOR_DOC_NAME.get(type.value);
        if (!type || replacement === undefined) continue;
        const advice =
          replacement === ''
            ? 'Use type: "" (the default), which Portieris maps to matchRepoDigestOrExact.'
            : `Use "${replacement}", which Portieris maps to ${type.value}.`;
        findings.push(
          finding(
            context,
            'policy-signed-identity-name',
            'error',
            type.span,
            `"${type.value}" is the containers-policy.json name from the Portieris docs; the CRD rejects it. ${advice}`,
            { data: { replacement } },
          ),
        );
      }
    }
  }
  return findings;
}
