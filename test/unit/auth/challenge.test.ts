import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWwwAuthenticate } from '../../../server/src/trust/auth/challenge';

test('when notary-server challenges → it reads realm, service and scope (notary-v1.md §1.6)', () => {
  const header =
    'Bearer realm="http://127.0.0.1:47445/token",service="notary-test",scope="repository:docker.io/library/alpine:pull"';
  assert.deepEqual(parseWwwAuthenticate(header), [
    {
      scheme: 'bearer',
      params: {
        realm: 'http://127.0.0.1:47445/token',
        service: 'notary-test',
        scope: 'repository:docker.io/library/alpine:pull',
      },
    },
  ]);
});

test('when one header holds Bearer and Basic → it returns both challenges in order', () => {
  const parsed = parseWwwAuthenticate('Bearer realm="https://a/token", service="s,1", Basic realm="lab"');
  assert.deepEqual(parsed, [
    { scheme: 'bearer', params: { realm: 'https://a/token', service: 's,1' } },
    { scheme: 'basic', params: { realm: 'lab' } },
  ]);
});

test('when values are tokens, quoted with escapes, or names are upper case → it normalises names only', () => {
  assert.deepEqual(parseWwwAuthenticate('BASIC Realm=lab, charset="UTF-8"'), [
    { scheme: 'basic', params: { realm: 'lab', charset: 'UTF-8' } },
  ]);
  assert.deepEqual(parseWwwAuthenticate('Bearer realm="a\\"b",error="invalid_token"'), [
    { scheme: 'bearer', params: { realm: 'a"b', error: 'invalid_token' } },
  ]);
});

test('when a scheme carries a token68 or nothing → it keeps the scheme and parses the next challenge', () => {
  assert.deepEqual(
    parseWwwAuthenticate('Negotiate abc==, Basic realm="x"').map((c) => c.scheme),
    ['negotiate', 'basic'],
  );
  assert.deepEqual(parseWwwAuthenticate('Basic'), [{ scheme: 'basic', params: {} }]);
});

test('when a quoted value is unterminated → it drops that parameter instead of guessing', () => {
  assert.deepEqual(parseWwwAuthenticate('Bearer service="x",realm="https://a/tok'), [
    { scheme: 'bearer', params: { service: 'x' } },
  ]);
});

test('when the header is empty → it returns no challenge', () => {
  assert.deepEqual(parseWwwAuthenticate(''), []);
});
