import type { Finding } from '../../diagnostics/finding';
import type { PolicyObject, SpannedString } from '../types';
import { finding, type SemanticContext } from './context';

/**
 * Secrets a policy names (signerSecrets[].name, requirements[].keySecret, simple.storeSecret) that no workspace
 * YAML defines. They are read from the workload's namespace (keySecret: keySecretNamespace when set), so a
 * ClusterImagePolicy's Secret is looked for in any namespace (portieris.md §1.3, §3.3). Information only:
 * the Secret may exist in the cluster.
 */
export function checkSecretsExist(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // Loops by index, as every check here: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    const namespace = context.index.namespaceOf(policy);
    // Straight calls per Secret rather than a list of records per entry: every entry of every policy is
    // checked on the first open of a file.
    const check = (secret: SpannedString, secretNamespace: string | undefined, role: string): void => {
      if (secret.value === '' || context.index.hasSecret(secret.value, secretNamespace)) return;
      findings.push(
        finding(
          context,
          'policy-secret-not-found',
          'information',
          secret.span,
          `No workspace YAML defines the ${role} "${secret.value}" ${where(policy, secretNamespace)}; ` +
            'it must exist in the cluster when Portieris checks this entry.',
        ),
      );
    };
    for (let e = 0; e < policy.repositories.length; e++) {
      const { trust, simple } = policy.repositories[e].policy;
      for (let s = 0; s < trust.signerSecrets.length; s++) {
        check(trust.signerSecrets[s], namespace, 'signer Secret');
      }
      for (let r = 0; r < simple.requirements.length; r++) {
        const requirement = simple.requirements[r];
        if (requirement.keySecret) {
          check(requirement.keySecret, requirement.keySecretNamespace?.value ?? namespace, 'key Secret');
        }
      }
      if (simple.storeSecret) check(simple.storeSecret, namespace, 'signature store Secret');
    }
  }
  return findings;
}

function where(policy: PolicyObject, namespace: string | undefined): string {
  if (namespace !== undefined) return `in namespace "${namespace}"`;
  return policy.kind === 'ClusterImagePolicy'
    ? "in any namespace (it is read from each workload's namespace)"
    : '';
}
