import { TrustError } from '../errors';
import type { Clock, HttpClient, HttpResponse } from '../io';
import type { Credential } from '../credentials/credential';
import { hostKey, isInsecureHost, isLoopbackHostname, type HostPolicy } from '../transport/hostPolicy';
import { basicAuthorization } from './credentialRouting';
import type { CachedToken } from './tokenCache';
import { isRecord } from '../transport/jsonValue';

const TOKEN_MAX_BYTES = 256 * 1024;
/** docker/distribution `minimumTokenLifetimeSeconds` (notary-v1.md §1.6 step 3). */
const MINIMUM_LIFETIME_SECONDS = 60;
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * Checks a realm from a `Bearer` challenge: it must be an absolute https URL without user info, or http
 * only when its host is loopback or explicitly insecure (notary-v1.md §7.2 item 15).
 */
export function validateRealm(realm: string, hostPolicy: HostPolicy): URL {
  let url: URL;
  try {
    url = new URL(realm);
  } catch (cause) {
    throw new TrustError('AUTH_CHALLENGE_INVALID', 'the token realm is not an absolute URL', { cause });
  }
  const details = { realmHost: hostKey(url) };
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    throw new TrustError('AUTH_CHALLENGE_INVALID', 'the token realm must not carry user info or a fragment', {
      details,
    });
  }
  const plainAllowed = isLoopbackHostname(url.hostname) || isInsecureHost(hostPolicy, url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainAllowed)) {
    throw new TrustError('AUTH_CHALLENGE_INVALID', `the token realm on ${details.realmHost} is not https`, {
      details,
    });
  }
  return url;
}

function failureFor(response: HttpResponse, realmHost: string): TrustError {
  const details = { realmHost, status: response.status };
  if (response.status >= 300 && response.status < 400) {
    return new TrustError(
      'REDIRECT_REFUSED',
      `the token realm ${realmHost} redirected; redirects are not followed`,
      { details },
    );
  }
  if (response.status === 401 || response.status === 403) {
    return new TrustError(
      'UNAUTHORIZED',
      `the token realm ${realmHost} refused the credentials (${response.status})`,
      { details },
    );
  }
  if (response.status >= 500) {
    return new TrustError('SERVER_ERROR', `the token realm ${realmHost} failed (${response.status})`, {
      details,
    });
  }
  return new TrustError(
    'AUTH_CHALLENGE_INVALID',
    `the token realm ${realmHost} answered ${response.status}`,
    { details },
  );
}

/** Reads `{"token"|"access_token", "expires_in", "issued_at"}`; `access_token` wins, as in Docker. */
function parseTokenResponse(body: Uint8Array, clock: Clock, realmHost: string): CachedToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (cause) {
    throw new TrustError('AUTH_CHALLENGE_INVALID', `the token realm ${realmHost} did not answer JSON`, {
      cause,
      details: { realmHost },
    });
  }
  if (!isRecord(parsed)) {
    throw new TrustError(
      'AUTH_CHALLENGE_INVALID',
      `the token realm ${realmHost} did not answer a JSON object`,
      { details: { realmHost } },
    );
  }
  const token = [parsed.access_token, parsed.token].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (token === undefined || !HEADER_SAFE.test(token)) {
    throw new TrustError('AUTH_CHALLENGE_INVALID', `the token realm ${realmHost} returned no usable token`, {
      details: { realmHost },
    });
  }
  const expiresIn =
    typeof parsed.expires_in === 'number' && Number.isFinite(parsed.expires_in)
      ? Math.max(parsed.expires_in, MINIMUM_LIFETIME_SECONDS)
      : MINIMUM_LIFETIME_SECONDS;
  const issuedAt = typeof parsed.issued_at === 'string' ? Date.parse(parsed.issued_at) : Number.NaN;
  const start = Number.isNaN(issuedAt) ? clock.now().getTime() : issuedAt;
  return { token, expiresAt: start + expiresIn * 1000 };
}

export interface TokenRequest {
  readonly realm: URL;
  readonly service: string | undefined;
  readonly scope: string;
  readonly credential: Credential | undefined;
  readonly timeoutMs?: number;
}

/**
 * Fetches a Bearer token (notary-v1.md §1.6 step 3): `GET realm?service=&scope=[&account=]` with Basic
 * credentials when there are any, or with an identity token `POST realm` as an OAuth2 refresh-token grant.
 */
export async function fetchToken(
  http: HttpClient,
  clock: Clock,
  request: TokenRequest,
): Promise<CachedToken> {
  const url = new URL(request.realm.href);
  const realmHost = hostKey(url);
  const base = {
    maxBytes: TOKEN_MAX_BYTES,
    ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
  };
  let response: HttpResponse;
  if (request.credential?.kind === 'identityToken') {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: request.credential.identityToken,
      client_id: 'image-trust',
      scope: request.scope,
      ...(request.service === undefined ? {} : { service: request.service }),
    });
    response = await http.request({
      ...base,
      url,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: Buffer.from(form.toString(), 'utf8'),
    });
  } else {
    if (request.service !== undefined) url.searchParams.set('service', request.service);
    url.searchParams.set('scope', request.scope);
    const authorization =
      request.credential === undefined ? undefined : basicAuthorization(request.credential);
    if (request.credential !== undefined) url.searchParams.set('account', request.credential.username);
    response = await http.request({
      ...base,
      url,
      method: 'GET',
      headers: { accept: 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    });
  }
  if (response.status !== 200) throw failureFor(response, realmHost);
  return parseTokenResponse(response.body, clock, realmHost);
}
