import type { ImageReference } from '../kube';
import { BUILT_IN_TRUST_SERVERS } from '../policy';
import type { Environment } from '../trust/transport/proxy';

/** Where a trust lookup goes and why (shown in the hover). */
export type ServerChoice =
  | { readonly url: string; readonly source: 'policy' | 'settings' | 'environment' | 'built-in' }
  | { readonly source: 'none' };

/**
 * The trust server for an image, in the order: the applying entry's `trustServer` (what
 * Portieris uses verbatim, portieris.md §3.1); else the user's per-registry setting (`host:port`, then
 * `host`); else `DOCKER_CONTENT_TRUST_SERVER`; else the controller's built-in suffix map (docker.io,
 * quay.io); else none ("no trust server could be found").
 */
export function chooseServer(
  ref: ImageReference,
  policyServer: string | undefined,
  servers: Readonly<Record<string, string>>,
  env: Environment,
): ServerChoice {
  if (policyServer) return { url: policyServer, source: 'policy' };
  const configured = servers[ref.registryHost.toLowerCase()] ?? servers[ref.domain.toLowerCase()];
  if (configured) return { url: configured, source: 'settings' };
  const fromEnv = env.DOCKER_CONTENT_TRUST_SERVER?.trim();
  if (fromEnv) return { url: fromEnv, source: 'environment' };
  const builtIn = BUILT_IN_TRUST_SERVERS.find((entry) => ref.domain.endsWith(entry.suffix));
  return builtIn ? { url: builtIn.server, source: 'built-in' } : { source: 'none' };
}
