/**
 * Docker Hub's many names. Docker keys Hub credentials under `https://index.docker.io/v1/`
 * (`registry.IndexServer`, used by `ResolveAuthConfig` for the official index) while images say
 * `docker.io`, the API lives on `registry-1.docker.io`, tokens come from `auth.docker.io` and trust data
 * from `notary.docker.io` (notary-v1.md §1.5, portieris.md §3.2 item 3).
 */
export const DOCKER_HUB_INDEX_SERVER = 'https://index.docker.io/v1/';
export const DOCKER_HUB_REGISTRY_HOST = 'registry-1.docker.io';
export const DOCKER_HUB_NOTARY_URL = 'https://notary.docker.io';

const HUB_REGISTRY_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Hosts run by Docker for Hub; Hub credentials may be sent to them and to no other host. */
const HUB_SERVICE_HOSTS = new Set([...HUB_REGISTRY_NAMES, 'auth.docker.io', 'notary.docker.io']);

/**
 * Docker's `credentials.ConvertToHostname`: strips a scheme and any path, keeping `host[:port]`.
 * `https://index.docker.io/v1/` → `index.docker.io`.
 */
export function convertToHostname(maybeUrl: string): string {
  if (maybeUrl.includes('://')) {
    try {
      const url = new URL(maybeUrl);
      if (url.hostname !== '') return url.host.toLowerCase();
    } catch {
      // fall through to the plain split, as Docker does
    }
  }
  return (maybeUrl.split('/')[0] ?? '').toLowerCase();
}

/** True for `docker.io`, `index.docker.io`, `registry-1.docker.io` and `https://index.docker.io/v1/`. */
export function isDockerHub(hostOrKey: string): boolean {
  return HUB_REGISTRY_NAMES.has(convertToHostname(hostOrKey));
}

export function isDockerHubServiceHost(host: string): boolean {
  return HUB_SERVICE_HOSTS.has(host.toLowerCase());
}
