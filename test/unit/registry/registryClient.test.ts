import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRegistryClient } from '../../../server/src/trust/registry/registryClient';
import { RegistryError, type RegistryErrorCode } from '../../../server/src/trust/registry/registryError';
import { MANIFEST_MEDIA_TYPES } from '../../../server/src/trust/registry/mediaTypes';
import { TrustError } from '../../../server/src/trust/errors';
import { testHttpClient } from '../transport/support/testClients';
import { sendJson, startLoopbackServer, type LoopbackServer } from '../transport/support/loopbackServer';

const MANIFEST = Buffer.from(
  '{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json"}',
);
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const ALL_TAGS = ['1.0', '1.1', '2.0', 'latest', 'zeta'];

function registryError(code: RegistryErrorCode): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof RegistryError, `expected RegistryError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  };
}

describe('registry client against a loopback registry double', () => {
  let server: LoopbackServer;
  const http = testHttpClient();

  before(async () => {
    server = await startLoopbackServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const path = url.pathname;
      if (path === '/v2/ns/with-header/manifests/latest') {
        response.writeHead(200, {
          'docker-content-digest': DIGEST,
          'content-type': `${V2}; charset=utf-8`,
          'content-length': MANIFEST.length,
        });
        response.end(request.method === 'HEAD' ? undefined : MANIFEST);
        return;
      }
      if (path === '/v2/ns/no-header/manifests/latest') {
        response.writeHead(200, { 'content-type': V2 }).end(request.method === 'HEAD' ? undefined : MANIFEST);
        return;
      }
      if (path === '/v2/ns/lying/manifests/latest') {
        const wrong = `sha256:${'0'.repeat(64)}`;
        response
          .writeHead(200, request.method === 'HEAD' ? {} : { 'docker-content-digest': wrong })
          .end(request.method === 'HEAD' ? undefined : MANIFEST);
        return;
      }
      if (path === '/v2/ns/huge/manifests/latest') {
        response
          .writeHead(200)
          .end(request.method === 'HEAD' ? undefined : Buffer.alloc(5 * 1024 * 1024, 32));
        return;
      }
      if (path === '/v2/ns/app/manifests/nope') {
        return sendJson(response, 404, {
          errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: 'nope' } }],
        });
      }
      if (path === '/v2/ns/missing/manifests/latest') {
        return sendJson(response, 404, {
          errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }],
        });
      }
      if (path === '/v2/ns/denied/manifests/latest') {
        return sendJson(response, 403, {
          errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
        });
      }
      if (path === '/v2/ns/limited/manifests/latest') {
        return sendJson(response, 429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] });
      }
      if (path === '/v2/ns/broken/manifests/latest') {
        response.writeHead(503).end('<html>oops</html>');
        return;
      }
      if (path === '/v2/ns/paged/tags/list') {
        const n = Number(url.searchParams.get('n'));
        const last = url.searchParams.get('last');
        const start = last === null ? 0 : ALL_TAGS.indexOf(last) + 1;
        const page = ALL_TAGS.slice(start, start + n);
        const more = start + n < ALL_TAGS.length;
        const link: Record<string, string> = more
          ? { link: `</v2/ns/paged/tags/list?last=${page.at(-1) ?? ''}&n=${n}>; rel="next"` }
          : {};
        return sendJson(response, 200, { name: 'ns/paged', tags: page }, link);
      }
      if (path === '/v2/ns/empty/tags/list') return sendJson(response, 200, { name: 'ns/empty', tags: null });
      if (path === '/v2/ns/escape/tags/list') {
        return sendJson(
          response,
          200,
          { name: 'ns/escape', tags: ['a'] },
          { link: '<http://localhost:1/v2/x/tags/list>; rel="next"' },
        );
      }
      response.writeHead(404).end();
    });
  });

  after(async () => {
    await http.close();
    await server.close();
  });

  const client = (limits = {}) => createRegistryClient({ http, baseUrl: server.origin, limits });

  test('when HEAD carries Docker-Content-Digest → it returns it with media type and size and sends every manifest Accept type', async () => {
    server.requests.length = 0;
    const result = await client().resolveDigest('ns/with-header', 'latest');
    assert.deepEqual(result, { digest: DIGEST, mediaType: V2, size: MANIFEST.length, source: 'header' });
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.method, 'HEAD');
    const accept = String(server.requests[0]?.headers.accept).split(/,\s*/);
    assert.deepEqual([...accept].sort(), [...MANIFEST_MEDIA_TYPES].sort());
  });

  test('when the digest header is missing → it GETs the manifest and hashes the exact bytes', async () => {
    server.requests.length = 0;
    const result = await client().resolveDigest('ns/no-header', 'latest');
    assert.deepEqual(result, { digest: DIGEST, mediaType: V2, size: MANIFEST.length, source: 'body' });
    assert.deepEqual(
      server.requests.map((request) => request.method),
      ['HEAD', 'GET'],
    );
  });

  test('when the GET digest header disagrees with the body → it fails with MALFORMED_RESPONSE', async () => {
    await assert.rejects(client().resolveDigest('ns/lying', 'latest'), registryError('MALFORMED_RESPONSE'));
  });

  test('when the manifest is over the cap → it fails with OVERSIZE', async () => {
    await assert.rejects(
      client().resolveDigest('ns/huge', 'latest'),
      (error) => error instanceof TrustError && error.code === 'OVERSIZE',
    );
  });

  test('when the registry reports JSON errors → it maps them to RegistryError codes with the registry message', async () => {
    await assert.rejects(client().resolveDigest('ns/app', 'nope'), (error) => {
      registryError('MANIFEST_UNKNOWN')(error);
      assert.equal((error as RegistryError).details.registryMessage, 'manifest unknown');
      assert.equal((error as RegistryError).details.status, 404);
      return true;
    });
    await assert.rejects(client().resolveDigest('ns/missing', 'latest'), registryError('NAME_UNKNOWN'));
    await assert.rejects(client().resolveDigest('ns/denied', 'latest'), registryError('DENIED'));
    await assert.rejects(client().resolveDigest('ns/limited', 'latest'), registryError('TOOMANYREQUESTS'));
    await assert.rejects(client().resolveDigest('ns/broken', 'latest'), registryError('SERVER_ERROR'));
  });

  test('when the repository or tag is not a valid reference → it fails with INVALID_REFERENCE and sends nothing', async () => {
    server.requests.length = 0;
    await assert.rejects(client().resolveDigest('ns/../x', 'latest'), registryError('INVALID_REFERENCE'));
    await assert.rejects(client().resolveDigest('ns/app', 'la?test'), registryError('INVALID_REFERENCE'));
    await assert.rejects(client().listTags('NS/Upper'), registryError('INVALID_REFERENCE'));
    assert.equal(server.requests.length, 0);
  });

  test('when tags span pages → it follows Link rel="next" with n and last and returns every tag in order', async () => {
    server.requests.length = 0;
    const result = await client({ tagPageSize: 2 }).listTags('ns/paged');
    assert.deepEqual(result, { tags: ALL_TAGS, truncated: false });
    assert.deepEqual(
      server.requests.map((request) => request.url),
      [
        '/v2/ns/paged/tags/list?n=2',
        '/v2/ns/paged/tags/list?last=1.1&n=2',
        '/v2/ns/paged/tags/list?last=latest&n=2',
      ],
    );
  });

  test('when the page cap is reached → it stops and says the list is truncated', async () => {
    const result = await client({ tagPageSize: 2, maxTagPages: 2 }).listTags('ns/paged');
    assert.deepEqual(result, { tags: ALL_TAGS.slice(0, 4), truncated: true });
  });

  test('when tags is null → it returns an empty list', async () => {
    assert.deepEqual(await client().listTags('ns/empty'), { tags: [], truncated: false });
  });

  test('when Link points to another origin → it fails with MALFORMED_RESPONSE instead of following', async () => {
    await assert.rejects(client().listTags('ns/escape'), registryError('MALFORMED_RESPONSE'));
  });
});
