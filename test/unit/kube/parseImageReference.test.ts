import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageReference } from '../../../server/src/kube/parseImageReference';
import type { ImageReference, ImageReferenceError } from '../../../server/src/kube/imageReference';

const HEX = 'a1'.repeat(32);

function ok(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) assert.fail(`expected ${JSON.stringify(text)} to parse, got ${result.error.message}`);
  return result.ref;
}

function bad(text: string): ImageReferenceError {
  const result = parseImageReference(text);
  if (result.ok) assert.fail(`expected ${JSON.stringify(text)} to be refused`);
  return result.error;
}

const NORMALISATION: readonly [string, Partial<ImageReference>][] = [
  [
    'nginx',
    {
      name: 'docker.io/library/nginx',
      path: 'library/nginx',
      domain: 'docker.io',
      trustTag: 'latest',
      familiar: 'nginx',
    },
  ],
  ['org/app:1', { name: 'docker.io/org/app', tag: '1', trustTag: '1', familiar: 'org/app' }],
  [
    `icr.io/ns/app@sha256:${HEX}`,
    { name: 'icr.io/ns/app', digest: `sha256:${HEX}`, trustTag: 'latest', registryHost: 'icr.io' },
  ],
  [
    'de.icr.io:8080/namespace/name',
    {
      domain: 'de.icr.io',
      port: '8080',
      registryHost: 'de.icr.io:8080',
      name: 'de.icr.io:8080/namespace/name',
      trustTag: 'latest',
    },
  ],
  [
    `ubuntu:v1@sha256:${HEX}`,
    {
      name: 'docker.io/library/ubuntu',
      tag: 'v1',
      trustTag: 'v1',
      digest: `sha256:${HEX}`,
      writtenName: 'ubuntu',
    },
  ],
  [
    'index.docker.io/nginx',
    {
      name: 'docker.io/library/nginx',
      registryHost: 'docker.io',
      writtenName: 'index.docker.io/nginx',
      familiar: 'nginx',
    },
  ],
  ['index.docker.io/org/app:2', { name: 'docker.io/org/app', tag: '2' }],
  ['docker.io/nginx:1.25', { name: 'docker.io/library/nginx', tag: '1.25', familiar: 'nginx' }],
  ['localhost/app', { domain: 'localhost', name: 'localhost/app', path: 'app' }],
  [
    'localhost:5000/ns/app:dev',
    { domain: 'localhost', port: '5000', name: 'localhost:5000/ns/app', tag: 'dev' },
  ],
  ['127.0.0.1:5000/app', { domain: '127.0.0.1', port: '5000', name: '127.0.0.1:5000/app' }],
  [
    '[::1]:5000/app:1',
    { domain: '::1', port: '5000', registryHost: '[::1]:5000', name: '[::1]:5000/app', tag: '1' },
  ],
  ['[2001:db8::1]/app', { domain: '2001:db8::1', registryHost: '[2001:db8::1]', name: '[2001:db8::1]/app' }],
  ['registry:5000/app', { domain: 'registry', port: '5000', name: 'registry:5000/app' }],
  ['a/b/c/d', { name: 'docker.io/a/b/c/d', familiar: 'a/b/c/d' }],
  ['us.icr.io/ns/my_app--x.y__z:v1.0-rc_1', { path: 'ns/my_app--x.y__z', tag: 'v1.0-rc_1' }],
  ['localhost:5000', { name: 'docker.io/library/localhost', tag: '5000' }],
  ['My-Registry.example.com/app', { domain: 'My-Registry.example.com', name: 'My-Registry.example.com/app' }],
];

for (const [text, expected] of NORMALISATION) {
  test(`when ${JSON.stringify(text)} is parsed → it normalises like Docker (portieris.md §2.4)`, () => {
    const ref = ok(text);
    assert.equal(ref.original, text);
    for (const [key, value] of Object.entries(expected)) {
      assert.equal(ref[key as keyof ImageReference], value, key);
    }
  });
}

test('when no tag or digest is written → tag and digest are absent but trustTag is latest', () => {
  const ref = ok('nginx');
  assert.equal(ref.tag, undefined);
  assert.equal(ref.digest, undefined);
  assert.equal(ref.port, undefined);
  assert.equal(ref.trustTag, 'latest');
});

