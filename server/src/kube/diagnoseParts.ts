import {
  DIGEST_HEX_LENGTHS,
  DOMAIN_NAME_REGEXP,
  IPV6_REGEXP,
  PATH_COMPONENT_REGEXP,
  TAG_LENGTH_MAX,
} from './referenceGrammar';
import type { ImageReferenceError } from './imageReference';

/** A problem before we know whether Portieris refuses the string too. */
export type ReferenceProblem = Omit<ImageReferenceError, 'portierisRejects'>;

/** go-digest rules for `algorithm:hex` (portieris.md §2.4: the kubelet pulls only well-formed digests). */
export function digestProblem(digest: string, at: number): ReferenceProblem | undefined {
  const colon = digest.indexOf(':');
  if (colon < 0) {
    return {
      reason: 'invalid-digest',
      message: `digest must look like "sha256:<64 hex digits>", got ${JSON.stringify(digest)}`,
      offset: at,
    };
  }
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expected = DIGEST_HEX_LENGTHS.get(algorithm);
  if (expected === undefined) {
    const lower = DIGEST_HEX_LENGTHS.has(algorithm.toLowerCase());
    return {
      reason: 'invalid-digest',
      message: lower
        ? `digest algorithm must be lowercase: ${JSON.stringify(algorithm)}`
        : `unsupported digest algorithm ${JSON.stringify(algorithm)}: use sha256`,
      offset: at,
    };
  }
  const hexAt = at + colon + 1;
  const nonHex = hex.search(/[^0-9a-fA-F]/);
  if (nonHex >= 0) {
    return {
      reason: 'invalid-digest',
      message: `digest contains ${JSON.stringify(hex[nonHex])}, which is not a hexadecimal digit`,
      offset: hexAt + nonHex,
    };
  }
  const upper = hex.search(/[A-F]/);
  if (upper >= 0) {
    return {
      reason: 'invalid-digest',
      message: 'digest hex digits must be lowercase',
      offset: hexAt + upper,
    };
  }
  if (hex.length !== expected) {
    return {
      reason: 'invalid-digest',
      message: `${algorithm} digest must have ${expected} hex digits, this one has ${hex.length}`,
      offset: hexAt,
    };
  }
  return undefined;
}

/** Tag grammar `[\w][\w.-]{0,127}` (distribution/reference regexp.go). */
export function tagProblem(tag: string, at: number): ReferenceProblem | undefined {
  if (tag === '') return { reason: 'empty-tag', message: 'tag after ":" is empty', offset: at - 1 };
  if (tag.length > TAG_LENGTH_MAX) {
    return {
      reason: 'invalid-tag',
      message: `tag is ${tag.length} characters long; at most ${TAG_LENGTH_MAX} are allowed`,
      offset: at,
    };
  }
  if (!/^\w/.test(tag)) {
    return {
      reason: 'invalid-tag',
      message: `tag must start with a letter, digit or "_", not ${JSON.stringify(tag[0])}`,
      offset: at,
    };
  }
  const bad = tag.search(/[^\w.-]/);
  if (bad >= 0) {
    return {
      reason: 'invalid-tag',
      message: `tag contains ${JSON.stringify(tag[bad])}; tags may only contain letters, digits, "_", "." and "-"`,
      offset: at + bad,
    };
  }
  return undefined;
}

/** `host[:port]` where host is a DNS-like name, an IPv4 address or a bracketed IPv6 address. */
export function domainProblem(domain: string): ReferenceProblem | undefined {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(domain);
  const host = match?.[1] ?? domain;
  const port = match?.[2];
  if (host === '') return { reason: 'invalid-domain', message: 'registry host is empty', offset: 0 };
  if (host.startsWith('[') ? !IPV6_REGEXP.test(host) : !DOMAIN_NAME_REGEXP.test(host)) {
    const what = host.startsWith('[') ? 'a bracketed IPv6 address' : 'a valid host name';
    return {
      reason: 'invalid-domain',
      message: `registry host ${JSON.stringify(host)} is not ${what} (letters, digits, inner "-", joined by ".")`,
      offset: 0,
    };
  }
  if (port === undefined) return undefined;
  const portAt = host.length + 1;
  if (port === '')
    return { reason: 'invalid-port', message: 'registry port after ":" is empty', offset: portAt };
  if (!/^[0-9]+$/.test(port)) {
    return {
      reason: 'invalid-port',
      message: `registry port must be a number, got ${JSON.stringify(port)}`,
      offset: portAt,
    };
  }
  return undefined;
}

/** Path components `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*` joined by `/`. */
export function pathProblem(path: string, at: number, writtenName: string): ReferenceProblem | undefined {
  let position = at;
  for (const part of path.split('/')) {
    const problem = componentProblem(part, position, writtenName);
    if (problem) return problem;
    position += part.length + 1;
  }
  return undefined;
}

function componentProblem(part: string, at: number, writtenName: string): ReferenceProblem | undefined {
  if (part === '') {
    return {
      reason: 'invalid-path',
      message: 'repository path has an empty component ("/" too many)',
      offset: at,
    };
  }
  const upper = part.search(/[A-Z]/);
  if (upper >= 0) {
    return {
      reason: 'uppercase-repository',
      message: `repository name must be lowercase: ${JSON.stringify(writtenName)}`,
      offset: at + upper,
    };
  }
  const bad = part.search(/[^a-z0-9._-]/);
  if (bad >= 0) {
    return {
      reason: 'invalid-path',
      message: `repository name contains ${JSON.stringify(part[bad])}; use lowercase letters, digits, ".", "_" and "-"`,
      offset: at + bad,
    };
  }
  if (!PATH_COMPONENT_REGEXP.test(part)) {
    return {
      reason: 'invalid-path',
      message:
        `path component ${JSON.stringify(part)} must start and end with a letter or digit, with one ".", ` +
        'one or two "_", or dashes between them',
      offset: at,
    };
  }
  return undefined;
}
