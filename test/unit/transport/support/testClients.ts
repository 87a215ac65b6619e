import { readFile } from 'node:fs/promises';
import {
  createAuthenticator,
  type Authenticator,
  type AuthenticatorOptions,
} from '../../../../server/src/trust/auth/authenticator';
import { NO_CREDENTIALS } from '../../../../server/src/trust/credentials/credential';
import { EMPTY_HOST_POLICY, type HostPolicy } from '../../../../server/src/trust/transport/hostPolicy';
import type { ProxySettings } from '../../../../server/src/trust/transport/proxy';
import {
  createUndiciHttpClient,
  type ClosableHttpClient,
} from '../../../../server/src/trust/transport/undiciHttpClient';

/** The production undici client with short test deadlines; close it in `after`. */
export function testHttpClient(
  hostPolicy: HostPolicy = EMPTY_HOST_POLICY,
  proxy: ProxySettings = {},
): ClosableHttpClient {
  return createUndiciHttpClient({
    hostPolicy,
    proxy,
    readFile: (path) => readFile(path),
    connectTimeoutMs: 2_000,
    defaultTimeoutMs: 5_000,
    userAgent: 'image-trust-test/1',
  });
}

/** An authenticator with no credentials, the system clock and no special hosts unless overridden. */
export function testAuthenticator(overrides: Partial<AuthenticatorOptions> = {}): Authenticator {
  return createAuthenticator({
    credentials: NO_CREDENTIALS,
    clock: { now: () => new Date() },
    hostPolicy: EMPTY_HOST_POLICY,
    credentialDelegation: {},
    ...overrides,
  });
}
