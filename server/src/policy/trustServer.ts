import { parseImageReference } from '../kube';
import { BUILT_IN_TRUST_SERVERS } from './requirements';

/** The trust server the controller uses for an image (portieris.md §3.1), or why there is none. */
export type TrustServerChoice =
  | { readonly url: string; readonly source: 'policy' | 'built-in' }
  | { readonly url?: undefined; readonly source: 'none' };

/** The exact runtime message when no trust server is found (§3.1, §3.7). */
export const NO_TRUST_SERVER_MESSAGE =
  'trust: Trust Server/Image Configuration Error: no trust server could be found';

/**
 * `trustServer` when set, else the built-in server whose key is a suffix of the image's hostname (port
 * excluded, Docker Hub names normalised to docker.io). Since 0.13 only docker.io and quay.io have one.
 */
export function chooseTrustServer(image: string, policyTrustServer: string | undefined): TrustServerChoice {
  if (policyTrustServer) return { url: policyTrustServer, source: 'policy' };
  const parsed = parseImageReference(image);
  const hostname = parsed.ok ? parsed.ref.domain : undefined;
  const entry =
    hostname === undefined ? undefined : BUILT_IN_TRUST_SERVERS.find((s) => hostname.endsWith(s.suffix));
  return entry ? { url: entry.server, source: 'built-in' } : { source: 'none' };
}
