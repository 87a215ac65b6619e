/**
 * A registry credential as Docker stores it. Values are secrets: they are only ever placed in an
 * `Authorization` header or a token request body, never in errors, details or logs.
 */
export type Credential =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  /** Docker's `identitytoken` (an OAuth2 refresh token), exchanged at the token realm by POST. */
  | { readonly kind: 'identityToken'; readonly username: string; readonly identityToken: string };

/** Looks up the credential for a registry host (`host[:port]`, Docker Hub aliases accepted). */
export interface CredentialStore {
  get(registryHost: string): Promise<Credential | undefined>;
}

export const NO_CREDENTIALS: CredentialStore = {
  get: () => Promise.resolve(undefined),
};
