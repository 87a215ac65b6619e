import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createNotaryFetcher } from '../../../server/src/trust/registry/notaryFetcher';
import { TrustError, type TrustErrorCode } from '../../../server/src/trust/errors';
import { testHttpClient } from '../transport/support/testClients';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../transport/support/loopbackServer';

function trustError(code: TrustErrorCode): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof TrustError, `expected TrustError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  };
}

describe('Notary metadata fetcher against a loopback server', () => {
  let server: LoopbackServer;
  let elsewhere: LoopbackServer;
  const http = testHttpClient();

  before(async () => {
    elsewhere = await startLoopbackServer((_request, response) => void response.writeHead(200).end('{}'));
    server = await startLoopbackServer((request, response) => {
      switch (request.url) {
        case '/v2/127.0.0.1:5000/ns/app/_trust/tuf/targets/releases.json':
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('{"signed":{}}');
          return;
        case '/v2/127.0.0.1:5000/ns/app/_trust/tuf/root.json':
          return sendJson(response, 404, {
            errors: [{ code: 'METADATA_NOT_FOUND', message: 'x', detail: {} }],
          });
        case '/v2/127.0.0.1:5000/ns/app/_trust/tuf/timestamp.json':
          response.writeHead(503).end();
          return;
        case '/v2/127.0.0.1:5000/ns/app/_trust/tuf/snapshot.json':
          response.writeHead(301, { location: `${elsewhere.origin}/snapshot.json` }).end();
          return;
        case '/v2/127.0.0.1:5000/ns/app/_trust/tuf/2.root.json':
          response.writeHead(401, { 'www-authenticate': 'Bearer realm="https://auth.example/token"' }).end();
          return;
        default:
          response.writeHead(500).end();
      }
    });
  });

  after(async () => {
    await http.close();
    await server.close();
    await elsewhere.close();
  });

  const fetcher = () => createNotaryFetcher({ http, baseUrl: `${server.origin}/` });
  const gun = '127.0.0.1:5000/ns/app';

  test('when the file exists → it GETs /v2/<gun>/_trust/tuf/<file> and returns the exact bytes', async () => {
    const bytes = await fetcher().fetchMetadata({ gun, file: 'targets/releases.json', maxBytes: 1000 });
    assert.equal(Buffer.from(bytes ?? []).toString(), '{"signed":{}}');
  });

  test('when the file is 404 → it returns undefined', async () => {
    assert.equal(await fetcher().fetchMetadata({ gun, file: 'root.json', maxBytes: 1000 }), undefined);
  });

  test('when the server fails with 5xx → it fails with SERVER_ERROR', async () => {
    await assert.rejects(
      fetcher().fetchMetadata({ gun, file: 'timestamp.json', maxBytes: 1000 }),
      trustError('SERVER_ERROR'),
    );
  });

  test('when the server redirects → it fails with REDIRECT_REFUSED and the target is never contacted', async () => {
    await assert.rejects(
      fetcher().fetchMetadata({ gun, file: 'snapshot.json', maxBytes: 1000 }),
      trustError('REDIRECT_REFUSED'),
    );
    assert.equal(elsewhere.requests.length, 0);
  });

  test('when there is no authenticator and the server wants auth → it fails with UNAUTHORIZED', async () => {
    await assert.rejects(
      fetcher().fetchMetadata({ gun, file: '2.root.json', maxBytes: 1000 }),
      trustError('UNAUTHORIZED'),
    );
  });

  test('when the body length differs from exactLength → it fails with LENGTH_MISMATCH', async () => {
    await assert.rejects(
      fetcher().fetchMetadata({ gun, file: 'targets/releases.json', maxBytes: 1000, exactLength: 14 }),
      trustError('LENGTH_MISMATCH'),
    );
  });

  test('when asked for a *.key route or a traversing file → it refuses without any request (keys would be created)', async () => {
    server.requests.length = 0;
    for (const file of [
      'timestamp.key',
      'snapshot.key',
      '../root.json',
      'targets/../../x.json',
      'root.json?x=1',
      'ROOT.json',
    ]) {
      await assert.rejects(
        fetcher().fetchMetadata({ gun, file, maxBytes: 1000 }),
        trustError('INVALID_ROLE_NAME'),
      );
    }
    for (const badGun of ['a/*', 'a/../b', 'a b/c', 'a/b?x', 'a/b#c', '']) {
      await assert.rejects(
        fetcher().fetchMetadata({ gun: badGun, file: 'root.json', maxBytes: 1000 }),
        trustError('CONFIGURATION'),
      );
    }
    assert.equal(server.requests.length, 0);
  });

  test('when the file is versioned or consistent → it is accepted', async () => {
    server.requests.length = 0;
    await assert.rejects(
      fetcher().fetchMetadata({ gun, file: `snapshot.${'a'.repeat(64)}.json`, maxBytes: 1000 }),
      trustError('SERVER_ERROR'),
    );
    assert.equal(server.requests[0]?.url, `/v2/${gun}/_trust/tuf/snapshot.${'a'.repeat(64)}.json`);
  });
});
