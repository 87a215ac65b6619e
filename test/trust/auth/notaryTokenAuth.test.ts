import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCa, makeLeaf, type CertPair } from '../../../scripts/lab/certs';
import { run } from '../../../scripts/lab/exec';
import { startNotaryServer, type NotaryServerHandle } from '../../../scripts/lab/notaryServer';
import {
  createTrustTransport,
  type TrustTransport,
} from '../../../server/src/trust/transport/trustTransport';
import { createNotaryFetcher } from '../../../server/src/trust/registry/notaryFetcher';
import { TrustError } from '../../../server/src/trust/errors';
import { startTokenIssuer, type TokenIssuer } from './support/tokenIssuer';

const SERVICE = 'notary-test';
const ISSUER = 'image-trust-test-issuer';
const GUN = '127.0.0.1:5443/ns/private';
const b64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * The real notary-server 0.7.0 with `auth.type: token` (notary-v1.md §1.6, §6.2) and a token issuer
 * double on loopback. The server is started here and stopped in `after`.
 */
describe('Notary fetcher: Bearer token flow against the real notary-server', { timeout: 120_000 }, () => {
  let dir = '';
  let ca: CertPair;
  let notary: NotaryServerHandle | undefined;
  let issuer: TokenIssuer | undefined;
  let rogueIssuer: TokenIssuer | undefined;
  let rootBytes = '';
  const transports: TrustTransport[] = [];

  async function transport(auths: Record<string, unknown> = {}): Promise<TrustTransport> {
    const configDir = await mkdtemp(join(dir, 'docker-config-'));
    await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths }));
    const created = createTrustTransport({
      env: { DOCKER_CONFIG: configDir, PATH: '/nonexistent' },
      caFiles: { '127.0.0.1': ca.certPath },
      timeoutMs: 10_000,
    });
    transports.push(created);
    return created;
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'image-trust-notary-auth-'));
    ca = await makeCa(join(dir, 'ca'), 'Image Trust token test CA');
    const serverLeaf = await makeLeaf(ca, join(dir, 'tls'), 'notary');
    const signer = await makeLeaf(ca, join(dir, 'signer'), 'token-signer');
    const otherCa = await makeCa(join(dir, 'other-ca'), 'Not trusted by notary');
    const rogueSigner = await makeLeaf(otherCa, join(dir, 'rogue'), 'rogue-signer');
    issuer = await startTokenIssuer({
      signer,
      tls: serverLeaf,
      issuer: ISSUER,
      service: SERVICE,
      requireBasic: { user: 'labuser', pass: 'labpass' },
    });
    rogueIssuer = await startTokenIssuer({
      signer: rogueSigner,
      tls: serverLeaf,
      issuer: ISSUER,
      service: SERVICE,
    });
    notary = await startNotaryServer({
      dir,
      tls: true,
      certs: { ca, leaf: serverLeaf },
      name: 'notary-token-auth-test',
      auth: { realm: issuer.realm, service: SERVICE, issuer: ISSUER, rootcertbundle: ca.certPath },
    });
    // Publish one repository with the notary CLI through the same token flow (NOTARY_AUTH = Basic).
    const passphrase = 'image-trust-test-passphrase';
    await run(
      'notary',
      ['-d', join(dir, 'trust'), '-s', notary.url, '--tlscacert', ca.certPath, 'init', GUN, '-p'],
      {
        env: {
          NOTARY_AUTH: b64('labuser:labpass'),
          NOTARY_ROOT_PASSPHRASE: passphrase,
          NOTARY_TARGETS_PASSPHRASE: passphrase,
          NOTARY_SNAPSHOT_PASSPHRASE: passphrase,
        },
        timeoutMs: 60_000,
      },
    );
    rootBytes = await readFile(join(dir, 'trust', 'tuf', GUN, 'metadata', 'root.json'), 'utf8');
  });

  after(async () => {
    await Promise.allSettled(transports.map((created) => created.close()));
    await notary?.stop();
    await issuer?.close();
    await rogueIssuer?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  test('when the store has credentials for the realm host → the token is fetched with Basic and root.json comes back', async () => {
    if (!notary || !issuer) throw new Error('not started');
    issuer.requests.length = 0;
    const created = await transport({ [`127.0.0.1:${issuer.port}`]: { auth: b64('labuser:labpass') } });
    const bytes = await created
      .notaryFetcher(notary.url)
      .fetchMetadata({ gun: GUN, file: 'root.json', maxBytes: 1 << 20 });
    assert.equal(Buffer.from(bytes ?? []).toString('utf8'), rootBytes);
    const tokenRequest = new URL(issuer.requests[0]?.url ?? '', issuer.origin);
    assert.equal(tokenRequest.searchParams.get('service'), SERVICE);
    assert.equal(tokenRequest.searchParams.get('scope'), `repository:${GUN}:pull`);
    assert.equal(issuer.requests[0]?.headers.authorization, `Basic ${b64('labuser:labpass')}`);
  });

  test('when the token is cached → a second file needs no new token and a missing role is undefined', async () => {
    if (!notary || !issuer) throw new Error('not started');
    const created = await transport({ [`127.0.0.1:${issuer.port}`]: { auth: b64('labuser:labpass') } });
    const fetcher = created.notaryFetcher(notary.url);
    await fetcher.fetchMetadata({ gun: GUN, file: 'root.json', maxBytes: 1 << 20 });
    issuer.requests.length = 0;
    const timestamp = await fetcher.fetchMetadata({ gun: GUN, file: 'timestamp.json', maxBytes: 1 << 20 });
    assert.ok(timestamp !== undefined && timestamp.byteLength > 0);
    assert.equal(
      await fetcher.fetchMetadata({ gun: GUN, file: 'targets/releases.json', maxBytes: 1 << 20 }),
      undefined,
    );
    assert.equal(issuer.requests.length, 0);
  });

  test('when only the registry host has credentials and the realm is another host → the realm gets none and access is UNAUTHORIZED', async () => {
    if (!notary || !issuer) throw new Error('not started');
    issuer.requests.length = 0;
    const created = await transport({ '127.0.0.1:5443': { auth: b64('labuser:labpass') } });
    await assert.rejects(
      created.notaryFetcher(notary.url).fetchMetadata({ gun: GUN, file: 'root.json', maxBytes: 1 << 20 }),
      (error) => error instanceof TrustError && error.code === 'UNAUTHORIZED',
    );
    assert.ok(issuer.requests.length > 0);
    assert.ok(issuer.requests.every((request) => request.headers.authorization === undefined));
  });

  test('when the token is signed by a key notary-server does not trust → UNAUTHORIZED after auth', async () => {
    if (!notary || !rogueIssuer) throw new Error('not started');
    // The same server, but its challenge is answered with a token from the rogue issuer: route the
    // realm through a transport whose HTTP client rewrites the realm host to the rogue issuer.
    const created = await transport();
    const rogue = rogueIssuer;
    const http = {
      request: (request: Parameters<TrustTransport['http']['request']>[0]) => {
        const response = created.http.request(
          request.url.pathname === '/token'
            ? { ...request, url: new URL(`${rogue.origin}/token${request.url.search}`) }
            : request,
        );
        return response;
      },
    };
    const fetcher = createNotaryFetcher({ http, auth: created.auth, baseUrl: notary.url });
    await assert.rejects(
      fetcher.fetchMetadata({ gun: GUN, file: 'root.json', maxBytes: 1 << 20 }),
      (error) => error instanceof TrustError && error.code === 'UNAUTHORIZED',
    );
    assert.ok(rogue.requests.length > 0);
  });

  test('when no authenticator is given → the 401 is UNAUTHORIZED', async () => {
    if (!notary) throw new Error('not started');
    const created = await transport();
    const fetcher = createNotaryFetcher({ http: created.http, baseUrl: notary.url });
    await assert.rejects(
      fetcher.fetchMetadata({ gun: GUN, file: 'root.json', maxBytes: 1 << 20 }),
      (error) => error instanceof TrustError && error.code === 'UNAUTHORIZED',
    );
  });
});
