import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covers } from '../../../server/src/policy/semantics/containment';
import { compareImageRef } from '../../../server/src/policy/wildcard';

test('when patterns are known pairs → covers answers as expected', () => {
  assert.equal(covers('*icr.io/*', 'icr.io/*'), true);
  assert.equal(covers('*', 'icr.io/*'), true);
  assert.equal(covers('icr.io/*', 'icr.io/ns/*'), true);
  assert.equal(covers('icr.io/ns/img', 'icr.io/ns/img:*'), true);
  assert.equal(covers('icr.io/ns/*', 'icr.io/*'), false);
  assert.equal(covers('icr.io/*', 'nginx'), false);
  assert.equal(covers('*ab*', '*a*b*'), false);
});

/** Every string over `alphabet` up to `max` characters. */
function allStrings(alphabet: string, max: number): string[] {
  let layer = [''];
  const out = [''];
  for (let length = 1; length <= max; length++) {
    layer = layer.flatMap((prefix) => [...alphabet].map((c) => prefix + c));
    out.push(...layer);
  }
  return out;
}

test('when covers says yes for 3,000 random pairs → no image up to 6 characters contradicts it (soundness)', () => {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const draw = (max: number): string =>
    Array.from({ length: random(max) + 1 }, () => 'ab*/:'[random(5)]).join('');
  const images = allStrings('ab/:', 6);
  let positives = 0;
  for (let i = 0; i < 3000; i++) {
    const a = draw(5);
    const b = draw(5);
    if (!covers(a, b)) continue;
    positives++;
    for (const image of images) {
      if (compareImageRef(b, image)) assert.ok(compareImageRef(a, image), `${a} ⊉ ${b}: ${image}`);
    }
  }
  assert.ok(positives > 100, `only ${positives} positive pairs exercised`);
});
