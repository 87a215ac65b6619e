import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAdmission } from '../../../server/src/policy/checkAdmission';
import { readPolicies } from '../../../server/src/policy/readPolicies';
import { repositoryNameFor } from '../../../server/src/policy/repositoryName';
import { LineIndex } from '../../../server/src/yaml/lineIndex';
import { indexOf, yamlFile } from './policyFixtures';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team}
spec:
  containers:
    - name: web
      image: icr.io/team/web:1.2
`;

function head(kind: string, ns = 'team'): string {
  return `apiVersion: portieris.cloud.ibm.com/v1\nkind: ${kind}\nmetadata:\n  name: p\n  namespace: ${ns}\n`;
}

interface EditData {
  entryName: string;
  policyUri: string;
  edit: { range: { start: { line: number; character: number } }; newText: string };
}

/** Applies the finding's quick-fix edit to the policy text. */
function fixed(policyText: string, podText = POD): { text: string; data: EditData } {
  const index = indexOf({ 'file:///policy.yaml': policyText });
  const [finding] = checkAdmission(yamlFile('file:///pod.yaml', podText), index);
  assert.ok(finding);
  const data = finding.data as unknown as EditData;
  const offset = new LineIndex(policyText).offsetAt(data.edit.range.start);
  const text = policyText.slice(0, offset) + data.edit.newText + policyText.slice(offset);
  // The edited policy must parse and now admit the image.
  const after = indexOf({ 'file:///policy.yaml': text });
  assert.deepEqual(checkAdmission(yamlFile('file:///pod.yaml', podText), after), []);
  assert.equal(
    readPolicies(yamlFile('file:///policy.yaml', text))[0]?.repositories.at(-1)?.name,
    data.entryName,
  );
  return { text, data };
}

test('when the image is denied → an admission-denied error covers the image value with the deny message', () => {
  const podFile = yamlFile('file:///pod.yaml', POD);
  const [finding] = checkAdmission(podFile, indexOf({}));
  assert.equal(finding?.code, 'admission-denied');
  assert.equal(finding?.severity, 'error');
  assert.equal(finding?.message, 'Deny "icr.io/team/web:1.2", no image policies or cluster polices');
  assert.deepEqual(finding?.range, { start: { line: 6, character: 13 }, end: { line: 6, character: 32 } });
  assert.deepEqual(finding?.data, {
    entryName: 'icr.io/team/web',
    policyUri: null,
    edit: null,
    reason: 'no-policy',
  });
});

test('when the image is allowed → no finding', () => {
  const index = indexOf({
    'file:///policy.yaml': `${head('ImagePolicy')}spec:\n  repositories:\n    - name: icr.io/team/*\n`,
  });
  assert.deepEqual(checkAdmission(yamlFile('file:///pod.yaml', POD), index), []);
});

test('when the workload names no namespace → the default namespace option is used', () => {
  const index = indexOf({
    'file:///policy.yaml': `${head('ImagePolicy', 'dev')}spec:\n  repositories: ["*"]\n`,
  });
  const pod = POD.replace(', namespace: team', '');
  assert.equal(
    checkAdmission(yamlFile('file:///pod.yaml', pod), index, { defaultNamespace: 'dev' }).length,
    1,
  );
});

test('when the policy has a block list → the fix adds a "- name:" line at the same indentation', () => {
  const policy = `${head('ImagePolicy')}spec:\n  repositories:\n    - name: docker.io/*\n      policy: {}\n# trailing\n`;
  const { text, data } = fixed(policy);
  assert.equal(data.policyUri, 'file:///policy.yaml');
  assert.equal(data.edit.newText, '    - name: icr.io/team/web\n');
  assert.equal(
    text,
    `${head('ImagePolicy')}spec:\n  repositories:\n    - name: docker.io/*\n      policy: {}\n    - name: icr.io/team/web\n# trailing\n`,
  );
});

test('when the block list ends the file without a line break → the fix starts with one', () => {
  const policy = `${head('ImagePolicy')}spec:\n  repositories:\n  - name: docker.io/*`;
  assert.equal(fixed(policy).text, `${policy}\n  - name: icr.io/team/web`);
});

test('when the policy has a flow list → the fix appends a flow item in the same spacing', () => {
  const policy = `${head('ImagePolicy')}spec:\n  repositories: [{ name: docker.io/* }]\n`;
  assert.equal(
    fixed(policy).text,
    `${head('ImagePolicy')}spec:\n  repositories: [{ name: docker.io/* }, { name: icr.io/team/web }]\n`,
  );
});

test('when the policy says repositories: [] → the fix fills the empty flow list', () => {
  const policy = `${head('ImagePolicy')}spec:\n  repositories: []\n`;
  assert.equal(
    fixed(policy).text,
    `${head('ImagePolicy')}spec:\n  repositories: [{name: icr.io/team/web}]\n`,
  );
});

test('when the policy is JSON-looking → the fix adds a JSON item', () => {
  const policy = `${head('ImagePolicy')}spec: {"repositories": [{"name": "docker.io/*"}]}\n`;
  assert.equal(fixed(policy).data.edit.newText, ', {"name": "icr.io/team/web"}');
});

test('when repositories: has no value → the fix starts a block list under the key', () => {
  const policy = `${head('ImagePolicy')}spec:\n  repositories:\n`;
  assert.equal(
    fixed(policy).text,
    `${head('ImagePolicy')}spec:\n  repositories:\n    - name: icr.io/team/web\n`,
  );
});

test('when only a ClusterImagePolicy applies → the fix targets it', () => {
  const policy = `apiVersion: portieris.cloud.ibm.com/v1\nkind: ClusterImagePolicy\nmetadata: {name: c}\nspec:\n  repositories:\n    - name: docker.io/*\n`;
  const { data } = fixed(policy);
  assert.equal(data.policyUri, 'file:///policy.yaml');
});

test('when images carry tags, digests and ports → the entry name drops tag and digest but still matches', () => {
  assert.equal(repositoryNameFor('nginx:1.26'), 'nginx');
  assert.equal(repositoryNameFor('localhost:5000/app:1'), 'localhost:5000/app');
  assert.equal(repositoryNameFor('localhost:5000/app'), 'localhost:5000/app');
  assert.equal(repositoryNameFor('icr.io/ns/img:1@sha256:abc'), 'icr.io/ns/img');
  assert.equal(repositoryNameFor('icr.io/ns/img@sha256:abc'), 'icr.io/ns/img@*');
});

test('when a Deployment has init, regular and ephemeral containers → only the enforced images are judged', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: team}
spec:
  template:
    spec:
      initContainers: [{name: i, image: "busybox:1"}]
      containers: [{name: c, image: icr.io/team/web:1}]
      ephemeralContainers: [{name: e, image: debug:1}]
`;
  const index = indexOf({
    'file:///policy.yaml': `${head('ImagePolicy')}spec:\n  repositories: [{name: icr.io/*}]\n`,
  });
  const findings = checkAdmission(yamlFile('file:///d.yaml', deployment), index);
  assert.deepEqual(
    findings.map((f) => f.message),
    ['Deny "busybox:1", no matching repositories in the ImagePolicies'],
  );
});

test('when the image has a registry port and a digest → the flow-list fix still parses and admits it', () => {
  const pod = POD.replace('icr.io/team/web:1.2', '"localhost:5000/team/web@sha256:0123"');
  const policy = `${head('ImagePolicy')}spec:\n  repositories: [{name: docker.io/*}]\n`;
  assert.equal(fixed(policy, pod).data.edit.newText, ', {name: localhost:5000/team/web@*}');
});

test('when Portieris rejects the image name before the policy lookup → no admission finding (kube reports it)', () => {
  const pod = POD.replace('icr.io/team/web:1.2', 'MyOrg/App:1');
  assert.deepEqual(checkAdmission(yamlFile('file:///pod.yaml', pod), indexOf({})), []);
});
