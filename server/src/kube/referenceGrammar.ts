/**
 * The image reference grammar of github.com/distribution/reference (`regexp.go`), which Portieris parses
 * with through `reference.ParseNormalizedNamed` (portieris.md §2.4). Kept as the same building blocks so
 * a reader can compare them line by line. Go's RE2 and JavaScript agree on these patterns: `\w` is
 * `[0-9A-Za-z_]` in both and both pick the leftmost-first alternative.
 */
const alphanumeric = '[a-z0-9]+';
/** One period, one or two underscores, or any number of dashes. */
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;

/** `name [":" tag] ["@" digest]`, capturing name, tag and digest. */
export const REFERENCE_REGEXP = new RegExp(`^(${namePattern})(?::(${tag}))?(?:@(${digestPattern}))?$`);
export const DOMAIN_AND_PORT_REGEXP = new RegExp(`^(${host})(?::([0-9]+))?$`);
export const DOMAIN_NAME_REGEXP = new RegExp(`^${domainName}$`);
export const IPV6_REGEXP = new RegExp(`^${ipv6address}$`);
export const PATH_COMPONENT_REGEXP = new RegExp(`^${pathComponent}$`);
export const TAG_REGEXP = new RegExp(`^${tag}$`);
export const DIGEST_REGEXP = new RegExp(`^${digestPattern}$`);
/** A bare 64-hex identifier is refused as a repository name (normalize.go `ParseNormalizedNamed`). */
export const IDENTIFIER_REGEXP = /^[a-f0-9]{64}$/;

/**
 * `RepositoryNameTotalLengthMax` in reference.go: the repository *path* may not exceed 255 characters.
 * Since v0.6.0 (the version Portieris v0.14.2 pins) the domain is not counted (PR #9).
 */
export const NAME_TOTAL_LENGTH_MAX = 255;
export const TAG_LENGTH_MAX = 128;

/**
 * Digest algorithms go-digest accepts, with their hex length. `digest.Parse` refuses any other algorithm,
 * a wrong length, and upper-case hex.
 */
export const DIGEST_HEX_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const LOCALHOST = 'localhost';
/** The tag Portieris looks up in Notary when none is written (portieris.md §2.4 item 4, §3.4). */
export const DEFAULT_TAG = 'latest';
