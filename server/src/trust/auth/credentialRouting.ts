import type { Credential, CredentialStore } from '../credentials/credential';
import { isDockerHub, isDockerHubServiceHost } from '../credentials/dockerHub';
import { hostKey, isInsecureHost, type HostPolicy } from '../transport/hostPolicy';

export interface CredentialRoutingOptions {
  readonly hostPolicy: HostPolicy;
  /**
   * Explicit exceptions: a registry host → other hosts that may receive its credentials (for a token
   * realm on another host, e.g. `{ "registry.gitlab.com": ["gitlab.com"] }`).
   */
  readonly credentialDelegation: Readonly<Record<string, readonly string[]>>;
}

/**
 * Which credential, if any, may go to `destination` (the URL that would receive an `Authorization`
 * header: the registry itself for Basic, the token realm for Bearer) when the credentials belong to
 * `credentialHost`.
 *
 * The policy, stricter than Docker's (which sends a registry's credentials to whatever realm the
 * registry names; notary-v1.md §1.6, §7.2 item 15):
 * 1. Never over plain HTTP, unless the destination host is explicitly configured insecure.
 * 2. The owner's credentials go to the owner's own host only, or to a host it delegates to: Docker Hub's
 *    own services (`auth.docker.io`, `notary.docker.io`, …) or an entry of `credentialDelegation`.
 * 3. Any other destination gets the credential stored for *its own* host, if the store has one.
 * 4. Redirects are never followed (transport), so a redirect target never receives anything.
 */
export async function credentialFor(
  destination: URL,
  credentialHost: string,
  store: CredentialStore,
  options: CredentialRoutingOptions,
): Promise<Credential | undefined> {
  const secure = destination.protocol === 'https:' || isInsecureHost(options.hostPolicy, destination);
  if (!secure) return undefined;
  const target = hostKey(destination);
  const owner = credentialHost.toLowerCase();
  const delegated =
    target === owner ||
    (isDockerHub(owner) && isDockerHubServiceHost(target)) ||
    (options.credentialDelegation[owner] ?? []).some((host) => host.toLowerCase() === target);
  return store.get(delegated ? owner : target);
}

export function basicAuthorization(credential: Credential): string | undefined {
  if (credential.kind !== 'basic') return undefined;
  return `Basic ${Buffer.from(`${credential.username}:${credential.password}`, 'utf8').toString('base64')}`;
}
