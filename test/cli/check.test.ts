import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from '../helpers/lspClient';
import { podYaml, PROD_POLICY } from '../helpers/yamlFixtures';
import { runCli } from './runCli';

let folder: string;

const POD_WITHOUT_NAMESPACE = podYaml();

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'image-trust-cli-'));
  mkdirSync(join(folder, 'broken'));
  writeFileSync(join(folder, 'broken', 'syntax.yaml'), 'a: [1, 2\n');
  writeFileSync(
    join(folder, 'broken', 'image.yml'),
    POD_WITHOUT_NAMESPACE.replace('quay.io/team/app:1.0', 'Nginx'),
  );
  writeFileSync(join(folder, 'broken', 'notes.txt'), 'a: [\n');
  mkdirSync(join(folder, 'broken', 'node_modules'));
  writeFileSync(join(folder, 'broken', 'node_modules', 'skipped.yaml'), 'a: [\n');
  mkdirSync(join(folder, 'prod'));
  writeFileSync(join(folder, 'prod', 'pod.yaml'), POD_WITHOUT_NAMESPACE);
  writeFileSync(join(folder, 'prod', 'policy.yaml'), PROD_POLICY);
  mkdirSync(join(folder, 'clean'));
  writeFileSync(join(folder, 'clean', 'config.yaml'), 'key: value\n');
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('when the IBM tutorial examples are checked → one warning, one denial, exit 1', async () => {
  const run = await runCli(['check', 'examples']);
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.match(
    lines[0] ?? '',
    /^examples\/imagepolicy\.yaml:14:20: warning policy-no-trust-server trust is enabled/,
  );
  assert.equal(
    lines[1],
    'examples/mypod.yaml:12:14: error admission-denied Deny "hello-world:latest", no matching repositories in the ImagePolicies',
  );
  assert.equal(run.stderr, '1 error, 1 warning in 2 files\n');
});

test('when a folder holds broken files → each is reported at 1-based positions, node_modules and *.txt skipped', async () => {
  const run = await runCli(['check', 'broken'], folder);
  assert.equal(run.code, 1);
  assert.deepEqual(
    run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['broken/image.yml:8:14: error image-invalid-reference', 'broken/syntax.yaml:2:1: error yaml-syntax'],
  );
});

test('when only clean files are checked → no output and exit 0', async () => {
  const run = await runCli(['check'], join(folder, 'clean'));
  assert.deepEqual(run, { code: 0, stdout: '', stderr: '0 errors, 0 warnings in 1 file\n' });
});

test('when a file is named explicitly → it is checked whatever its extension', async () => {
  const run = await runCli(['check', 'broken/notes.txt'], folder);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^broken\/notes\.txt:2:1: error yaml-syntax /);
});

test('when --namespace names the policy namespace → the pod without a namespace is admitted', async () => {
  const denied = await runCli(['check', 'prod'], folder);
  assert.equal(denied.code, 1);
  assert.match(denied.stdout, /prod\/pod\.yaml:8:14: error admission-denied Deny "quay\.io\/team\/app:1\.0"/);
  const admitted = await runCli(['check', '--namespace', 'prod', 'prod'], folder);
  assert.deepEqual({ code: admitted.code, stdout: admitted.stdout }, { code: 0, stdout: '' });
});

test('when --format json is given → an array of {file, range, severity, code, message} with 0-based ranges', async () => {
  const run = await runCli(['check', '--format', 'json', 'examples']);
  assert.equal(run.code, 1);
  const parsed: unknown = JSON.parse(run.stdout);
  assert.ok(Array.isArray(parsed));
  assert.deepEqual(
    parsed.map((item: Record<string, unknown>) => Object.keys(item)),
    [
      ['file', 'range', 'severity', 'code', 'message'],
      ['file', 'range', 'severity', 'code', 'message'],
    ],
  );
  assert.deepEqual(parsed[1], {
    file: 'examples/mypod.yaml',
    range: { start: { line: 11, character: 13 }, end: { line: 11, character: 31 } },
    severity: 'error',
    code: 'admission-denied',
    message: 'Deny "hello-world:latest", no matching repositories in the ImagePolicies',
  });
});

test('when the command line is wrong → exit 2 with the reason on stderr and nothing on stdout', async () => {
  for (const args of [
    ['check', '--bogus'],
    ['check', '--format', 'xml', 'examples'],
    ['check', '--namespace', 'Not_A_Namespace', 'examples'],
    ['check', 'no-such-folder'],
    ['inspect-everything'],
    [],
  ]) {
    const run = await runCli(args);
    assert.equal(run.code, 2, `args: ${args.join(' ')}`);
    assert.equal(run.stdout, '', `args: ${args.join(' ')}`);
    assert.notEqual(run.stderr, '', `args: ${args.join(' ')}`);
  }
});

test('when --help or --version is asked → it prints on stdout and exits 0', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: image-trust <command>/);
  assert.match(help.stdout, /\n {2}check {2}/);
  const checkHelp = await runCli(['check', '--help']);
  assert.equal(checkHelp.code, 0);
  assert.match(checkHelp.stdout, /--format text\|json/);
  const version = await runCli(['--version']);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.deepEqual(version, { code: 0, stdout: `${manifest.version}\n`, stderr: '' });
});
