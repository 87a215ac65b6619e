import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findImages, imageAt, parseImage, pinEdits, pinnedImage } from '../../../client/src/images/imageText';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const POD = `apiVersion: v1
kind: Pod
spec:
  containers:
    - name: a
      image: 127.0.0.1:5000/ns/hello-world:latest
    - image: "127.0.0.1:5000/ns/hello-world:3.6"
      name: b
    - name: c
      image: hello-world   # Docker Hub
`;

function apply(text: string, edits: ReturnType<typeof pinEdits>): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

describe('image references in YAML text', () => {
  test('when a pod lists images → it finds each value without quotes or comments', () => {
    assert.deepEqual(
      findImages(POD).map((found) => [found.image, POD.slice(found.start, found.end)]),
      [
        ['127.0.0.1:5000/ns/hello-world:latest', '127.0.0.1:5000/ns/hello-world:latest'],
        ['127.0.0.1:5000/ns/hello-world:3.6', '127.0.0.1:5000/ns/hello-world:3.6'],
        ['hello-world', 'hello-world'],
      ],
    );
  });

  test('when images sit in flow mappings → they are found too, and keys that merely end in image are not', () => {
    const text =
      '    - { name: a, image: "reg:5000/ns/app:1" }\n    - {image: app:2, name: b}\n    baseimage: x\n    my-image: y\n';
    assert.deepEqual(
      findImages(text).map((found) => [found.image, text.slice(found.start, found.end)]),
      [
        ['reg:5000/ns/app:1', 'reg:5000/ns/app:1'],
        ['app:2', 'app:2'],
      ],
    );
  });

  test('when the cursor is on an image line → imageAt returns that image, elsewhere nothing', () => {
    assert.equal(imageAt(POD, POD.indexOf('image: "') + 2)?.image, '127.0.0.1:5000/ns/hello-world:3.6');
    assert.equal(imageAt(POD, POD.indexOf('name: a')), undefined);
  });

  test('when names are normalised → Docker Hub gets docker.io/library and ports stay in the host', () => {
    const pick = (image: string): unknown => {
      const ref = parseImage(image);
      return ref && { name: ref.name, writtenName: ref.writtenName, tag: ref.tag, digest: ref.digest, trustTag: ref.trustTag }; // prettier-ignore
    };
    assert.deepEqual(pick('hello-world'), {
      name: 'docker.io/library/hello-world',
      writtenName: 'hello-world',
      tag: undefined,
      digest: undefined,
      trustTag: 'latest',
    });
    assert.deepEqual(pick('127.0.0.1:5000/ns/app:1.0@' + DIGEST), {
      name: '127.0.0.1:5000/ns/app',
      writtenName: '127.0.0.1:5000/ns/app',
      tag: '1.0',
      digest: DIGEST,
      trustTag: '1.0',
    });
    assert.equal(parseImage('index.docker.io/org/app')?.name, 'docker.io/org/app');
    assert.equal(parseImage('localhost/app')?.name, 'localhost/app');
    assert.equal(parseImage('localhost:5000/app')?.name, 'localhost:5000/app');
  });

  test('when a reference is one Docker refuses → parseImage gives nothing (the server parser, not a lenient copy)', () => {
    // The former client-side copy read `MyOrg/app` as Docker Hub's `docker.io/MyOrg/app`; Docker reads
    // `MyOrg` as a registry host and refuses the name (server/src/kube/parseImageReference.ts).
    assert.equal(parseImage('MyOrg/app:1'), undefined);
    assert.equal(parseImage('app:1@sha256:abc'), undefined);
    assert.equal(parseImage('reg:99999/app'), undefined);
    assert.equal(parseImage(''), undefined);
    assert.equal(pinnedImage('MyOrg/app:1', DIGEST, 'renovate'), undefined);
  });

  test('when pinning a non-latest tag Portieris style → the tag stays, as a digest-only reference is checked as latest', () => {
    assert.equal(pinnedImage('nginx:1.25', DIGEST, 'portieris'), `docker.io/library/nginx:1.25@${DIGEST}`);
  });

  test('when pinning → portieris drops the tag and renovate keeps name and tag as written', () => {
    assert.equal(
      pinnedImage('hello-world:latest', DIGEST, 'portieris'),
      `docker.io/library/hello-world@${DIGEST}`,
    );
    assert.equal(pinnedImage('hello-world:latest', DIGEST, 'renovate'), `hello-world:latest@${DIGEST}`);
    assert.equal(pinnedImage(`app:1@sha256:${'b'.repeat(64)}`, DIGEST, 'renovate'), `app:1@${DIGEST}`);
  });

  test('when the cursor is on a matching image → only that image is pinned', () => {
    const target = { repository: '127.0.0.1:5000/ns/hello-world', tag: 'latest', digest: DIGEST };
    const edits = pinEdits(POD, target, 'portieris', POD.indexOf(':latest'));
    assert.equal(edits.length, 1);
    assert.match(apply(POD, edits), new RegExp(`image: 127.0.0.1:5000/ns/hello-world@${DIGEST}\n`));
  });

  test('when no cursor is given → every image with that repository and trust tag is pinned, others untouched', () => {
    const text = `${POD}    - image: 127.0.0.1:5000/ns/hello-world\n`;
    const target = { repository: '127.0.0.1:5000/ns/hello-world', tag: 'latest', digest: DIGEST };
    const out = apply(text, pinEdits(text, target, 'renovate'));
    assert.equal(out.split(`@${DIGEST}`).length - 1, 2);
    assert.match(out, /hello-world:3\.6"/);
    assert.match(out, new RegExp(`- image: 127.0.0.1:5000/ns/hello-world@${DIGEST}\n`));
  });

  test('when an image is already pinned to the digest → no edit is produced', () => {
    const text = `    - image: docker.io/library/hello-world@${DIGEST}\n`;
    const target = { repository: 'docker.io/library/hello-world', tag: 'latest', digest: DIGEST };
    assert.deepEqual(pinEdits(text, target, 'portieris'), []);
  });

  test('when a file holds an invalid reference → pinEdits leaves it alone and pins the valid ones', () => {
    const text = '    - image: Ns/Hello-World\n    - image: hello-world\n';
    const target = { repository: 'docker.io/library/hello-world', tag: 'latest', digest: DIGEST };
    assert.equal(
      apply(text, pinEdits(text, target, 'portieris')),
      `    - image: Ns/Hello-World\n    - image: docker.io/library/hello-world@${DIGEST}\n`,
    );
  });
});
