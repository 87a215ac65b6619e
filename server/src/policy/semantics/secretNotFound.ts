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
  for (const policy of context.policies) {
    const namespace = context.index.namespaceOf(policy);
    for (const entry of policy.repositories) {
      const { trust, simple } = entry.policy;
      const refs: Array<{ secret: SpannedString; namespace: string | undefined; role: string }> = [
        ...trust.signerSecrets.map((secret) => ({ secret, namespace, role: 'signer Secret' })),
        ...simple.requirements.flatMap((r) =>
          r.keySecret
            ? [
                {
                  secret: r.keySecret,
                  namespace: r.keySecretNamespace?.value ?? namespace,
                  role: 'key Secret',
                },
              ]
            : [],
        ),
        ...(simple.storeSecret
          ? [{ secret: simple.storeSecret, namespace, role: 'signature store Secret' }]
          : []),
      ];
      for (const ref of refs) {
        if (ref.secret.value === '' || context.index.hasSecret(ref.secret.value, ref.namespace)) continue;
        findings.push(
          finding(
            context,
            'policy-secret-not-found',
            'information',
            ref.secret.span,
            `No workspace YAML defines the ${ref.role} "${ref.secret.value}" ${where(policy, ref.namespace)}; ` +
              'it must exist in the cluster when Portieris checks this entry.',
          ),
        );
      }
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
