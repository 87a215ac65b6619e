import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextLink } from '../../../server/src/trust/registry/linkHeader';
import { parseErrorBody, registryErrorFor } from '../../../server/src/trust/registry/errorBody';

const page = new URL('https://registry.example/v2/ns/app/tags/list?n=2');

test('when Link has a relative next → it resolves against the page URL', () => {
  assert.equal(
    nextLink('</v2/ns/app/tags/list?last=b&n=2>; rel="next"', page)?.href,
    'https://registry.example/v2/ns/app/tags/list?last=b&n=2',
  );
});

test('when Link lists several relations → it picks the one whose rel includes next', () => {
  const header =
    '<https://registry.example/prev>; rel="prev", <https://registry.example/v2/n?last=c>; rel=next';
  assert.equal(nextLink(header, page)?.href, 'https://registry.example/v2/n?last=c');
  assert.equal(nextLink('<https://registry.example/a>; rel="prev"', page), undefined);
  assert.equal(nextLink(undefined, page), undefined);
});

test('when the error body is distribution JSON → it reads code and message; garbage → no entries', () => {
  const body = Buffer.from(
    '{"errors":[{"code":"name_unknown","message":"repository name not known"},{"x":1}]}',
  );
  assert.deepEqual(parseErrorBody(body), [{ code: 'NAME_UNKNOWN', message: 'repository name not known' }]);
  assert.deepEqual(parseErrorBody(Buffer.from('<html>')), []);
});

test('when the code is unknown → the status decides (401 UNAUTHORIZED, 302 REDIRECT_REFUSED, 500 SERVER_ERROR)', () => {
  const unknown = Buffer.from('{"errors":[{"code":"SOMETHING_NEW","message":"m"}]}');
  assert.equal(registryErrorFor({ status: 401, headers: {}, body: unknown }, {}).code, 'UNAUTHORIZED');
  assert.equal(
    registryErrorFor({ status: 302, headers: {}, body: new Uint8Array() }, {}).code,
    'REDIRECT_REFUSED',
  );
  assert.equal(registryErrorFor({ status: 500, headers: {}, body: unknown }, {}).code, 'SERVER_ERROR');
});
