import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CertPair } from '../../../../scripts/lab/certs';
import {
  sendJson,
  startLoopbackServer,
  type LoopbackServer,
} from '../../../unit/transport/support/loopbackServer';

export interface TokenIssuerOptions {
  /** Signs tokens; its certificate goes into `x5c` and must chain to notary-server's rootcertbundle. */
  readonly signer: CertPair;
  /** TLS certificate of the issuer itself (127.0.0.1 / localhost). */
  readonly tls: CertPair;
  readonly issuer: string;
  readonly service: string;
  /** When set, a token is issued only with this Basic user:password; otherwise anonymously too. */
  readonly requireBasic?: { readonly user: string; readonly pass: string };
}

export interface TokenIssuer extends LoopbackServer {
  readonly realm: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function pemBodyToBase64(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

/**
 * The token server double that notary-server's `auth.type: token` needs (allowed by helper-rules.md:
 * Debian ships none). It issues the JWT notary-v1.md §1.6 describes: ES256 JWS with `x5c`, claims
 * iss/sub/aud/exp/nbf/iat/jti and `access` for the scope asked, signature raw r‖s.
 */
export async function startTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const signingKey = createPrivateKey(await readFile(options.signer.keyPath));
  const x5c = pemBodyToBase64(await readFile(options.signer.certPath, 'utf8'));
  const tls = {
    cert: await readFile(options.tls.certPath, 'utf8'),
    key: await readFile(options.tls.keyPath, 'utf8'),
  };
  const expected =
    options.requireBasic === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.requireBasic.user}:${options.requireBasic.pass}`).toString('base64')}`;

  const server = await startLoopbackServer((request, response) => {
    const url = new URL(request.url ?? '/', 'https://issuer');
    if (url.pathname !== '/token') return sendJson(response, 404, {});
    if (expected !== undefined && request.headers.authorization !== expected)
      return sendJson(response, 401, { details: 'bad credentials' });
    const scope = url.searchParams.get('scope') ?? '';
    // `repository:<gun>:pull`, `repository:<gun>:push,pull`, `registry:catalog:*` (notary-v1.md §1.6).
    const match = /^(repository|registry):(.+):([a-z*,]+)$/.exec(scope);
    const access = match ? [{ type: match[1], name: match[2], actions: (match[3] ?? '').split(',') }] : [];
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [x5c] }));
    const claims = b64url(
      JSON.stringify({
        iss: options.issuer,
        sub: url.searchParams.get('account') ?? '',
        aud: options.service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), {
      key: signingKey,
      dsaEncoding: 'ieee-p1363',
    });
    sendJson(response, 200, {
      token: `${header}.${claims}.${b64url(signature)}`,
      expires_in: 300,
      issued_at: new Date(now * 1000).toISOString(),
    });
  }, tls);
  return { ...server, realm: `${server.origin}/token`, close: () => server.close() };
}
