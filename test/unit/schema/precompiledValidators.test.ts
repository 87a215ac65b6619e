import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { validatorFor } from '../../../server/src/schema/compiledSchemas';
import { isSchemaNode } from '../../../server/src/schema/schemaNode';
import {
  LEGACY_API_VERSION,
  PORTIERIS_API_VERSION,
  selectSchema,
  type SelectedSchema,
} from '../../../server/src/schema/selectSchema';
import {
  repositoryPolicies,
  schemaDerivedPolicies,
  variantsOf,
  type CorpusDocument,
} from './validatorCorpus';

const ROOT = join(__dirname, '../../..');

/** What the server compiled with at run time before the validators were generated at build time. */
function runtimeValidator(selected: SelectedSchema): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  // Read from disk, not through the server's import: a schema edited after the last build must show.
  const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'schemas', selected.fileName), 'utf8'));
  assert.ok(isSchemaNode(schema));
  return ajv.compile(schema);
}

const SELECTED: readonly SelectedSchema[] = [
  selectSchema(PORTIERIS_API_VERSION, 'ImagePolicy'),
  selectSchema(PORTIERIS_API_VERSION, 'ClusterImagePolicy'),
  selectSchema(LEGACY_API_VERSION, 'ImagePolicy'),
].map((selected) => {
  assert.ok(selected);
  return selected;
});

interface Mismatch {
  readonly schema: string;
  readonly document: string;
  readonly runtime: readonly ErrorObject[] | null | undefined;
  readonly precompiled: readonly ErrorObject[] | null | undefined;
}

test('when the corpus is validated by the generated and by runtime-compiled Ajv → every document gets exactly the same errors', () => {
  const fromRepository = repositoryPolicies();
  // The corpus must really hold the shipped examples, the docs and the e2e workspace, not only generated ones.
  for (const source of [
    'examples/imagepolicy.yaml',
    'docs/walkthrough/',
    'test/e2e/workspace/',
    'bench/lsp/',
  ]) {
    assert.ok(
      fromRepository.some((d) => d.label.startsWith(source)),
      `no policy from ${source}`,
    );
  }
  const bases: CorpusDocument[] = [
    ...fromRepository,
    ...SELECTED.flatMap((s) => schemaDerivedPolicies(s.fileName, s.schema)),
  ];
  const documents = [...bases, ...bases.flatMap(variantsOf)];
  const mismatches: Mismatch[] = [];
  const keywords = new Set<string>();
  let withParentSchema = 0;
  let errors = 0;
  for (const selected of SELECTED) {
    const runtime = runtimeValidator(selected);
    const precompiled = validatorFor(selected);
    for (const document of documents) {
      const runtimeValid = runtime(document.value);
      const precompiledValid = precompiled(document.value);
      const runtimeErrors = runtime.errors;
      const precompiledErrors = precompiled.errors;
      for (const error of precompiledErrors ?? []) {
        keywords.add(error.keyword);
        errors++;
        if (isSchemaNode(error.parentSchema)) withParentSchema++;
      }
      try {
        assert.equal(precompiledValid, runtimeValid);
        // instancePath, schemaPath, keyword, params, message, and (verbose) schema, parentSchema, data.
        assert.deepStrictEqual(precompiledErrors, runtimeErrors);
      } catch {
        mismatches.push({
          schema: selected.fileName,
          document: document.label,
          runtime: runtimeErrors,
          precompiled: precompiledErrors,
        });
      }
    }
  }
  assert.deepEqual(mismatches.slice(0, 3), [], `${mismatches.length} documents differ`);
  assert.ok(documents.length > 5_000, `only ${documents.length} documents`);
  for (const keyword of ['additionalProperties', 'type', 'enum', 'const', 'required']) {
    assert.ok(keywords.has(keyword), `no ${keyword} error in the corpus`);
  }
  assert.equal(withParentSchema, errors, 'every error carries its parentSchema (verbose)');
});

test('when the generated module is compared with a fresh generation from schemas/*.json → it is identical (not stale)', () => {
  const check = spawnSync(process.execPath, ['scripts/build/generateSchemaValidators.mjs', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stderr);
});

function sourceFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('when server/src imports ajv → it imports only types, so dist/ bundles no schema compiler', () => {
  const valueImports = sourceFiles(join(ROOT, 'server/src'), []).filter((path) =>
    /^import (?!type )[^;]*from 'ajv(\/[^']*)?';/m.test(readFileSync(path, 'utf8')),
  );
  assert.deepEqual(valueImports, []);
});
