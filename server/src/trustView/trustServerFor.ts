import type { ImageReference } from '../kube';

/**
 * The Notary server the view asks for a repository: the user's `imageTrust.trust.servers` entry for
 * `host:port`, then `host`; otherwise undefined, and the engine picks Docker's default
 * (`DOCKER_CONTENT_TRUST_SERVER`, notary.docker.io for Docker Hub, else `https://<registry>`, notary-v1.md §1.5).
 * Policy `trustServer` fields are not consulted: the view browses repositories, not admission.
 */
export function trustServerFor(
  ref: Pick<ImageReference, 'registryHost' | 'domain'>,
  servers: Readonly<Record<string, string>>,
): string | undefined {
  return servers[ref.registryHost.toLowerCase()] ?? servers[ref.domain.toLowerCase()];
}
