import type { Finding } from '../../diagnostics/finding';
import { BUILT_IN_TRUST_SERVERS } from '../requirements';
import { NO_TRUST_SERVER_MESSAGE } from '../trustServer';
import { finding, type SemanticContext } from './context';
import { isRegistryHost, literalHostSuffix, splitPattern } from './hostPattern';

/**
 * `trust.enabled` without `trustServer` for a registry with no built-in trust server: since 0.13 only hosts
 * ending in docker.io or quay.io have one (portieris.md §3.1), so every such image is denied. Reported only
 * when provable from the entry name: a literal registry host, or a host glob whose literal tail is a domain
 * that can never end in docker.io or quay.io (`*.icr.io`). Docker Hub short names (`nginx`, `org/app`) have one.
 */
export function checkNoTrustServer(context: SemanticContext): Finding[] {
  const findings: Finding[] = [];
  // v1 only: legacy objects are not enforced by the versions these rules describe (§1.1).
  // Loops by index: see `SemanticContext`.
  for (let p = 0; p < context.policies.length; p++) {
    const policy = context.policies[p];
    if (policy.legacy) continue;
    for (let e = 0; e < policy.repositories.length; e++) {
      const entry = policy.repositories[e];
      const { trust } = entry.policy;
      if (!trust.enabled || (trust.trustServer?.value ?? '') !== '') continue;
      const host = hostWithoutTrustServer(entry.name);
      if (host === undefined) continue;
      const ibm = /(?:^|\.)(?:icr\.io|bluemix\.net)$/.test(host.replace(/^\*/, ''))
        ? ' IBM Cloud Container Registry discontinued its Notary service in 2021; before 0.13 Portieris assumed https://<host>:4443.'
        : '';
      findings.push(
        finding(
          context,
          'policy-no-trust-server',
          'warning',
          trust.enabledSpan ?? trust.keySpan ?? entry.nameSpan,
          `trust is enabled without trustServer, but Portieris 0.13 and later know a trust server only for hosts ` +
            `ending in docker.io or quay.io, so images from "${host}" are denied with "${NO_TRUST_SERVER_MESSAGE}". ` +
            `Set policy.trust.trustServer.${ibm}`,
        ),
      );
    }
  }
  return findings;
}

/** The host (as written, port removed) when no image the name matches can have a built-in server. */
function hostWithoutTrustServer(name: string): string | undefined {
  const { host } = splitPattern(name);
  if (host === undefined || host === '') return undefined;
  if (!host.includes('*')) {
    const hostname = host.replace(/:[0-9]*$/, '');
    return isRegistryHost(host) && !hasBuiltIn(hostname) ? hostname : undefined;
  }
  const tail = literalHostSuffix(host);
  // The tail must hold a dot, so every match is a registry host, and no match may end in a built-in suffix.
  if (!tail.includes('.') || hasBuiltIn(tail)) return undefined;
  if (BUILT_IN_TRUST_SERVERS.some(({ suffix }) => suffix.endsWith(tail))) return undefined;
  return host.replace(/:[0-9*]*$/, '');
}

function hasBuiltIn(hostname: string): boolean {
  return BUILT_IN_TRUST_SERVERS.some(({ suffix }) => hostname.endsWith(suffix));
}
