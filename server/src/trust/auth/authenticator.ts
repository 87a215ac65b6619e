import { TrustError } from '../errors';
import type { Clock, HttpClient, HttpRequest, HttpResponse } from '../io';
import type { CredentialStore } from '../credentials/credential';
import { hostKey } from '../transport/hostPolicy';
import { parseWwwAuthenticate, type AuthChallenge } from './challenge';
import { basicAuthorization, credentialFor, type CredentialRoutingOptions } from './credentialRouting';
import { TokenCache } from './tokenCache';
import { fetchToken, validateRealm } from './tokenClient';

export interface AuthContext {
  /** The repository whose pull scope is asked for: the GUN for Notary, the name for a registry. */
  readonly repository: string;
  /**
   * The host whose credentials apply (`host[:port]`). Defaults to the request's host. Docker uses the
   * image registry's credentials for its Notary server (notary-v1.md §1.6 step 4).
   */
  readonly credentialHost?: string;
}

/** Adds registry-style auth (Bearer token or Basic) to requests made with any `HttpClient`. */
export interface Authenticator {
  /**
   * Sends `request`; on a 401 with a usable challenge, authenticates and retries once. Returns the final
   * response: a 401/403 after that means the credentials were not good enough (callers map it to
   * UNAUTHORIZED). Throws TrustError AUTH_CHALLENGE_INVALID for an unusable challenge or realm, and the
   * token realm's failures (UNAUTHORIZED, REDIRECT_REFUSED, SERVER_ERROR, transport codes).
   */
  send(http: HttpClient, request: HttpRequest, context: AuthContext): Promise<HttpResponse>;
}

export interface AuthenticatorOptions extends CredentialRoutingOptions {
  readonly credentials: CredentialStore;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

type Scheme = { kind: 'bearer'; realm: URL; service: string | undefined } | { kind: 'basic' };

/** Bearer first, then Basic, as Docker registers its token and basic handlers. */
function chooseScheme(
  challenges: readonly AuthChallenge[],
  options: AuthenticatorOptions,
): Scheme | undefined {
  const bearer = challenges.find((challenge) => challenge.scheme === 'bearer');
  if (bearer !== undefined) {
    const realm = bearer.params.realm;
    if (realm === undefined || realm === '') {
      throw new TrustError('AUTH_CHALLENGE_INVALID', 'the Bearer challenge has no realm');
    }
    return {
      kind: 'bearer',
      realm: validateRealm(realm, options.hostPolicy),
      service: bearer.params.service,
    };
  }
  return challenges.some((challenge) => challenge.scheme === 'basic') ? { kind: 'basic' } : undefined;
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const tokens = new TokenCache(options.clock);
  /** The last challenge seen per origin, so later requests authenticate up front. */
  const schemes = new Map<string, Scheme>();
  const inFlight = new Map<string, Promise<string>>();

  async function authorization(
    http: HttpClient,
    scheme: Scheme,
    request: HttpRequest,
    context: AuthContext,
    fresh: boolean,
  ): Promise<string | undefined> {
    const credentialHost = context.credentialHost ?? hostKey(request.url);
    if (scheme.kind === 'basic') {
      const credential = await credentialFor(request.url, credentialHost, options.credentials, options);
      return credential === undefined ? undefined : basicAuthorization(credential);
    }
    const scope = `repository:${context.repository}:pull`;
    const key = TokenCache.key({
      realm: scheme.realm.href,
      service: scheme.service ?? '',
      scope,
      credentialHost,
    });
    if (fresh) tokens.delete(key);
    const cached = tokens.get(key);
    if (cached !== undefined) return `Bearer ${cached}`;
    // Parallel fetches (the verifier loads several roles at once) share one token request.
    let pending = inFlight.get(key);
    if (pending === undefined) {
      pending = (async () => {
        const credential = await credentialFor(scheme.realm, credentialHost, options.credentials, options);
        const token = await fetchToken(http, options.clock, {
          realm: scheme.realm,
          service: scheme.service,
          scope,
          credential,
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        });
        tokens.set(key, token);
        return token.token;
      })().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return `Bearer ${await pending}`;
  }

  function withAuthorization(request: HttpRequest, value: string | undefined): HttpRequest {
    if (value === undefined) return request;
    return { ...request, headers: { ...request.headers, authorization: value } };
  }

  return {
    async send(http, request, context) {
      const origin = request.url.origin;
      const known = schemes.get(origin);
      const first =
        known === undefined ? undefined : await authorization(http, known, request, context, false);
      const response = await http.request(withAuthorization(request, first));
      if (response.status !== 401) return response;
      const header = response.headers['www-authenticate'];
      if (header === undefined) return response;
      const scheme = chooseScheme(parseWwwAuthenticate(header), options);
      if (scheme === undefined) {
        throw new TrustError(
          'AUTH_CHALLENGE_INVALID',
          `no supported auth scheme in the challenge of ${hostKey(request.url)}`,
          {
            details: { host: hostKey(request.url) },
          },
        );
      }
      schemes.set(origin, scheme);
      const retry = await authorization(http, scheme, request, context, first !== undefined);
      if (retry === undefined) return response;
      return http.request(withAuthorization(request, retry));
    },
  };
}
