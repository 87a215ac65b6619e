// `image-trust check` with trust lookups against the real lab: the same trust codes as the editor, the
// trust flags, SARIF 2.1.0 validated against the official schema, exit 1 on any error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT } from '../helpers/lspClient';
import { labRepository, useLab, type LabState } from '../helpers/lab';
import { imagePolicyYaml, podYaml } from '../helpers/trustLab';
import { runCli } from './runCli';

let lab: LabState;
let dir: string;
let reg: string;

before(
  async () => {
    lab = await useLab();
    reg = lab.registries.http.host;
    dir = await mkdtemp(join(tmpdir(), 'trust-cli-'));
    // No trustServer in the policy: the CLI's --trust-server supplies it.
    await writeFile(join(dir, 'policy.yaml'), imagePolicyYaml('default', [{ name: `${reg}/ns/*` }]));
    await writeFile(
      join(dir, 'pod.yaml'),
      podYaml('default', [`${reg}/ns/unsigned:latest`, `${reg}/ns/hello-world:latest`, `${reg}/ns/signed`]),
    );
  },
  { timeout: 180_000 },
);

after(() => rm(dir, { recursive: true, force: true }));

const trustFlags = (): string[] => [
  '--trust-server',
  lab.notary.url,
  '--ca-file',
  lab.caPath,
  '--insecure-host',
  reg,
];

describe('image-trust check with trust lookups', () => {
  test('when the lab is reachable → the editor trust codes per image, and exit 1 for the denied one', async () => {
    const run = await runCli(['check', 'pod.yaml', 'policy.yaml', ...trustFlags()], dir);
    assert.equal(run.code, 1, run.stderr);
    const trustLines = run.stdout.split('\n').filter((line) => / trust-/.test(line));
    assert.deepEqual(
      trustLines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        'pod.yaml:9:14: error trust-no-data',
        'pod.yaml:11:14: hint trust-signed',
        'pod.yaml:13:14: warning trust-tag-moved',
      ],
    );
    assert.ok(
      trustLines[0]?.endsWith(
        `Deny "${reg}/ns/unsigned:latest", failed to get content trust information: ${new URL(lab.notary.url).host} does not have trust data for ${reg}/ns/unsigned`,
      ),
    );
    assert.ok(
      trustLines[2]?.includes(
        `${reg}/ns/signed@${labRepository(lab, 'ns/signed').tags.latest?.signed?.digest}`,
      ),
    );
  });

  test('when --cache-dir is given → first-use pins and metadata are kept there', async () => {
    const cache = join(dir, 'cache');
    const run = await runCli(
      ['check', 'pod.yaml', 'policy.yaml', ...trustFlags(), '--cache-dir', cache],
      dir,
    );
    assert.equal(run.code, 1, run.stderr);
    const servers = await readdir(cache);
    assert.equal(servers.length, 1);
    const guns = await readdir(join(cache, servers[0] ?? '', 'notary'));
    assert.ok(guns.includes(`gun-${encodeURIComponent(`${reg}/ns/hello-world`)}`), guns.join(','));
  });

  test('when --offline → nothing is fetched and trust-required images say so; no error, exit 0', async () => {
    const run = await runCli(['check', 'pod.yaml', 'policy.yaml', '--offline'], dir);
    assert.equal(run.code, 0, run.stdout);
    const codes = run.stdout
      .split('\n')
      .filter((l) => / trust-/.test(l))
      .map((l) => l.split(' ')[2]);
    assert.deepEqual(codes, [
      'trust-not-checked-offline',
      'trust-not-checked-offline',
      'trust-not-checked-offline',
    ]);
  });

  test('when --ca-file has no HOST and there is no --trust-server → usage error, exit 2', async () => {
    const run = await runCli(['check', 'pod.yaml', '--ca-file', lab.caPath], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--ca-file without HOST= needs a --trust-server/);
  });

  test('when --format sarif → a SARIF 2.1.0 log valid against the official schema, one rule per code', async () => {
    const run = await runCli(['check', 'pod.yaml', 'policy.yaml', ...trustFlags(), '--format', 'sarif'], dir);
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLog;
    const schemaText = await readFile(
      resolve(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'),
      'utf8',
    );
    // Draft-04 header dropped (test/fixtures/sarif/README.md); the schema's language pattern needs non-unicode regexps.
    const schema = JSON.parse(schemaText) as Record<string, unknown>;
    delete schema.$schema;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

    const run0 = log.runs[0];
    assert.ok(run0);
    const ruleIds = run0.tool.driver.rules.map((r) => r.id);
    assert.ok(ruleIds.includes('trust-tag-moved') && ruleIds.includes('trust-no-data'));
    assert.equal(new Set(ruleIds).size, ruleIds.length);
    const denied = run0.results.find((r) => r.ruleId === 'trust-no-data');
    assert.equal(denied?.level, 'error');
    assert.equal(run0.tool.driver.rules[denied?.ruleIndex ?? -1]?.id, 'trust-no-data');
    assert.deepEqual(denied?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' },
      region: {
        startLine: 9,
        startColumn: 14,
        endLine: 9,
        endColumn: 14 + `${reg}/ns/unsigned:latest`.length,
      },
    });
    assert.equal(run0.results.find((r) => r.ruleId === 'trust-signed')?.level, 'note');
  });
});

interface SarifLog {
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly rules: readonly { readonly id: string }[] } };
    readonly results: readonly {
      readonly ruleId: string;
      readonly ruleIndex: number;
      readonly level: string;
      readonly locations: readonly { readonly physicalLocation: unknown }[];
    }[];
  }[];
}
