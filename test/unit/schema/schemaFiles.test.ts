import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { isSchemaNode, type SchemaNode } from '../../../server/src/schema/schemaNode';
import { schemaAtPath } from '../../../server/src/schema/schemaAtPath';
import { selectSchema } from '../../../server/src/schema/selectSchema';

const DIR = join(__dirname, '../../../schemas');

function load(name: string): SchemaNode {
  const value: unknown = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
  assert.ok(isSchemaNode(value));
  return value;
}

const DISPATCHER = 'portieris-policies.schema.json';

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  return ajv;
}

test('when every per-kind schema file is compiled by strict ajv alone → it compiles (standalone, no external refs)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.schema.json') && f !== DISPATCHER);
  assert.equal(files.length, 3);
  for (const file of files) {
    assert.doesNotThrow(() => strictAjv().compile(load(file)), file);
    assert.ok(!readFileSync(join(DIR, file), 'utf8').includes('"$ref": "http'), file);
  }
});

test('when the dispatcher schema validates mixed documents → only Portieris documents are constrained', () => {
  const ajv = strictAjv();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.schema.json') && f !== DISPATCHER)) {
    ajv.addSchema(load(file), file);
  }
  const validate = ajv.compile(load(DISPATCHER));
  const spec = { repositories: [{ name: 'a', policies: {} }] };
  assert.equal(validate({ apiVersion: 'portieris.cloud.ibm.com/v1', kind: 'ImagePolicy', spec }), false);
  assert.equal(
    validate({ apiVersion: 'portieris.cloud.ibm.com/v1', kind: 'ClusterImagePolicy', spec }),
    false,
  );
  assert.equal(
    validate({ apiVersion: 'policy.sigstore.dev/v1beta1', kind: 'ClusterImagePolicy', spec }),
    true,
  );
  assert.equal(validate({ apiVersion: 'config.openshift.io/v1', kind: 'ClusterImagePolicy', spec }), true);
  assert.equal(validate({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 1 } }), true);
  const legacy = { apiVersion: 'securityenforcement.admission.cloud.ibm.com/v1beta1', kind: 'ImagePolicy' };
  assert.equal(
    validate({ ...legacy, spec: { repositories: [{ name: 'a', policy: { va: { enabled: true } } }] } }),
    true,
  );
  assert.equal(validate({ ...legacy, spec: { repositories: 'a' } }), false);
});

// Every field of portieris.md §1.3 must be in the v1 schemas, with a description.
const V1_FIELDS: readonly (string | number)[][] = [
  ['spec', 'repositories', 0, 'name'],
  ['spec', 'repositories', 0, 'policy', 'mutateImage'],
  ['spec', 'repositories', 0, 'policy', 'trust', 'enabled'],
  ['spec', 'repositories', 0, 'policy', 'trust', 'trustServer'],
  ['spec', 'repositories', 0, 'policy', 'trust', 'signerSecrets', 0, 'name'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'storeURL'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'storeSecret'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'type'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'keySecret'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'keySecretNamespace'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'signedIdentity', 'type'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'signedIdentity', 'dockerReference'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'signedIdentity', 'dockerRepository'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'signedIdentity', 'prefix'],
  ['spec', 'repositories', 0, 'policy', 'simple', 'requirements', 0, 'signedIdentity', 'signedPrefix'],
  ['spec', 'repositories', 0, 'policy', 'vulnerability', 'ICCRVA', 'enabled'],
  ['spec', 'repositories', 0, 'policy', 'vulnerability', 'ICCRVA', 'account'],
];

test('when each §1.3 field is looked up in both v1 schemas → it exists with a title and description', () => {
  for (const kind of ['ImagePolicy', 'ClusterImagePolicy']) {
    const selected = selectSchema('portieris.cloud.ibm.com/v1', kind);
    assert.ok(selected);
    for (const path of V1_FIELDS) {
      const node = schemaAtPath(selected.schema, path);
      assert.ok(node?.title && node.description, `${kind} ${path.join('.')}`);
    }
  }
});

test('when the two v1 schemas are compared → they differ only in kind, metadata and policy nullability', () => {
  const image = load('portieris.cloud.ibm.com_v1_imagepolicy.schema.json');
  const cluster = load('portieris.cloud.ibm.com_v1_clusterimagepolicy.schema.json');
  const strip = (s: SchemaNode): unknown => ({
    ...s.definitions,
    policy: { ...s.definitions?.['policy'], type: undefined, description: undefined },
  });
  assert.deepEqual(strip(image), strip(cluster));
  assert.deepEqual(image.definitions?.['policy']?.type, ['object', 'null']);
  assert.equal(cluster.definitions?.['policy']?.type, 'object');
});
