/**
 * How a repository pattern constrains the registry host (portieris.md §2.3, v0.14.2): a pattern with `/` has
 * its host part (before the first `/`) matched against the image's first segment only; a pattern without `/`
 * is matched against the whole reference.
 */
export interface HostPattern {
  /** Text before the first `/`, or undefined when the pattern has no `/`. */
  readonly host?: string;
  readonly rest: string;
}

export function splitPattern(name: string): HostPattern {
  const slash = name.indexOf('/');
  return slash < 0 ? { rest: name } : { host: name.slice(0, slash), rest: name.slice(slash + 1) };
}

/** The literal text after the last `*` of a host glob, with any `:port` removed. */
export function literalHostSuffix(host: string): string {
  return host.slice(host.lastIndexOf('*') + 1).replace(/:[0-9]*$/, '');
}

/**
 * True when the host glob only matches names under one registered domain: the text after its last `*` is a
 * dot and a name with at least one more dot (`*.icr.io`, `us.*.example.com`). `*.io` or `*icr.io` are not.
 */
export function isDomainAnchored(host: string): boolean {
  const suffix = literalHostSuffix(host);
  return suffix.startsWith('.') && suffix.slice(1).includes('.') && !suffix.includes('..');
}

/** A first path segment that is a registry host rather than a Docker Hub namespace (distribution/reference). */
export function isRegistryHost(segment: string): boolean {
  return segment.includes('.') || segment.includes(':') || segment === 'localhost';
}
