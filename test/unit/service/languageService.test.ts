import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/diagnostics/finding';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { DiagnosticRef, SchemaAssist, Validator } from '../../../server/src/service/types';
import { parseYamlFile, type YamlFile } from '../../../server/src/yaml/yamlFile';

const OPTIONS = { defaultNamespace: 'default' };
const noSchema: SchemaAssist = { describe: () => undefined, complete: () => [] };
const noWorkspace = { update: () => false, remove: () => false };

function finding(line: number, message: string): Finding {
  const at = { line, character: 0 };
  return { code: 'schema-violation', severity: 'error', message, range: { start: at, end: at } };
}

function serviceWith(validators: Validator[], log: (message: string) => void = () => undefined) {
  return createLanguageService({ validators, workspace: noWorkspace, schema: noSchema, log });
}

test('when one validator throws → the others still report and the failure is logged', async () => {
  const logged: string[] = [];
  const service = serviceWith(
    [
      {
        name: 'broken',
        validate: () => {
          throw new RangeError('boom');
        },
      },
      { name: 'async', validate: () => Promise.resolve([finding(1, 'second'), finding(0, 'first')]) },
    ],
    (message) => logged.push(message),
  );
  const findings = await service.validate(parseYamlFile('file:///a.yaml', 1, 'a: 1\nb: 2\n'), OPTIONS);
  assert.deepEqual(
    findings.map((f) => f.message),
    ['first', 'second'],
  );
  assert.deepEqual(logged, ['validator broken failed on file:///a.yaml: boom']);
});

test('when a document has a syntax error → domain validators see only the other documents', async () => {
  let seen: YamlFile | undefined;
  const service = serviceWith([
    {
      name: 'spy',
      validate: (file) => {
        seen = file;
        return [];
      },
    },
  ]);
  const findings = await service.validate(
    parseYamlFile('file:///m.yaml', 1, 'a: 1\n---\nb: [\n---\nc: 3\n'),
    OPTIONS,
  );
  assert.deepEqual(
    findings.map((f) => f.code),
    ['yaml-syntax'],
  );
  assert.deepEqual(
    seen?.documents.map((d) => d.index),
    [0, 2],
  );
});

test('when only the findings of the file alone are asked for → validators that read the workspace do not run', async () => {
  const ran: string[] = [];
  const service = serviceWith([
    { name: 'local', reads: 'file', validate: () => (ran.push('local'), [finding(0, 'local')]) },
    // Undeclared means `workspace`: never run early.
    { name: 'index', validate: () => (ran.push('index'), [finding(1, 'index')]) },
    { name: 'trust', reads: 'workspace', validate: () => (ran.push('trust'), [finding(2, 'trust')]) },
  ]);
  const file = parseYamlFile('file:///l.yaml', 1, 'a: [\n---\nb: 1\n');
  const early = await service.validate(file, OPTIONS, 'file');
  const names = (findings: readonly Finding[]) =>
    findings.map((f) => (f.code === 'yaml-syntax' ? f.code : f.message));
  assert.deepEqual(names(early), ['local', 'yaml-syntax']);
  assert.deepEqual(ran, ['local']);
  const full = await service.validate(file, OPTIONS);
  assert.deepEqual(names(full), ['local', 'yaml-syntax', 'index', 'trust']);
});

test('when a file is binary → only file-binary is reported and no validator runs', async () => {
  let ran = false;
  const service = serviceWith([{ name: 'spy', validate: () => ((ran = true), []) }]);
  const findings = await service.validate(parseYamlFile('file:///b.yaml', 1, 'a\u0000b'), OPTIONS);
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity]),
    [['file-binary', 'warning']],
  );
  assert.equal(ran, false);
});

const FIX_DATA = {
  entryName: 'hello-world',
  policyUri: 'file:///p.yaml',
  edit: {
    range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } },
    newText: '    - name: hello-world\n',
  },
};

function ref(overrides: Partial<DiagnosticRef>): DiagnosticRef {
  const at = { line: 0, character: 0 };
  return {
    code: 'admission-denied',
    source: 'image-trust',
    range: { start: at, end: at },
    data: FIX_DATA,
    ...overrides,
  };
}

test('when diagnostics come back for code actions → only well-formed image-trust admission data gives a fix', () => {
  const service = serviceWith([]);
  const file = parseYamlFile('file:///pod.yaml', 1, 'a: 1\n');
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = service.codeActions(file, at, [
    ref({}),
    ref({ source: 'other-linter' }),
    ref({ code: 'constructor' }),
    ref({ code: 'yaml-syntax' }),
    ref({ data: { ...FIX_DATA, edit: null } }),
    ref({
      data: { ...FIX_DATA, edit: { range: { start: { line: -1, character: 0 }, end: at.end }, newText: '' } },
    }),
    ref({ data: 'not an object' }),
  ]);
  assert.deepEqual(actions, [
    {
      title: 'Allow "hello-world" in the policy',
      kind: 'quickfix',
      fixes: [0],
      edits: [{ uri: 'file:///p.yaml', edits: [FIX_DATA.edit] }],
      isPreferred: true,
    },
  ]);
});
