import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/diagnostics/finding';
import { checkPolicySemantics } from '../../../server/src/policy/semantics/checkPolicySemantics';
import { indexOf, yamlFile } from './policyFixtures';

const V1 = 'apiVersion: portieris.cloud.ibm.com/v1';
const LEGACY = 'apiVersion: securityenforcement.admission.cloud.ibm.com/v1beta1';

function doc(
  kind: string,
  repositories: string,
  header = V1,
  metadata = '{name: p, namespace: team}',
): string {
  return `${header}\nkind: ${kind}\nmetadata: ${metadata}\nspec:\n  repositories:\n${repositories}`;
}

function check(text: string, others: Readonly<Record<string, string>> = {}): Finding[] {
  const file = yamlFile('file:///p.yaml', text);
  const index = indexOf({ ...others, 'file:///p.yaml': text });
  return checkPolicySemantics(file, index);
}

function codes(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** The source text a finding covers. */
function covered(text: string, f: Finding | undefined): string {
  assert.ok(f);
  const lines = text.split('\n');
  assert.equal(f.range.start.line, f.range.end.line);
  return (lines[f.range.start.line] ?? '').slice(f.range.start.character, f.range.end.character);
}

// policy-legacy-api-version
test('when a policy is v1beta1 and uses va → legacy warning names the v1 group and vulnerability.ICCRVA.enabled', () => {
  const text = doc('ImagePolicy', '    - name: icr.io/*\n      policy: {va: {enabled: true}}\n', LEGACY);
  const [f] = codes(check(text), 'policy-legacy-api-version');
  assert.equal(f?.severity, 'warning');
  assert.equal(covered(text, f), 'securityenforcement.admission.cloud.ibm.com/v1beta1');
  assert.match(f?.message ?? '', /portieris\.cloud\.ibm\.com\/v1/);
  assert.match(f?.message ?? '', /vulnerability\.ICCRVA\.enabled/);
});

test('when a policy is v1 → no legacy warning', () => {
  assert.deepEqual(
    codes(check(doc('ImagePolicy', '    - name: icr.io/*\n')), 'policy-legacy-api-version'),
    [],
  );
});

// policy-host-wildcard
test('when *.icr.io/* has no icr.io/* beside it → the host-wildcard warning names the missing entry', () => {
  const text = doc('ClusterImagePolicy', '    - name: "*.icr.io/*"\n');
  const [f] = codes(check(text), 'policy-host-wildcard');
  assert.equal(covered(text, f), '"*.icr.io/*"');
  assert.match(f?.message ?? '', /"icr\.io\/\*"/);
});

test('when *.icr.io/* sits beside icr.io/*, or the host is literal → no host-wildcard warning', () => {
  const text = doc(
    'ClusterImagePolicy',
    '    - name: "*.icr.io/*"\n    - name: icr.io/*\n    - name: us.icr.io/ns/*\n',
  );
  assert.deepEqual(codes(check(text), 'policy-host-wildcard'), []);
});

test('when a host glob is not anchored at a domain → the warning shows a foreign host it matches', () => {
  const text = doc('ClusterImagePolicy', '    - name: "*icr.io/*"\n    - name: "*.io/x"\n');
  const [first, second] = codes(check(text), 'policy-host-wildcard');
  assert.match(first?.message ?? '', /"evilicr\.io\/x"/);
  assert.match(second?.message ?? '', /"evil\.io\/x"/);
});

test('when a pattern has no slash → icr.io* warns with icr.io.evil.example/x, nginx:* does not', () => {
  const text = doc('ClusterImagePolicy', '    - name: icr.io*\n    - name: "nginx:*"\n    - name: "*"\n');
  const found = codes(check(text), 'policy-host-wildcard');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /"icr\.io\.evil\.example\/x"/);
});

// policy-duplicate-entry
test('when a name repeats, even in another ImagePolicy of the namespace → the later one is a duplicate', () => {
  const text = doc('ImagePolicy', '    - name: icr.io/*\n    - name: icr.io/*\n');
  const found = codes(check(text), 'policy-duplicate-entry');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.range.start.line, 6);
  assert.deepEqual(found[0]?.tags, ['unnecessary']);
  const other = doc('ImagePolicy', '    - name: docker.io/*\n', V1, '{name: a-first, namespace: team}');
  const cross = codes(
    check(doc('ImagePolicy', '    - name: docker.io/*\n'), { 'file:///a.yaml': other }),
    'policy-duplicate-entry',
  );
  assert.match(cross[0]?.message ?? '', /ImagePolicy "a-first"/);
});

test('when names differ, or the same name is in another namespace → no duplicate', () => {
  const other = doc('ImagePolicy', '    - name: icr.io/*\n', V1, '{name: a, namespace: elsewhere}');
  const text = doc('ImagePolicy', '    - name: icr.io/*\n    - name: icr.io/ns/*\n');
  assert.deepEqual(codes(check(text, { 'file:///a.yaml': other }), 'policy-duplicate-entry'), []);
});

// policy-unreachable-entry
test('when an earlier entry covers a later one with equal quality → the later is unreachable', () => {
  const text = doc('ClusterImagePolicy', '    - name: "*icr.io/*"\n    - name: icr.io/*\n');
  const [f] = codes(check(text), 'policy-unreachable-entry');
  assert.equal(covered(text, f), 'icr.io/*');
  assert.match(f?.message ?? '', /"\*icr\.io\/\*"/);
});

