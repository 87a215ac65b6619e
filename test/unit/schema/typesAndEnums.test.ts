import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, codes, validateText } from './validateText';

const HEAD =
  'apiVersion: portieris.cloud.ibm.com/v1\nkind: ClusterImagePolicy\nmetadata:\n  name: p\nspec:\n  repositories:\n';

function simple(requirements: string): string {
  return (
    HEAD + '    - name: icr.io/*\n      policy:\n        simple:\n          requirements:\n' + requirements
  );
}

test('when signedIdentity.type is the docs name "exactReference" → enum error on the value suggesting matchExactReference', () => {
  const findings = validateText(
    simple(
      '            - type: signedBy\n              keySecret: k\n              signedIdentity:\n                type: exactReference\n',
    ),
  );
  assert.deepEqual(codes(findings), ['schema-invalid-value']);
  const f = findings[0];
  assert.equal(at(f), '13:22-13:36');
  assert.equal(f?.data?.['suggestion'], 'matchExactReference');
  assert.deepEqual(f?.data?.['allowed'], [
    '',
    'matchExact',
    'matchRepository',
    'matchExactRepository',
    'matchExactReference',
    'remapIdentity',
  ]);
  assert.match(f?.message ?? '', /^"exactReference" is not one of: "", matchExact, matchRepository, /);
});

test('when signedIdentity.type is a near typo "matchExactRef" → enum error suggesting the closest value', () => {
  const findings = validateText(
    simple('            - type: signedBy\n              signedIdentity: {type: matchExactRef}\n'),
  );
  assert.equal(findings[0]?.code, 'schema-invalid-value');
  assert.equal(findings[0]?.data?.['suggestion'], 'matchExactReference');
  assert.equal(at(findings[0]), '11:37-11:50');
});

test('when signedIdentity.type is "" → it is valid (the CRD enum includes the empty string)', () => {
  assert.deepEqual(
    validateText(simple('            - type: signedBy\n              signedIdentity: {type: ""}\n')),
    [],
  );
});

test('when signedIdentity has no type → missing-property on the signedIdentity key', () => {
  const findings = validateText(
    simple(
      '            - type: signedBy\n              signedIdentity:\n                dockerReference: icr.io/a:1\n',
    ),
  );
  assert.deepEqual(codes(findings), ['schema-missing-property']);
  assert.equal(at(findings[0]), '11:14-11:28');
  assert.equal(
    findings[0]?.data?.['path'],
    '/spec/repositories/0/policy/simple/requirements/0/signedIdentity/type',
  );
});

test('when a requirement has no type → missing-property on its first key, naming the choices', () => {
  const findings = validateText(simple('            - keySecret: k\n'));
  assert.deepEqual(codes(findings), ['schema-missing-property']);
  assert.equal(at(findings[0]), '10:14-10:23');
  assert.equal(
    findings[0]?.message,
    'Missing required key "type" in item 1 of "requirements" (one of: insecureAcceptAnything, reject, signedBy).',
  );
});

test('when a requirement type is a number → one type error, not also an enum error', () => {
  const findings = validateText(simple('            - type: 7\n'));
  assert.deepEqual(codes(findings), ['schema-invalid-type']);
  assert.equal(at(findings[0]), '10:20-10:21');
});

test('when trust.enabled is the string "true" → type error on the value advising to drop the quotes', () => {
  const findings = validateText(
    HEAD + '    - name: a\n      policy:\n        trust:\n          enabled: "true"\n',
  );
  assert.deepEqual(codes(findings), ['schema-invalid-type']);
  assert.equal(at(findings[0]), '9:19-9:25');
  assert.match(
    findings[0]?.message ?? '',
    /^"enabled" must be a boolean \(true or false\), not a string\. Remove the quotes/,
  );
});

test('when repositories is a map and a name is a number → both type errors are reported', () => {
  const list = validateText(HEAD.replace(/repositories:\n$/, 'repositories: {name: a}\n'));
  assert.deepEqual(codes(list), ['schema-invalid-type']);
  assert.equal(at(list[0]), '5:16-5:25');
  const name = validateText(HEAD + '    - name: 42\n');
  assert.equal(name[0]?.message, '"name" must be a string, not a number.');
});

test('when a document has several problems → every one is reported, in document order', () => {
  const text =
    HEAD +
    '    - name: a\n      policies: {}\n' +
    '    - name: b\n      policy:\n        va: {enabled: true}\n        mutateImage: "no"\n' +
    '        simple:\n          requirements:\n            - keySecret: k\n              signedIdentity: {type: exactRepository}\n';
  const findings = validateText(text);
  assert.deepEqual(codes(findings), [
    'schema-unknown-property',
    'schema-unknown-property',
    'schema-invalid-type',
    'schema-missing-property',
    'schema-invalid-value',
  ]);
  assert.deepEqual(findings.map(at), ['7:6-7:14', '10:8-10:10', '11:21-11:25', '14:14-14:23', '15:37-15:52']);
  assert.equal(findings[4]?.data?.['suggestion'], 'matchExactRepository');
});

test('when matchRepoDigestOrExact (docs name) is used → the suggestion is the empty type', () => {
  const findings = validateText(
    simple('            - type: signedBy\n              signedIdentity: {type: matchRepoDigestOrExact}\n'),
  );
  assert.equal(findings[0]?.data?.['suggestion'], '');
});