const INVALID: readonly [string, ImageReferenceError['reason'], number | undefined, boolean][] = [
  ['', 'empty', 0, false],
  ['   ', 'empty', 0, false],
  [' nginx', 'whitespace', 0, true],
  ['nginx ', 'whitespace', 5, true],
  ['org/MyApp:1', 'uppercase-repository', 4, true],
  ['MyOrg/app', 'uppercase-repository', 0, false],
  ['Nginx', 'uppercase-repository', 0, true],
  ['nginx:', 'empty-tag', 5, true],
  ['nginx:-x', 'invalid-tag', 6, true],
  ['nginx:a+b', 'invalid-tag', 7, true],
  [`nginx:${'t'.repeat(129)}`, 'invalid-tag', 6, true],
  ['nginx@sha256:1234567890', 'invalid-digest', 13, false],
  [`nginx@sha256:${HEX.toUpperCase()}`, 'invalid-digest', 13, false],
  [`nginx@sha256:${HEX.slice(1)}g`, 'invalid-digest', 76, false],
  [`nginx@md5:${HEX}`, 'invalid-digest', 6, true],
  [`nginx@SHA256:${HEX}`, 'invalid-digest', 6, true],
  ['nginx@', 'invalid-digest', 6, true],
  [`x/${'a'.repeat(260)}`, 'name-too-long', 0, true],
  ['a'.repeat(5000), 'name-too-long', 0, true],
  ['a'.repeat(2000), 'name-too-long', 0, true],
  ['localhost:abc/app', 'invalid-port', 10, true],
  ['localhost:/app', 'invalid-port', 10, true],
  ['host:99999/app', 'invalid-port', 5, false],
  ['[::1/app', 'invalid-domain', 0, true],
  ['[fe80::1%eth0]:5000/app', 'invalid-domain', 0, true],
  ['-bad.example.com/app', 'invalid-domain', 0, true],
  ['a_b.c/app', 'invalid-domain', 0, false],
  ['a//b', 'invalid-path', 2, true],
  ['app/', 'invalid-path', 4, true],
  ['ns/a..b', 'invalid-path', 3, true],
  ['ns/app!', 'invalid-path', 6, true],
  [HEX.slice(0, 64), 'invalid-format', 0, true],
];

for (const [text, reason, offset, portierisRejects] of INVALID) {
  test(`when ${JSON.stringify(text.slice(0, 40))} is parsed → it is refused as ${reason}`, () => {
    const error = bad(text);
    assert.equal(error.reason, reason);
    assert.equal(error.offset, offset);
    assert.equal(error.portierisRejects, portierisRejects);
    assert.ok(error.message.length > 0);
  });
}

test('when a repository has capitals → the message names the repository as written', () => {
  assert.equal(bad('org/MyApp:1').message, 'repository name must be lowercase: "org/MyApp"');
  assert.match(bad('MyOrg/app').message, /^repository name must be lowercase: "MyOrg\/app"/);
});

test('when a sha256 digest is short → the message says how many digits it has', () => {
  assert.equal(
    bad('ubuntu:v1@sha256:1234567890').message,
    'sha256 digest must have 64 hex digits, this one has 10',
  );
});

test('when the repository path is exactly 255 characters → it is accepted, 256 is not; the domain does not count', () => {
  const path = `x/${'a'.repeat(253)}`;
  assert.equal(ok(path).path.length, 255);
  assert.equal(ok(`${'r'.repeat(60)}.example.com/${path}`).path.length, 255);
  assert.equal(bad(`${path}a`).reason, 'name-too-long');
  assert.equal(bad(`${path}a`).message, 'repository path is 256 characters long; at most 255 are allowed');
});

test('when a tag is 128 characters → it is accepted', () => {
  assert.equal(ok(`nginx:${'t'.repeat(128)}`).tag?.length, 128);
});

test('when sha512 is used → it is accepted with 128 hex digits', () => {
  assert.equal(ok(`nginx@sha512:${HEX}${HEX}`).digest, `sha512:${HEX}${HEX}`);
});
