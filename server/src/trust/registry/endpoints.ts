import { TrustError } from '../errors';
import { DOCKER_HUB_NOTARY_URL, DOCKER_HUB_REGISTRY_HOST, isDockerHub } from '../credentials/dockerHub';
import { isInsecureHost, isLoopbackHostname, type HostPolicy } from '../transport/hostPolicy';
import type { Environment } from '../transport/proxy';

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;

function parseHost(registryHost: string): URL {
  if (!HOST_PORT.test(registryHost)) {
    throw new TrustError('CONFIGURATION', `"${registryHost}" is not a registry host[:port]`, {
      details: { registry: registryHost },
    });
  }
  return new URL(`https://${registryHost}`);
}

export interface RegistryUrlOptions {
  readonly hostPolicy: HostPolicy;
  /** Speak plain HTTP to loopback registries (the lab's `127.0.0.1:5000`). Off by default. */
  readonly allowHttpLoopback: boolean;
}

/**
 * The registry API origin for an image's registry host: `https://host[:port]`, `http://` only for hosts
 * configured insecure (and loopback when allowed), Docker Hub's `docker.io` → `registry-1.docker.io`.
 */
export function registryBaseUrl(registryHost: string, options: RegistryUrlOptions): URL {
  if (isDockerHub(registryHost)) return new URL(`https://${DOCKER_HUB_REGISTRY_HOST}`);
  const url = parseHost(registryHost);
  const plain =
    isInsecureHost(options.hostPolicy, url) ||
    (options.allowHttpLoopback && isLoopbackHostname(url.hostname));
  return plain ? new URL(`http://${registryHost}`) : url;
}

/**
 * The Notary server for a registry, as docker/cli `trust.Server` picks it (notary-v1.md §1.5):
 * `$DOCKER_CONTENT_TRUST_SERVER` (must be an https URL), else `https://notary.docker.io` for Docker Hub,
 * else `https://<registry host[:port]>`.
 */
export function trustServerUrl(registryHost: string, env: Environment): URL {
  const configured = env.DOCKER_CONTENT_TRUST_SERVER?.trim();
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch (cause) {
      throw new TrustError('CONFIGURATION', 'DOCKER_CONTENT_TRUST_SERVER is not a valid URL', { cause });
    }
    if (url.protocol !== 'https:') {
      // docker/cli: "valid https URL required for trust server".
      throw new TrustError('CONFIGURATION', 'DOCKER_CONTENT_TRUST_SERVER must be an https URL', {
        details: { host: url.host },
      });
    }
    return url;
  }
  if (isDockerHub(registryHost)) return new URL(DOCKER_HUB_NOTARY_URL);
  return parseHost(registryHost);
}