test('when the covered entry comes first, is more specific or has no star → it stays reachable', () => {
  const text = doc(
    'ClusterImagePolicy',
    '    - name: icr.io/*\n    - name: "*icr.io/*"\n    - name: icr.io/ns/*\n    - name: icr.io/ns/img\n',
  );
  assert.deepEqual(codes(check(text), 'policy-unreachable-entry'), []);
});

// policy-trust-and-simple
test('when an entry enables trust and simple → error issue #515 on the simple key', () => {
  const text = doc(
    'ImagePolicy',
    '    - name: icr.io/*\n      policy:\n        trust: {enabled: true, trustServer: https://n}\n        simple: {requirements: [{type: reject}]}\n',
  );
  const [f] = codes(check(text), 'policy-trust-and-simple');
  assert.equal(f?.severity, 'error');
  assert.equal(covered(text, f), 'simple');
});

test('when trust is disabled beside simple → no trust-and-simple error', () => {
  const text = doc(
    'ImagePolicy',
    '    - name: icr.io/*\n      policy:\n        trust: {enabled: false}\n        simple: {requirements: [{type: reject}]}\n',
  );
  assert.deepEqual(codes(check(text), 'policy-trust-and-simple'), []);
});

// policy-signed-identity-name
test('when signedIdentity uses a docs-only name → error naming the CRD value', () => {
  const text = doc(
    'ImagePolicy',
    '    - name: icr.io/*\n      policy:\n        simple:\n          requirements:\n            - type: signedBy\n              keySecret: k\n              signedIdentity: {type: exactRepository}\n',
  );
  const [f] = codes(check(text), 'policy-signed-identity-name');
  assert.equal(covered(text, f), 'exactRepository');
  assert.match(f?.message ?? '', /"matchExactRepository"/);
  assert.deepEqual(f?.data, { replacement: 'matchExactRepository' });
});

test('when signedIdentity uses a CRD name → no signed-identity error', () => {
  const text = doc(
    'ImagePolicy',
    '    - name: icr.io/*\n      policy: {simple: {requirements: [{type: signedBy, keySecret: k, signedIdentity: {type: matchExactRepository}}]}}\n',
  );
  assert.deepEqual(codes(check(text), 'policy-signed-identity-name'), []);
});

// policy-no-trust-server
test('when trust is on for icr.io or *.icr.io without trustServer → warning on enabled', () => {
  const text = doc(
    'ClusterImagePolicy',
    '    - name: us.icr.io/ns/*\n      policy: {trust: {enabled: true}}\n    - name: "*.icr.io/*"\n      policy: {trust: {enabled: true}}\n    - name: icr.io/*\n      policy: {trust: {enabled: true}}\n',
  );
  const found = codes(check(text), 'policy-no-trust-server');
  assert.equal(found.length, 3);
  assert.equal(covered(text, found[0]), 'true');
  assert.match(found[0]?.message ?? '', /"us\.icr\.io"/);
});

test('when trust is on for Docker Hub, quay.io, a wildcard that may be Docker Hub, or with trustServer → no warning', () => {
  const text = doc(
    'ClusterImagePolicy',
    ['nginx', 'myorg/*', 'docker.io/*', '"*.quay.io/*"', '"*"', '"*io/*"']
      .map((name) => `    - name: ${name}\n      policy: {trust: {enabled: true}}\n`)
      .join('')
      .concat(
        '    - name: icr.io/*\n      policy: {trust: {enabled: true, trustServer: "https://notary.example.com"}}\n',
      ),
  );
  assert.deepEqual(codes(check(text), 'policy-no-trust-server'), []);
});

// policy-empty-repositories
test('when the only ImagePolicy of a namespace has repositories: [] → warning on the key', () => {
  const text = doc('ImagePolicy', '    []\n');
  const [f] = codes(check(text), 'policy-empty-repositories');
  assert.equal(covered(text, f), 'repositories');
  assert.match(f?.message ?? '', /namespace "team"/);
});

test('when another ImagePolicy of the namespace has entries → no empty-repositories warning', () => {
  const other = doc('ImagePolicy', '    - name: "*"\n', V1, '{name: a, namespace: team}');
  assert.deepEqual(
    codes(check(doc('ImagePolicy', '    []\n'), { 'file:///a.yaml': other }), 'policy-empty-repositories'),
    [],
  );
});

// policy-secret-not-found
test('when a signer Secret is defined nowhere → information; defined in the namespace → nothing', () => {
  const text = doc(
    'ImagePolicy',
    '    - name: docker.io/*\n      policy: {trust: {enabled: true, signerSecrets: [{name: alice}, {name: bob}]}}\n',
  );
  const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: alice, namespace: team}\n';
  const found = codes(check(text, { 'file:///s.yaml': secret }), 'policy-secret-not-found');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'information');
  assert.equal(covered(text, found[0]), 'bob');
});

test('when a keySecret has keySecretNamespace → it is looked up there', () => {
  const text = doc(
    'ClusterImagePolicy',
    '    - name: docker.io/*\n      policy: {simple: {requirements: [{type: signedBy, keySecret: gpg, keySecretNamespace: keys}]}}\n',
  );
  const wrong = 'apiVersion: v1\nkind: Secret\nmetadata: {name: gpg, namespace: other}\n';
  const right = 'apiVersion: v1\nkind: Secret\nmetadata: {name: gpg, namespace: keys}\n';
  assert.equal(codes(check(text, { 'file:///s.yaml': wrong }), 'policy-secret-not-found').length, 1);
  assert.equal(codes(check(text, { 'file:///s.yaml': right }), 'policy-secret-not-found').length, 0);
});
