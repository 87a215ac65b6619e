import {
  digestProblem,
  domainProblem,
  pathProblem,
  tagProblem,
  type ReferenceProblem,
} from './diagnoseParts';
import type { NormalizedNamedFailure } from './parseNormalizedNamed';
import { LOCALHOST, NAME_TOTAL_LENGTH_MAX } from './referenceGrammar';
import { splitDockerDomain } from './splitDockerDomain';
import { splitWrittenParts, type WrittenParts } from './writtenParts';

/**
 * Explains why `parseNormalizedNamed` refused a string. Acceptance is decided by the faithful port;
 * this walk only finds the first part to blame (digest, tag, registry host, path) and where it is.
 */
export function diagnoseReference(text: string, failure: NormalizedNamedFailure): ReferenceProblem {
  if (failure === 'identifier') {
    return {
      reason: 'invalid-format',
      message: `a bare 64-hex identifier is not an image name: ${JSON.stringify(text)}`,
      offset: 0,
    };
  }
  if (failure === 'too-long-input') {
    return {
      reason: 'name-too-long',
      message: `image reference is ${text.length} characters long; a repository path may have at most ${NAME_TOTAL_LENGTH_MAX}`,
      offset: 0,
    };
  }
  const parts = splitWrittenParts(text);
  if (failure === 'name-too-long') {
    const length = splitDockerDomain(parts.repo).remainder.length;
    return {
      reason: 'name-too-long',
      message: `repository path is ${length} characters long; at most ${NAME_TOTAL_LENGTH_MAX} are allowed`,
      offset: 0,
    };
  }
  return structuralProblem(parts) ?? fallbackProblem(text, failure);
}

function structuralProblem(parts: WrittenParts): ReferenceProblem | undefined {
  if (parts.digest !== undefined) {
    const problem = digestProblem(parts.digest, parts.digestAt);
    if (problem) return problem;
  }
  if (parts.tag !== undefined) {
    const problem = tagProblem(parts.tag, parts.tagAt);
    if (problem) return problem;
  }
  const slash = parts.repo.indexOf('/');
  const first = slash >= 0 ? parts.repo.slice(0, slash) : '';
  // Same test as splitDockerDomain, except that a capitalised first component is blamed as a path.
  if (slash >= 0 && (first === LOCALHOST || /[.:]/.test(first))) {
    const problem = domainProblem(first);
    if (problem) return problem;
    return pathProblem(parts.repo.slice(slash + 1), slash + 1, parts.repo);
  }
  return pathProblem(parts.repo, 0, parts.repo);
}

function fallbackProblem(text: string, failure: NormalizedNamedFailure): ReferenceProblem {
  if (failure === 'uppercase') {
    return {
      reason: 'uppercase-repository',
      message: `repository name must be lowercase: ${JSON.stringify(text)}`,
    };
  }
  if (failure === 'digest') {
    return {
      reason: 'invalid-digest',
      message: `digest is not a valid sha256, sha384 or sha512 digest: ${JSON.stringify(text)}`,
    };
  }
  return { reason: 'invalid-format', message: `not a valid image reference: ${JSON.stringify(text)}` };
}
