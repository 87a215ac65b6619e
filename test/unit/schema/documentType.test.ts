import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectSchema } from '../../../server/src/schema/selectSchema';
import { at, codes, validateText } from './validateText';

test('when apiVersion/kind are ours → selectSchema returns the matching schema', () => {
  assert.equal(selectSchema('portieris.cloud.ibm.com/v1', 'ImagePolicy')?.id, 'v1-imagepolicy');
  assert.equal(selectSchema('portieris.cloud.ibm.com/v1', 'ClusterImagePolicy')?.id, 'v1-clusterimagepolicy');
  const legacy = selectSchema('securityenforcement.admission.cloud.ibm.com/v1beta1', 'ClusterImagePolicy');
  assert.equal(legacy?.id, 'v1beta1-legacy');
  assert.equal(legacy?.legacy, true);
});

test('when the group or kind is someone else’s → selectSchema returns undefined', () => {
  assert.equal(selectSchema('policy.sigstore.dev/v1beta1', 'ClusterImagePolicy'), undefined);
  assert.equal(selectSchema('config.openshift.io/v1', 'ClusterImagePolicy'), undefined);
  assert.equal(selectSchema('portieris.cloud.ibm.com/v1', 'Deployment'), undefined);
  assert.equal(selectSchema(undefined, 'ImagePolicy'), undefined);
  assert.equal(selectSchema(1, 2), undefined);
});

test('when a Sigstore ClusterImagePolicy is validated → no findings at all', () => {
  const text =
    'apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata:\n  name: p\n' +
    'spec:\n  images:\n    - glob: "**"\n  authorities:\n    - keyless: {url: https://fulcio.sigstore.dev}\n';
  assert.deepEqual(validateText(text), []);
});

test('when an OpenShift ClusterImagePolicy is validated → no findings at all', () => {
  const text =
    'apiVersion: config.openshift.io/v1\nkind: ClusterImagePolicy\nmetadata:\n  name: p\n' +
    'spec:\n  scopes: [quay.io/x]\n  policy:\n    rootOfTrust: {policyType: PublicKey}\n';
  assert.deepEqual(validateText(text), []);
});

test('when the apiVersion is the e2e typo "sportieris…" → invalid value on apiVersion and the body is still checked', () => {
  const text =
    'apiVersion: sportieris.cloud.ibm.com/v1\nkind: ImagePolicy\nspec:\n  repositories:\n    - name: a\n      policies: {}\n';
  const findings = validateText(text);
  assert.deepEqual(codes(findings), ['schema-invalid-value', 'schema-unknown-property']);
  assert.equal(at(findings[0]), '0:12-0:39');
  assert.equal(findings[0]?.data?.['suggestion'], 'portieris.cloud.ibm.com/v1');
  assert.equal(
    findings[0]?.message,
    'Unknown apiVersion "sportieris.cloud.ibm.com/v1" for ImagePolicy. Did you mean "portieris.cloud.ibm.com/v1"?',
  );
});

test('when our group has the wrong version → the v1 apiVersion is suggested', () => {
  const findings = validateText(
    'apiVersion: portieris.cloud.ibm.com/v1beta1\nkind: ClusterImagePolicy\nspec: {}\n',
  );
  assert.deepEqual(codes(findings), ['schema-invalid-value']);
  assert.equal(findings[0]?.data?.['suggestion'], 'portieris.cloud.ibm.com/v1');
});

test('when the kind in our group is misspelt → invalid value on kind suggesting the right kind', () => {
  const findings = validateText('apiVersion: portieris.cloud.ibm.com/v1\nkind: Imagepolicy\nspec: {}\n');
  assert.deepEqual(codes(findings), ['schema-invalid-value']);
  assert.equal(at(findings[0]), '1:6-1:17');
  assert.equal(findings[0]?.data?.['suggestion'], 'ImagePolicy');
});

test('when a document is not a map or has no apiVersion → no findings', () => {
  assert.deepEqual(validateText('- a\n- b\n'), []);
  assert.deepEqual(validateText('kind: ImagePolicy\nspec: {va: 1}\n'), []);
});
