import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, codes, validateText } from './validateText';

// The IBM Cloud CISE tutorial policy (portieris.md §1.4): trust on, VA off, legacy group.
const TUTORIAL = `apiVersion: securityenforcement.admission.cloud.ibm.com/v1beta1
kind: ImagePolicy
metadata:
  name: my-policy
spec:
  repositories:
    - name: "<region>.icr.io/*"
      policy:
        trust:
          enabled: true
        va:
          enabled: false
`;

test('when the tutorial policy uses the legacy group → it has no schema findings (va is documented there)', () => {
  assert.deepEqual(validateText(TUTORIAL), []);
});

test('when only the apiVersion is migrated to v1 → "va" is flagged on its key with the replacement', () => {
  const findings = validateText(
    TUTORIAL.replace(/^apiVersion: .*$/m, 'apiVersion: portieris.cloud.ibm.com/v1'),
  );
  assert.deepEqual(codes(findings), ['schema-unknown-property']);
  const va = findings[0];
  assert.equal(at(va), '10:8-10:10');
  assert.equal(va?.severity, 'error');
  assert.equal(va?.data?.['suggestion'], 'vulnerability');
  assert.equal(va?.data?.['path'], '/spec/repositories/0/policy/va');
  assert.match(
    va?.message ?? '',
    /^Unknown key "va": Portieris v1 prunes it\. Did you mean "vulnerability"\?/,
  );
  assert.match(va?.message ?? '', /vulnerability\.ICCRVA\.enabled/);
});

test('when the policy is fully migrated (vulnerability.ICCRVA) → it has no schema findings', () => {
  const migrated = TUTORIAL.replace(/^apiVersion: .*$/m, 'apiVersion: portieris.cloud.ibm.com/v1').replace(
    'va:\n          enabled: false',
    'vulnerability:\n          ICCRVA:\n            enabled: false\n            account: "0123abcd"',
  );
  assert.match(migrated, /ICCRVA/);
  assert.deepEqual(validateText(migrated), []);
});

test('when a legacy policy has an undocumented key → it is not reported (the v1beta1 CRD validated nothing)', () => {
  const findings = validateText(
    TUTORIAL.replace('enabled: true', 'enabled: true\n          somethingElse: 1'),
  );
  assert.deepEqual(findings, []);
});

test('when a legacy policy has a wrongly typed documented field → it is a warning, not an error', () => {
  const findings = validateText(TUTORIAL.replace('enabled: false', 'enabled: "no"'));
  assert.deepEqual(codes(findings), ['schema-invalid-type']);
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(at(findings[0]), '11:19-11:23');
});

test('when a legacy ClusterImagePolicy uses the Portieris 0.6 list form of simple → it is accepted', () => {
  const text = TUTORIAL.replace('kind: ImagePolicy', 'kind: ClusterImagePolicy').replace(
    'va:\n          enabled: false',
    'simple:\n          - type: signedBy\n            keySecret: k',
  );
  assert.deepEqual(validateText(text), []);
});
