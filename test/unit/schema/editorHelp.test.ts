import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeSchemaPath } from '../../../server/src/schema/completeSchemaPath';
import { describeSchemaPath } from '../../../server/src/schema/describeSchemaPath';

const V1 = 'portieris.cloud.ibm.com/v1';
const LEGACY = 'securityenforcement.admission.cloud.ibm.com/v1beta1';
const POLICY = ['spec', 'repositories', 0, 'policy'] as const;

test('when hovering mutateImage → markdown with title, description, type and default', () => {
  const text = describeSchemaPath(V1, 'ImagePolicy', [...POLICY, 'mutateImage']);
  assert.ok(text);
  assert.match(text, /^\*\*Mutate image\*\*\n\n/);
  assert.match(text, /Type: `boolean` · Default: `true`/);
  assert.match(text, /Schema: `portieris\.cloud\.ibm\.com_v1_imagepolicy\.schema\.json`/);
});

test('when hovering signedIdentity.type → every enum value is listed with its meaning', () => {
  const text = describeSchemaPath(V1, 'ClusterImagePolicy', [
    ...POLICY,
    'simple',
    'requirements',
    0,
    'signedIdentity',
    'type',
  ]);
  assert.ok(text);
  for (const value of [
    'matchExact`',
    'matchRepository`',
    'matchExactRepository`',
    'matchExactReference`',
    'remapIdentity`',
  ]) {
    assert.ok(text.includes(value), value);
  }
  assert.match(text, /- `""`: Default, same as omitting type/);
  assert.match(
    text,
    /- `matchExactReference`: The signed identity must be the reference given in `dockerReference`\./,
  );
});

test('when hovering an unknown key or a foreign document → no text', () => {
  assert.equal(describeSchemaPath(V1, 'ImagePolicy', [...POLICY, 'va']), undefined);
  assert.equal(describeSchemaPath('policy.sigstore.dev/v1beta1', 'ClusterImagePolicy', ['spec']), undefined);
});

test('when hovering va on a legacy policy → it is documented there', () => {
  assert.match(
    describeSchemaPath(LEGACY, 'ImagePolicy', [...POLICY, 'va', 'enabled']) ?? '',
    /Vulnerability Advisor/,
  );
});

test('when completing keys inside policy → allowed keys minus those present, with insert text', () => {
  const items = completeSchemaPath(V1, 'ImagePolicy', POLICY, ['trust']);
  assert.deepEqual(
    items.map((i) => i.label),
    ['mutateImage', 'simple', 'vulnerability'],
  );
  const simple = items.find((i) => i.label === 'simple');
  assert.equal(simple?.kind, 'property');
  assert.equal(simple?.detail, 'map');
  assert.equal(simple?.insertText, 'simple:\n  ');
  assert.equal(items.find((i) => i.label === 'mutateImage')?.insertText, 'mutateImage: ');
  assert.match(simple?.documentation ?? '', /\*\*Simple signing\*\*/);
});

test('when completing a list key → the insert text opens the first item', () => {
  const items = completeSchemaPath(V1, 'ImagePolicy', [...POLICY, 'trust'], []);
  assert.equal(items.find((i) => i.label === 'signerSecrets')?.insertText, 'signerSecrets:\n  - ');
});

test('when completing a requirement type value → the three enum values', () => {
  const items = completeSchemaPath(
    V1,
    'ClusterImagePolicy',
    [...POLICY, 'simple', 'requirements', 0, 'type'],
    [],
  );
  assert.deepEqual(
    items.map((i) => [i.label, i.kind]),
    [
      ['insecureAcceptAnything', 'value'],
      ['reject', 'value'],
      ['signedBy', 'value'],
    ],
  );
  assert.match(items[2]?.documentation ?? '', /keySecret/);
});

test('when completing signedIdentity.type → the empty value is offered as ""', () => {
  const items = completeSchemaPath(
    V1,
    'ImagePolicy',
    [...POLICY, 'simple', 'requirements', 0, 'signedIdentity', 'type'],
    [],
  );
  assert.equal(items[0]?.label, '""');
  assert.equal(items[0]?.insertText, '""');
  assert.equal(items.length, 6);
});

test('when completing a boolean or the apiVersion → true/false and the const', () => {
  assert.deepEqual(
    completeSchemaPath(V1, 'ImagePolicy', [...POLICY, 'trust', 'enabled'], []).map((i) => i.label),
    ['true', 'false'],
  );
  assert.deepEqual(
    completeSchemaPath(V1, 'ImagePolicy', ['apiVersion'], []).map((i) => i.label),
    [V1],
  );
});

test('when completing top-level keys with apiVersion and kind present → metadata and spec', () => {
  assert.deepEqual(
    completeSchemaPath(V1, 'ClusterImagePolicy', [], ['apiVersion', 'kind']).map((i) => i.label),
    ['metadata', 'spec'],
  );
});

test('when the apiVersion is the sportieris typo → editor help uses the intended schema', () => {
  assert.ok(completeSchemaPath('sportieris.cloud.ibm.com/v1', 'ImagePolicy', ['spec'], []).length > 0);
  assert.deepEqual(completeSchemaPath('config.openshift.io/v1', 'ClusterImagePolicy', ['spec'], []), []);
});
