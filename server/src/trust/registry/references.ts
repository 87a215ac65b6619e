import { RegistryError } from './registryError';

// distribution/reference grammar: path components joined by "/", tags, and digests.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Checks a repository name (without the registry host) before it goes into a URL path. */
export function checkRepository(repository: string): void {
  if (repository.length > 255 || !REPOSITORY.test(repository)) {
    throw new RegistryError('INVALID_REFERENCE', `"${repository}" is not a valid repository name`, {
      details: { repository },
    });
  }
}

/** A tag or a digest; returns whether it is a digest. */
export function checkTagOrDigest(reference: string): 'tag' | 'digest' {
  if (TAG.test(reference)) return 'tag';
  if (DIGEST.test(reference)) return 'digest';
  throw new RegistryError('INVALID_REFERENCE', `"${reference}" is neither a tag nor a digest`, {
    details: { reference },
  });
}

export function isSha256Digest(value: string): boolean {
  return SHA256_DIGEST.test(value);
}
