import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom as random } from '../../helpers/seededRandom';
import { makeFixture } from '../../../bench/lsp/fixtures';
import { findWorkloadImages } from '../../../server/src/kube';
import { readPolicies } from '../../../server/src/policy/readPolicies';
import { createDefaultLanguageService } from '../../../server/src/service/defaultLanguageService';
import { ParseCache } from '../../../server/src/yaml/parseCache';
import { DEFAULT_PARSE_LIMITS, parseYamlFile } from '../../../server/src/yaml/yamlFile';

const PIECES = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '*',
  'team-9',
  '---\n',
  '    - name: quay.io/org-1/*\n',
  '      image: gcr.io/other/app:1\n',
  'trustServer',
  // A Secret that a policy of the fixture names (semantic findings depend on it).
  '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: team-1-signer\n  namespace: team-1\n',
  'namespace: team-2\n',
];

/** An edit somewhere in the file: a replacement, an insertion or a deletion. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const remove = next() < 0.4 ? Math.floor(next() * 8) : 0;
  const insert = next() < 0.8 ? (PIECES[Math.floor(next() * PIECES.length)] ?? '') : '';
  return text.slice(0, at) + insert + text.slice(at + remove);
}

test('when a file is edited many times → incremental parsing and cached per-document results equal a fresh check', async () => {
  // Several short runs: long runs of random edits leave little valid YAML to compare. Half of them parse as
  // the LSP server does, each new document digested and its tree released (yaml/parsedChunk.ts).
  for (const seed of [4242, 1, 2, 3]) await editRun(seed, 25, 'held trees');
  for (const seed of [4, 5, 6, 7]) await editRun(seed, 25, 'digested and released');
});

async function editRun(
  seed: number,
  edits: number,
  trees: 'held trees' | 'digested and released',
): Promise<void> {
  const next = random(seed);
  const uri = 'file:///work/bench.yaml';
  const options = { defaultNamespace: 'default' };
  const incremental = createDefaultLanguageService({ log: (message) => assert.fail(message) });
  const cache =
    trees === 'held trees'
      ? new ParseCache()
      : new ParseCache(DEFAULT_PARSE_LIMITS, incremental.digestDocument);
  let text = makeFixture('small', 4).text;
  for (let version = 0; version <= edits; version++) {
    if (version > 0) text = edit(text, next);
    const file = cache.get(uri, version, text);
    incremental.indexFile(file);
    const got = await incremental.validate(file, options);

    const fresh = createDefaultLanguageService({ log: (message) => assert.fail(message) });
    const freshFile = parseYamlFile(uri, version, text);
    fresh.indexFile(freshFile);
    const want = await fresh.validate(freshFile, options);

    assert.deepEqual(got, want, `findings of version ${version} (seed ${seed})`);
    assert.deepEqual(
      readPolicies(file),
      readPolicies(freshFile),
      `policies of version ${version} (seed ${seed})`,
    );
    assert.deepEqual(
      file.documents.map((doc) => findWorkloadImages(doc)),
      freshFile.documents.map((doc) => findWorkloadImages(doc)),
      `images of version ${version} (seed ${seed})`,
    );
  }
}

test('when a Secret a policy names is added below it → the re-used policy findings are checked again', async () => {
  const service = createDefaultLanguageService({ log: (message) => assert.fail(message) });
  const cache = new ParseCache();
  const uri = 'file:///work/policy.yaml';
  const options = { defaultNamespace: 'default' };
  const policy = makeFixture('small', 1).text.split('---\n')[0] ?? '';
  assert.match(policy, /team-0-signer/);
  const missingSecrets = async (version: number, text: string) => {
    const file = cache.get(uri, version, text);
    service.indexFile(file);
    return (await service.validate(file, options))
      .filter((finding) => finding.code === 'policy-secret-not-found')
      .map((finding) => finding.message);
  };
  assert.ok((await missingSecrets(1, policy)).some((message) => message.includes('"team-0-signer"')));
  const secret = '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: team-0-signer\n  namespace: team-0\n';
  assert.ok(
    !(await missingSecrets(2, policy + secret)).some((message) => message.includes('"team-0-signer"')),
  );
});
