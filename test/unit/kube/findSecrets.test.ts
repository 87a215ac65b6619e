import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSecrets } from '../../../server/src/kube/findSecrets';
import { ParseCache } from '../../../server/src/yaml/parseCache';
import { parseYamlFile } from '../../../server/src/yaml/yamlFile';
import { docOf } from './yamlDocs';

const PEM = '-----BEGIN PUBLIC KEY-----\nrole: signer1\n\nMFkw\n-----END PUBLIC KEY-----\n';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

test('when a signer secret has base64 data → name and publicKey are decoded (portieris.md §3.3 item 5)', () => {
  const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: signer, namespace: prod}\ntype: Opaque\ndata:\n  name: ${b64('alice')}\n  publicKey: ${b64(PEM)}\n`;
  const [secret, ...rest] = findSecrets(docOf(text));
  assert.equal(rest.length, 0);
  assert.ok(secret);
  assert.deepEqual([secret.name, secret.namespace, secret.type], ['signer', 'prod', 'Opaque']);
  assert.deepEqual(secret.dataKeys, ['name', 'publicKey']);
  assert.deepEqual(secret.signer, { name: 'alice', publicKey: PEM });
});

test('when stringData is used → its values are taken as written and win over data', () => {
  const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  name: ${b64('old')}\nstringData:\n  name: bob\n  publicKey: "k"\n`;
  const [secret] = findSecrets(docOf(text));
  assert.deepEqual(secret?.signer, { name: 'bob', publicKey: 'k' });
  assert.deepEqual(secret?.dataKeys, ['name', 'publicKey']);
  assert.equal(secret?.type, undefined);
});

test('when a data value is not valid base64 or not a string → the entry says so and has no value', () => {
  const text =
    'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  name: not*base64\n  publicKey: 12\n  key: YWJj\n';
  const [secret] = findSecrets(docOf(text));
  assert.deepEqual(
    secret?.entries.map((e) => [e.key, e.value ?? null, e.problem ?? null]),
    [
      ['name', null, 'invalid-base64'],
      ['publicKey', null, 'not-a-string'],
      ['key', 'abc', null],
    ],
  );
  assert.deepEqual(secret?.signer, {});
});

test('when base64 is split over lines in a block scalar → it decodes as Kubernetes does', () => {
  const encoded = b64(PEM);
  const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  publicKey: |\n    ${encoded.slice(0, 40)}\n    ${encoded.slice(40)}\n`;
  assert.equal(findSecrets(docOf(text))[0]?.signer.publicKey, PEM);
});

test('when secrets are inside a v1 List and other kinds are around → only the Secrets are returned', () => {
  const text =
    'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {name: x}}\n- {apiVersion: v1, kind: Secret, metadata: {name: s2}, stringData: {key: k}}\n';
  assert.deepEqual(
    findSecrets(docOf(text)).map((s) => [s.name, s.dataKeys]),
    [['s2', ['key']]],
  );
});

test('when a data key is found → its key and value offsets point at the text', () => {
  const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  name: alice\n';
  const entry = findSecrets(docOf(text))[0]?.entries[0];
  assert.ok(entry?.keyOffsets && entry.valueOffsets);
  assert.equal(text.slice(...entry.keyOffsets), 'name');
  assert.equal(text.slice(...entry.valueOffsets), 'alice');
});

test('when an edit above moves a Secret → its re-used read has the offsets of a fresh read', () => {
  const secret =
    'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  key: YWJj\nstringData:\n  name: bob\n';
  const cache = new ParseCache();
  const before = cache.get('file:///s.yaml', 1, `a: 1\n---\n${secret}`);
  const first = findSecrets(before.documents[1]);
  const movedFile = cache.get('file:///s.yaml', 2, `a: 1\nb: 2\n---\n${secret}`);
  assert.equal(movedFile.chunks[1], before.chunks[1], 'the Secret document is re-used, not parsed again');
  const moved = findSecrets(movedFile.documents[1]);
  assert.notEqual(moved, first);
  const fresh = findSecrets(parseYamlFile('file:///s.yaml', 2, `a: 1\nb: 2\n---\n${secret}`).documents[1]);
  assert.deepEqual(moved, fresh);
  assert.deepEqual(moved[0]?.entries[0]?.keyOffsets, [
    first[0].entries[0].keyOffsets![0] + 5,
    first[0].entries[0].keyOffsets![1] + 5,
  ]);
});
