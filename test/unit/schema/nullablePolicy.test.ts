import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, codes, validateText } from './validateText';

// portieris.md §1.3: policy is `nullable` on ImagePolicy only (an asymmetry in the CRD).
const body = 'spec:\n  repositories:\n    - name: "icr.io/*"\n      policy:\n    - name: "*"\n';

test('when an ImagePolicy entry has an empty policy → it is allowed', () => {
  assert.deepEqual(validateText('apiVersion: portieris.cloud.ibm.com/v1\nkind: ImagePolicy\n' + body), []);
});

test('when a ClusterImagePolicy entry has an empty policy → type error on the "policy" key', () => {
  const findings = validateText('apiVersion: portieris.cloud.ibm.com/v1\nkind: ClusterImagePolicy\n' + body);
  assert.deepEqual(codes(findings), ['schema-invalid-type']);
  assert.equal(at(findings[0]), '5:6-5:12');
  assert.match(
    findings[0]?.message ?? '',
    /^"policy" must be a map, not empty \(null\)\. On ClusterImagePolicy/,
  );
});

test('when simple.requirements is empty → it is allowed on both kinds (nullable in the CRD)', () => {
  for (const kind of ['ImagePolicy', 'ClusterImagePolicy']) {
    const text = `apiVersion: portieris.cloud.ibm.com/v1\nkind: ${kind}\nspec:\n  repositories:\n    - name: a\n      policy:\n        simple:\n          requirements:\n`;
    assert.deepEqual(validateText(text), [], kind);
  }
});

test('when the document expands too many aliases → one yaml-alias-limit finding at the alias', () => {
  const lines = [
    'apiVersion: portieris.cloud.ibm.com/v1',
    'kind: ImagePolicy',
    'x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1]',
  ];
  for (let i = 1; i < 7; i++)
    lines.push(
      `x${i}: &a${i} [${Array(8)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const findings = validateText(lines.join('\n') + '\n');
  assert.deepEqual(codes(findings), ['yaml-alias-limit']);
  assert.equal(at(findings[0]), '3:9-3:9');
});

test('when the policy is the second document of a file → ranges are file lines, not document lines', () => {
  const text =
    'apiVersion: apps/v1\nkind: Deployment\nspec: {}\n---\n' +
    'apiVersion: portieris.cloud.ibm.com/v1\nkind: ClusterImagePolicy\nspec:\n  repositories:\n    -\n';
  const findings = validateText(text, 1);
  assert.deepEqual(codes(findings), ['schema-invalid-type']);
  // An empty item has no text of its own: the range is the empty spot after the dash.
  assert.equal(at(findings[0]), '8:5-8:5');
  assert.match(
    findings[0]?.message ?? '',
    /^Item 1 of "repositories" must be a map, not empty \(null\)\. An empty list item/,
  );
});
