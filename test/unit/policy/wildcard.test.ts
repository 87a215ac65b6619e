import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, compareAnyTag, compareImageRef } from '../../../server/src/policy/wildcard';

// Every row of the portieris.md §2.3 table (output of the line-for-line port of wildcard.go v0.14.2).
const TABLE: ReadonlyArray<readonly [string, string, boolean]> = [
  ['icr.io/ns/img', 'icr.io/ns/img', true],
  ['icr.io/ns/img', 'icr.io/ns/img:latest', true],
  ['icr.io/ns/img', 'icr.io/ns/img:1.0@sha256:abc', true],
  ['icr.io/ns/img', 'icr.io/ns/img@sha256:abc', false],
  ['icr.io/ns/img', 'icr.io/ns/imgother', false],
  ['icr.io/ns/img*', 'icr.io/ns/img@sha256:abc', true],
  ['icr.io/ns/img:*', 'icr.io/ns/img', false],
  ['icr.io/ns/img:v1', 'icr.io/ns/img', false],
  ['icr.io/ns/*:v1', 'icr.io/ns/img:v1', true],
  ['icr.io/ns/*:v1', 'icr.io/ns/img:v1.2', false],
  ['icr.io/ns/*', 'icr.io/ns/sub/img:1', true],
  ['icr.io/*/nginx', 'icr.io/a/b/nginx:1', true],
  ['icr.io/*', 'icr.io/x', true],
  ['*.icr.io/*', 'icr.io/ns/x', false],
  ['*icr.io/*', 'evilicr.io/ns/x', true],
  ['icr.io*', 'icr.io.evil.com/x', true],
  ['docker.io/nginx', 'nginx:1.26.0', false],
  ['nginx', 'nginx:1.26', true],
  ['nginx', 'docker.io/library/nginx', false],
  ['*', 'anything', true],
  ['*', 'us.icr.io/ns/app:1@sha256:0123', true],
  ['*', '', true],
];

for (const [pattern, image, expected] of TABLE) {
  test(`when pattern ${pattern} meets image "${image}" → match is ${expected}`, () => {
    assert.equal(compareImageRef(pattern, image), expected);
  });
}

test('when the host has a wildcard → it cannot reach into the path (v0.14.2 bypass fix)', () => {
  assert.equal(
    compareImageRef('*.registry.example.com/myorg/*', 'attacker.com/x.registry.example.com/myorg/m'),
    false,
  );
  assert.equal(compareImageRef('*.registry.example.com/myorg/*', 'eu.registry.example.com/myorg/m'), true);
});

test('when the image has no slash and the pattern has one → no match', () => {
  assert.equal(compareImageRef('*/*', 'nginx'), false);
});

test('when the pattern is empty → it matches only the empty string', () => {
  assert.equal(compare('', ''), true);
  assert.equal(compare('', 'a'), false);
});

test('when the pattern has no star → it is anchored equality, not a prefix match', () => {
  assert.equal(compare('icr.io/ns', 'icr.io/ns/img'), false);
  assert.equal(compare('icr.io/ns', 'icr.io/ns'), true);
});

test('when a tag is absent from the pattern → compareAnyTag adds ":*", but the host compare does not', () => {
  assert.equal(compareAnyTag('nginx', 'nginx:1'), true);
  assert.equal(compareAnyTag('nginx', 'nginx@sha256:1'), false);
  assert.equal(compareImageRef('localhost/app', 'localhost:5000/app'), false);
});

test('when stars, prefixes and suffixes combine → glob semantics hold', () => {
  assert.equal(compare('a*a', 'a'), false);
  assert.equal(compare('a*a', 'aa'), true);
  assert.equal(compare('*ab*', 'xaxb'), false);
  assert.equal(compare('*a*b*', 'xaxb'), true);
  assert.equal(compare('**', ''), true);
  assert.equal(compare('a*b*c', 'abcbc'), true);
  assert.equal(compare('a*b*c', 'abcb'), false);
});

test('when many stars meet a long non-matching string → it finishes quickly', () => {
  const pattern = `${'*a'.repeat(200)}*b`;
  const text = 'a'.repeat(100_000);
  const started = process.hrtime.bigint();
  assert.equal(compare(pattern, text), false);
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  assert.ok(elapsedMs < 2000, `took ${elapsedMs} ms`);
});

/** Go's piece-splitting algorithm written independently, as an oracle for the two-pointer version. */
function oracle(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  const pieces = pattern.split('*');
  if (pieces.length === 1) return text === pattern;
  let rest = text;
  for (let i = 0; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    const index = rest.indexOf(piece);
    if (i === 0 ? !pattern.startsWith('*') && index !== 0 : index < 0) return false;
    rest = rest.slice(index + piece.length);
  }
  return pattern.endsWith('*') || rest.endsWith(pieces[pieces.length - 1] ?? '');
}

test('when 20,000 random patterns are compared → the result equals the piece-splitting oracle', () => {
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const draw = (alphabet: string, max: number): string =>
    Array.from({ length: random(max) }, () => alphabet[random(alphabet.length)]).join('');
  for (let i = 0; i < 20_000; i++) {
    const pattern = draw('ab*/:', 7);
    const text = draw('ab/:', 9);
    assert.equal(compare(pattern, text), oracle(pattern, text), `${pattern} vs ${text}`);
  }
});
