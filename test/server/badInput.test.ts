import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileUri, LspTestClient } from '../helpers/lspClient';

// Hostile or broken input: each test ends by asking the server something, to prove it still answers.
let client: LspTestClient;

before(async () => {
  ({ client } = await LspTestClient.start());
  await client.workspaceIndexed();
});
after(() => client.kill());

const POLICY = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: p
spec:
  repositories:
    - name: icr.io/*
`;

/** The server is alive when it answers a hover on a small policy it has just checked. */
async function assertStillAnswers(name: string): Promise<void> {
  const uri = fileUri(`/virtual/alive-${name}.yaml`);
  await client.open(uri, POLICY);
  await client.diagnostics(uri, 1);
  const hover = await client.hover(uri, { line: 5, character: 4 });
  assert.ok(hover, 'the server answered the hover');
}

test('when a file contains NUL bytes → one file-binary warning and nothing else', async () => {
  const uri = fileUri('/virtual/binary.yaml');
  await client.open(uri, 'apiVersion: v1\u0000\u0001\u0002kind: Pod\n');
  const diagnostics = await client.diagnostics(uri, 1);
  assert.deepEqual(
    diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
    [
      {
        code: 'file-binary',
        severity: 2,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ],
  );
  await assertStillAnswers('binary');
});

// Generous for a loaded CI machine; unloaded it takes about two seconds, mostly JSON-RPC transfer.
const HUGE_FILE_BUDGET_MS = 30_000;

test('when a 50 MB file is opened → one file-too-large warning within the time budget', async () => {
  const uri = fileUri('/virtual/huge.yaml');
  const line = '- name: registry.example.com/some/long/repository/name:1.0\n';
  const text = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  const started = Date.now();
  await client.open(uri, text);
  const diagnostics = await client.diagnostics(uri, 1, HUGE_FILE_BUDGET_MS);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['file-too-large'],
  );
  assert.ok(Date.now() - started < HUGE_FILE_BUDGET_MS);
  assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
  await client.close(uri);
  await assertStillAnswers('huge');
});

test('when aliases are recursive → the server reports and keeps answering', async () => {
  const uri = fileUri('/virtual/recursive.yaml');
  const text = `apiVersion: portieris.cloud.ibm.com/v1
kind: ImagePolicy
metadata:
  name: loop
spec: &spec
  repositories: &repos
    - name: icr.io/*
      policy: *spec
    - *repos
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec: &pod
  containers:
    - name: c
      image: icr.io/a/b:1
  initContainers: *pod
`;
  await client.open(uri, text);
  await client.diagnostics(uri, 1);
  assert.ok(await client.hover(uri, { line: 5, character: 4 }));
  await assertStillAnswers('recursive');
});

test('when a billion-laughs document is opened → it is bounded and the server keeps answering', async () => {
  const uri = fileUri('/virtual/laughs.yaml');
  const lines = [
    'apiVersion: portieris.cloud.ibm.com/v1',
    'kind: ImagePolicy',
    'metadata: {name: lol}',
    'x:',
  ];
  lines.push('  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]');
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`  ${name}: &${name} [${Array<string>(9).fill(`*${prev}`).join(',')}]`);
  }
  await client.open(uri, `${lines.join('\n')}\n`);
  const codes = (await client.diagnostics(uri, 1)).map((d) => d.code);
  assert.ok(codes.includes('yaml-alias-limit'), `codes: ${codes.join(', ')}`);
  await assertStillAnswers('laughs');
});

test('when YAML is nested 100 000 levels deep → one clear diagnostic and the server keeps answering', async () => {
  const uri = fileUri('/virtual/deep.yaml');
  await client.open(uri, `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  // The parser's own recursion limit ends up as one yaml-syntax error, not a crash.
  const diagnostics = await client.diagnostics(uri, 1);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['yaml-syntax'],
  );
  await assertStillAnswers('deep-flow');

  // 1 500 nested block maps: about 1 MB, under the size cap, so the parser really walks it.
  const block = Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
  const blockUri = fileUri('/virtual/deep-block.yaml');
  await client.open(blockUri, `${block}\n`);
  await client.diagnostics(blockUri, 1);
  await assertStillAnswers('deep-block');
});

test('when a hover or completion asks about an unknown document → the answer is empty, not an error', async () => {
  const uri = fileUri('/virtual/never-opened.yaml');
  assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
  assert.deepEqual(await client.completion(uri, { line: 0, character: 0 }), []);
  assert.deepEqual(
    await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []),
    [],
  );
});
