import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkloadImages } from '../../../server/src/kube/checkWorkloadImages';
import { fileOf } from './yamlDocs';

function podWith(image: string, list = 'containers'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  ${list}:\n  - name: c\n    image: ${image}\n`;
}

test('when every image is valid → there are no findings', () => {
  assert.deepEqual(checkWorkloadImages(fileOf(podWith('icr.io/ns/app:1'))), []);
});

test('when a repository has capitals → one error on the image value with Portieris’ own denial', () => {
  const file = fileOf(podWith('org/MyApp:1'));
  const [finding, ...rest] = checkWorkloadImages(file);
  assert.equal(rest.length, 0);
  assert.ok(finding);
  assert.equal(finding.code, 'image-invalid-reference');
  assert.equal(finding.severity, 'error');
  assert.equal(
    finding.message,
    'Invalid image reference "org/MyApp:1": repository name must be lowercase: "org/MyApp". ' +
      'Portieris denies it: Deny "org/MyApp:1", invalid image name',
  );
  assert.deepEqual(finding.range, { start: { line: 6, character: 11 }, end: { line: 6, character: 22 } });
  assert.deepEqual(finding.data, {
    image: 'org/MyApp:1',
    pointer: '/spec/containers/0/image',
    containerType: 'containers',
    index: 0,
    documentIndex: 0,
    objectPath: [],
    enforced: true,
    reason: 'uppercase-repository',
    offset: 4,
    portierisRejects: true,
  });
});

test('when a digest is short → the error says so but does not claim a Portieris denial (portieris.md §2.4 item 1)', () => {
  const [finding] = checkWorkloadImages(fileOf(podWith('nginx@sha256:abc')));
  assert.equal(finding?.data?.['reason'], 'invalid-digest');
  assert.equal(finding?.data?.['portierisRejects'], false);
  assert.doesNotMatch(finding?.message ?? '', /Deny/);
});

test('when an ephemeral container is written → an information finding says Portieris does not check it', () => {
  const findings = checkWorkloadImages(fileOf(podWith('busybox', 'ephemeralContainers')));
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity]),
    [['image-ephemeral-not-checked', 'information']],
  );
});

test('when an ephemeral image is also invalid → the error has no Portieris denial and the information follows', () => {
  const findings = checkWorkloadImages(fileOf(podWith('Busybox', 'ephemeralContainers')));
  assert.deepEqual(
    findings.map((f) => f.code),
    ['image-invalid-reference', 'image-ephemeral-not-checked'],
  );
  assert.doesNotMatch(findings[0]?.message ?? '', /Deny/);
});

test('when a message quotes an image with a quote character → Go %q escaping is used in the denial', () => {
  const [finding] = checkWorkloadImages(fileOf(podWith("'a\"b'")));
  assert.match(finding?.message ?? '', /Deny "a\\"b", invalid image name$/);
});

test('when findings are serialised → data survives a JSON round trip unchanged', () => {
  const findings = checkWorkloadImages(fileOf(podWith('Busybox', 'ephemeralContainers')));
  assert.deepEqual(JSON.parse(JSON.stringify(findings)), findings);
});

test('when the file is CRLF and has two documents → the range is on the right line of the second one', () => {
  const text = 'a: 1\r\n---\r\n' + podWith('"nginx:"').replace(/\n/g, '\r\n');
  const [finding] = checkWorkloadImages(fileOf(text));
  assert.equal(finding?.data?.['reason'], 'empty-tag');
  assert.deepEqual(finding?.range, { start: { line: 8, character: 11 }, end: { line: 8, character: 19 } });
});
