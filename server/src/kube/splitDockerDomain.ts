import { DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN, LOCALHOST, OFFICIAL_REPO_PREFIX } from './referenceGrammar';

/** Why the first component was (or was not) taken as the registry host. */
export type DomainChoice = 'docker-hub' | 'localhost' | 'legacy-docker-hub' | 'dot-or-colon' | 'uppercase';

export interface DockerDomainSplit {
  readonly domain: string;
  /** Everything after the domain, with `library/` added for single-component Docker Hub names. */
  readonly remainder: string;
  readonly choice: DomainChoice;
  /** Length of the written domain and its `/` in the original string (0 when docker.io was implied). */
  readonly writtenDomainLength: number;
}

/**
 * Docker's normalisation, `splitDockerDomain` in distribution/reference normalize.go: the first
 * component is the registry host only when it is `localhost`, contains `.` or `:`, or has capitals;
 * otherwise the name is on Docker Hub, and single-component Hub names get the `library/` prefix.
 * `index.docker.io` is canonicalised to `docker.io` (portieris.md §2.4 item 2).
 */
export function splitDockerDomain(name: string): DockerDomainSplit {
  const slash = name.indexOf('/');
  if (slash < 0) {
    return {
      domain: DEFAULT_DOMAIN,
      remainder: OFFICIAL_REPO_PREFIX + name,
      choice: 'docker-hub',
      writtenDomainLength: 0,
    };
  }
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  const written = (domain: string, choice: DomainChoice): DockerDomainSplit => ({
    domain,
    remainder: domain === DEFAULT_DOMAIN && !rest.includes('/') ? OFFICIAL_REPO_PREFIX + rest : rest,
    choice,
    writtenDomainLength: slash + 1,
  });
  if (first === LOCALHOST) return written(first, 'localhost');
  if (first === LEGACY_DEFAULT_DOMAIN) return written(DEFAULT_DOMAIN, 'legacy-docker-hub');
  if (/[.:]/.test(first)) return written(first, 'dot-or-colon');
  if (first.toLowerCase() !== first) return written(first, 'uppercase');
  return { domain: DEFAULT_DOMAIN, remainder: name, choice: 'docker-hub', writtenDomainLength: 0 };
}
