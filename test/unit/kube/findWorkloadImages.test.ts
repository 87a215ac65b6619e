import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findWorkloadImages } from '../../../server/src/kube/findWorkloadImages';
import { imagePointer, type WorkloadImage } from '../../../server/src/kube/workloadImage';
import { docOf, fileOf } from './yamlDocs';

const TEMPLATE_SPEC = '/spec/template/spec';
const KINDS: readonly [string, string, string, string][] = [
  ['v1', 'Pod', 'spec:\n  containers:\n  - name: c\n    image: nginx\n', '/spec'],
  [
    'v1',
    'ReplicationController',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'apps/v1',
    'Deployment',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'extensions/v1beta1',
    'Deployment',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'apps/v1',
    'ReplicaSet',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'apps/v1beta2',
    'DaemonSet',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'apps/v1',
    'StatefulSet',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'batch/v1',
    'Job',
    'spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: nginx}\n',
    TEMPLATE_SPEC,
  ],
  [
    'batch/v1',
    'CronJob',
    'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - {name: c, image: nginx}\n',
    '/spec/jobTemplate/spec/template/spec',
  ],
  [
    'batch/v1beta1',
    'CronJob',
    'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - {name: c, image: nginx}\n',
    '/spec/jobTemplate/spec/template/spec',
  ],
];

function only(images: readonly WorkloadImage[]): WorkloadImage {
  assert.equal(images.length, 1);
  const [image] = images;
  assert.ok(image);
  return image;
}

for (const [apiVersion, kind, spec, specPath] of KINDS) {
  test(`when a ${apiVersion} ${kind} has one container → its image is found with pointer ${specPath}/containers/0/image`, () => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n${spec}`;
    const image = only(findWorkloadImages(docOf(text)));
    assert.equal(image.image, 'nginx');
    assert.equal(imagePointer(image), `${specPath}/containers/0/image`);
    assert.deepEqual(image.owner, { apiVersion, kind, name: 'w' });
    assert.equal(image.containerName, 'c');
    assert.equal(image.enforced, true);
    assert.equal(text.slice(image.start, image.end), 'nginx');
  });
}

for (const [apiVersion, kind] of [
  ['apps/v1beta1', 'ReplicaSet'],
  ['batch/v2alpha1', 'CronJob'],
  ['example.com/v1', 'Deployment'],
  ['v1', 'PodTemplate'],
]) {
  test(`when a ${apiVersion} ${kind} has containers → Portieris does not treat it as a workload and nothing is found`, () => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nspec:\n  template:\n    spec:\n      containers: [{image: nginx}]\n`;
    assert.deepEqual(findWorkloadImages(docOf(text)), []);
  });
}

const POD_WITH_ALL_LISTS = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  ephemeralContainers:
  - {name: debug, image: busybox}
  containers:
  - {name: a, image: "app:1"}
  - {name: b, image: 'side:2'}
  initContainers:
  - name: init
    image: init:3
`;

test('when a pod has init, regular and ephemeral containers → they come in Portieris order, ephemeral last and not enforced', () => {
  const images = findWorkloadImages(docOf(POD_WITH_ALL_LISTS));
  assert.deepEqual(
    images.map((i) => [i.containerType, i.index, i.image, i.enforced, i.notEnforcedReason ?? null]),
    [
      ['initContainers', 0, 'init:3', true, null],
      ['containers', 0, 'app:1', true, null],
      ['containers', 1, 'side:2', true, null],
      ['ephemeralContainers', 0, 'busybox', false, 'ephemeral-container'],
    ],
  );
  assert.deepEqual(images[0]?.owner, { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'ns' });
  assert.equal(images[2] && imagePointer(images[2]), '/spec/containers/1/image');
});

test('when images are quoted or plain → the style is reported and the offsets include the quotes', () => {
  const images = findWorkloadImages(docOf(POD_WITH_ALL_LISTS));
  assert.deepEqual(
    images.map((i) => [i.style, POD_WITH_ALL_LISTS.slice(i.start, i.end)]),
    [
      ['PLAIN', 'init:3'],
      ['QUOTE_DOUBLE', '"app:1"'],
      ['QUOTE_SINGLE', "'side:2'"],
      ['PLAIN', 'busybox'],
    ],
  );
});

test('when the image is a block scalar → the style says so and the value keeps its newline', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: |\n      nginx\n';
  const image = only(findWorkloadImages(docOf(text)));
  assert.equal(image.style, 'BLOCK_LITERAL');
  assert.equal(image.image, 'nginx\n');
});

test('when the whole object is flow style → images and offsets are found', () => {
  const text =
    '{apiVersion: apps/v1, kind: Deployment, spec: {template: {spec: {containers: [{name: x, image: "icr.io/a/b:1"}]}}}}\n';
  const image = only(findWorkloadImages(docOf(text)));
  assert.equal(image.image, 'icr.io/a/b:1');
  assert.equal(text.slice(image.start, image.end), '"icr.io/a/b:1"');
});

test('when an image is an alias → the alias node is the range and viaAlias is set; the anchor is marked anchored', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: &img nginx:1}\n  - {name: b, image: *img}\n';
  const [first, second] = findWorkloadImages(docOf(text));
  assert.ok(first && second);
  assert.deepEqual(
    [first.viaAlias, first.anchored, text.slice(first.start, first.end)],
    [false, true, 'nginx:1'],
  );
  assert.deepEqual(
    [second.viaAlias, second.image, text.slice(second.start, second.end)],
    [true, 'nginx:1', '*img'],
  );
});

test('when a whole container list is an alias → every image in it is viaAlias with the alias range', () => {
  const text = 'x: &cs [{image: a}, {image: b}]\napiVersion: v1\nkind: Pod\nspec:\n  containers: *cs\n';
  const images = findWorkloadImages(docOf(text));
  assert.deepEqual(
    images.map((i) => [i.image, i.viaAlias, text.slice(i.start, i.end)]),
    [
      ['a', true, '*cs'],
      ['b', true, '*cs'],
    ],
  );
});

test('when the document is a v1 List → items are checked with pointers relative to each item', () => {
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: cm}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec: {template: {spec: {containers: [{image: web:1}]}}}
- apiVersion: v1
  kind: List
  items:
  - apiVersion: batch/v1
    kind: Job
    metadata: {name: nested}
    spec: {template: {spec: {initContainers: [{image: job:2}]}}}
`;
  const images = findWorkloadImages(docOf(text));
  assert.deepEqual(
    images.map((i) => [i.owner.name ?? null, i.image, imagePointer(i), i.objectPath]),
    [
      ['web', 'web:1', '/spec/template/spec/containers/0/image', ['items', 1]],
      ['nested', 'job:2', '/spec/template/spec/initContainers/0/image', ['items', 2, 'items', 0]],
    ],
  );
});

