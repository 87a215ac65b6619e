import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageReference } from '../../../server/src/kube/parseImageReference';
import { pinnedReference } from '../../../server/src/kube/pinnedReference';
import { InputError } from '../../../server/src/errors';
import type { ImageReference } from '../../../server/src/kube/imageReference';

const HEX = '0123456789abcdef'.repeat(4);

function ref(text: string): ImageReference {
  const result = parseImageReference(text);
  assert.ok(result.ok);
  return result.ref;
}

test('when pinning Portieris style a latest or missing tag → the tag is dropped and the name normalised (portieris.md §3.6)', () => {
  assert.equal(
    pinnedReference(ref('nginx:latest'), HEX, 'portieris'),
    `docker.io/library/nginx@sha256:${HEX}`,
  );
  assert.equal(pinnedReference(ref('nginx'), HEX, 'portieris'), `docker.io/library/nginx@sha256:${HEX}`);
  assert.equal(
    pinnedReference(ref('de.icr.io:8080/ns/app'), HEX, 'portieris'),
    `de.icr.io:8080/ns/app@sha256:${HEX}`,
  );
});

test('when pinning Portieris style another tag → the tag stays, since a digest-only reference is checked as latest (§3.4)', () => {
  assert.equal(
    pinnedReference(ref('nginx:1.25'), HEX, 'portieris'),
    `docker.io/library/nginx:1.25@sha256:${HEX}`,
  );
  assert.equal(
    pinnedReference(ref('nginx:1.25@sha256:' + 'b'.repeat(64)), HEX, 'portieris'),
    `docker.io/library/nginx:1.25@sha256:${HEX}`,
  );
});

test('when pinning Renovate style → the written name and tag stay and the digest is added', () => {
  assert.equal(pinnedReference(ref('nginx:1.25'), HEX, 'renovate'), `nginx:1.25@sha256:${HEX}`);
  assert.equal(
    pinnedReference(ref('index.docker.io/org/app'), `sha256:${HEX}`, 'renovate'),
    `index.docker.io/org/app@sha256:${HEX}`,
  );
});

test('when the reference already has a digest → Renovate style replaces it', () => {
  const old = 'f'.repeat(64);
  assert.equal(
    pinnedReference(ref(`localhost:5000/app:1@sha256:${old}`), HEX, 'renovate'),
    `localhost:5000/app:1@sha256:${HEX}`,
  );
});

test('when the digest is not 64 lowercase hex → it throws INPUT_INVALID', () => {
  assert.throws(
    () => pinnedReference(ref('nginx'), HEX.toUpperCase(), 'portieris'),
    (error: unknown) => error instanceof InputError && error.code === 'INPUT_INVALID',
  );
});
