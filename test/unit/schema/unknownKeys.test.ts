import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, codes, validateText } from './validateText';

const HEAD = 'apiVersion: portieris.cloud.ibm.com/v1\nkind: ImagePolicy\nmetadata:\n  name: p\n';

test('when "policies" is used for "policy" (0.5.0 template typo) → flagged on the key, suggesting "policy"', () => {
  const text =
    HEAD +
    'spec:\n  repositories:\n    - name: icr.io/*\n      policies:\n        trust:\n          enabled: true\n';
  const findings = validateText(text);
  assert.deepEqual(codes(findings), ['schema-unknown-property']);
  assert.equal(at(findings[0]), '7:6-7:14');
  assert.equal(findings[0]?.data?.['suggestion'], 'policy');
  assert.deepEqual(findings[0]?.data?.['allowed'], ['name', 'policy']);
  assert.equal(findings[0]?.data?.['schemaKeyword'], 'additionalProperties');
});

test('when "simpleStore" is used (e2e testdata) → flagged on the key, suggesting "simple"', () => {
  const text =
    HEAD +
    'spec:\n  repositories:\n    - name: icr.io/*\n      policy:\n        simpleStore:\n          url: https://x\n';
  const findings = validateText(text);
  assert.deepEqual(codes(findings), ['schema-unknown-property']);
  assert.equal(at(findings[0]), '8:8-8:19');
  assert.equal(
    findings[0]?.message,
    'Unknown key "simpleStore": Portieris v1 prunes it. Did you mean "simple"?',
  );
});

test('when trustServer is put at spec level (issue #26) → flagged, saying where it belongs', () => {
  const text = HEAD + 'spec:\n  trustServer: https://notary.example\n  repositories: []\n';
  const findings = validateText(text);
  assert.equal(at(findings[0]), '5:2-5:13');
  assert.match(findings[0]?.message ?? '', /belongs under repositories\[\]\.policy\.trust/);
});

test('when a key differs only in case → did-you-mean offers the right spelling', () => {
  const text =
    HEAD + 'spec:\n  repositories:\n    - name: a\n      policy: {trust: {trustserver: https://n}}\n';
  const findings = validateText(text);
  assert.equal(findings[0]?.data?.['suggestion'], 'trustServer');
  assert.equal(at(findings[0]), '7:23-7:34');
});

test('when an unknown key is at the top level → flagged (the CRD declares only spec)', () => {
  const findings = validateText(HEAD + 'status: {}\nspec: {}\n');
  assert.deepEqual(codes(findings), ['schema-unknown-property']);
  assert.equal(at(findings[0]), '4:0-4:6');
});

test('when metadata has labels and other ObjectMeta fields → they are accepted', () => {
  const text =
    HEAD + '  labels: {team: a}\n  annotations: {note: b}\n  uid: "123"\nspec: {repositories: []}\n';
  assert.deepEqual(validateText(text), []);
});

test('when the policy is written in flow style → ranges point into the flow mappings', () => {
  const text =
    'apiVersion: portieris.cloud.ibm.com/v1\nkind: ImagePolicy\n' +
    'spec: {repositories: [{name: "a/*", policy: {va: {enabled: true}, trust: {enabled: yes}}}]}\n';
  const findings = validateText(text);
  assert.deepEqual(codes(findings), ['schema-unknown-property', 'schema-invalid-type']);
  assert.equal(at(findings[0]), '2:45-2:47');
  // YAML 1.2 reads `yes` as a string.
  assert.equal(at(findings[1]), '2:83-2:86');
});