test('when a List has another apiVersion → its items are not looked at', () => {
  const text =
    'apiVersion: example.com/v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, spec: {containers: [{image: a}]}}\n';
  assert.deepEqual(findWorkloadImages(docOf(text)), []);
});

test('when a List nests itself through an alias → the walk stops', () => {
  const text = 'apiVersion: v1\nkind: List\nitems: &items\n- apiVersion: v1\n  kind: List\n  items: *items\n';
  assert.deepEqual(findWorkloadImages(docOf(text)), []);
});

test('when the object has an owner of a known parent kind → its images are listed as not enforced (portieris.md §4.3)', () => {
  const text =
    'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  ownerReferences: [{kind: Deployment, name: web}]\nspec: {template: {spec: {containers: [{image: a}]}}}\n';
  const image = only(findWorkloadImages(docOf(text)));
  assert.deepEqual([image.enforced, image.notEnforcedReason], [false, 'owned-by-parent']);
});

test('when the owner is of another kind → the object is top level and enforced', () => {
  const text =
    'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  ownerReferences: [{kind: Rollout, name: r}]\nspec: {template: {spec: {containers: [{image: a}]}}}\n';
  assert.equal(only(findWorkloadImages(docOf(text))).enforced, true);
});

test('when images are blank, missing or not strings → they are skipped (portieris.md §2.4 item 6)', () => {
  const text =
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: ""}\n  - {name: b, image: "  "}\n  - {name: c}\n  - {name: d, image: 42}\n  - {name: e, image: ok}\n';
  const image = only(findWorkloadImages(docOf(text)));
  assert.deepEqual([image.containerName, image.index], ['e', 4]);
});

test('when a file has several documents, some not Kubernetes → only workloads are found, with their document index', () => {
  const file = fileOf(
    'a: 1\n---\napiVersion: v1\nkind: Pod\nspec: {containers: [{image: x}]}\n---\n- just\n- a list\n',
  );
  const images = file.documents.flatMap((doc) => findWorkloadImages(doc));
  assert.deepEqual(
    images.map((i) => [i.documentIndex, i.image]),
    [[1, 'x']],
  );
});

test('when the file uses CRLF line ends → offsets still cover exactly the image text', () => {
  const text =
    'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: nginx:1.25\r\n';
  const image = only(findWorkloadImages(docOf(text)));
  assert.equal(text.slice(image.start, image.end), 'nginx:1.25');
});

test('when a container gets its image from a merge key → it is found, viaAlias, with the merge alias as range', () => {
  const text =
    'base: &base {image: "nginx:1", imagePullPolicy: Always}\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    <<: *base\n  - <<: [*base]\n    name: b\n    image: own:2\n';
  const images = findWorkloadImages(docOf(text));
  assert.deepEqual(
    images.map((i) => [i.containerName ?? null, i.image, i.viaAlias, text.slice(i.start, i.end)]),
    [
      ['a', 'nginx:1', true, '*base'],
      ['b', 'own:2', false, 'own:2'],
    ],
  );
});
