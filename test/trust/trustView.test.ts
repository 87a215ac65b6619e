import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEFAULT_SETTINGS, type ImageTrustSettings } from '../../shared/settings';
import type { SignedTagsResult } from '../../shared/trustView';
import { createTrustEngine } from '../../server/src/trust/engine';
import { MemoryFileStore } from '../../server/src/trustService/fileStores';
import { EngineHolder, type CreateEngine } from '../../server/src/trustView/engineHolder';
import { LookupStatus } from '../../server/src/trustView/lookupStatus';
import { SessionCredentials } from '../../server/src/trustView/sessionCredentials';
import { TrustViewService } from '../../server/src/trustView/trustViewService';
import type { LookupStatusParams } from '../../shared/trustView';
import { NO_CREDENTIALS } from '../../server/src/trust/credentials/credential';
import { labCaFiles, labRepository, useLab, type LabState } from '../helpers/lab';

// The Signed Tags view's service against the real lab (notary-server + registry on 127.0.0.1).

const memoryEngine: CreateEngine = (options) =>
  createTrustEngine({ transport: options, store: new MemoryFileStore(), dockerTrustDir: false });

function setup(create: CreateEngine = memoryEngine): {
  service: TrustViewService;
  statuses: LookupStatusParams[];
} {
  const statuses: LookupStatusParams[] = [];
  const credentials = new SessionCredentials(NO_CREDENTIALS);
  const engines = new EngineHolder({}, credentials, create);
  return { service: new TrustViewService(engines, new LookupStatus((s) => statuses.push(s))), statuses };
}

function labSettings(lab: LabState, overrides: Partial<ImageTrustSettings> = {}): ImageTrustSettings {
  const http = lab.registries.http.host;
  return {
    ...DEFAULT_SETTINGS,
    trust: {
      ...DEFAULT_SETTINGS.trust,
      servers: { [http]: lab.notary.url },
      caFiles: labCaFiles(lab),
      insecureHosts: [http],
    },
    ...overrides,
  };
}

function ok(result: SignedTagsResult): Extract<SignedTagsResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') assert.fail(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe('TrustViewService against the trust lab', { timeout: 120_000 }, () => {
  let lab: LabState;
  before(async () => {
    lab = await useLab();
  });

  test('when ns/signed expands → signed 1.0, latest flagged as moved, revoked 0.9 unsigned, alice and the admin keys', async () => {
    const repo = labRepository(lab, 'ns/signed');
    const { service, statuses } = setup();
    const result = ok(await service.signedTags(repo.gun, labSettings(lab)));
    const tags = Object.fromEntries(result.tags.map((t) => [t.tag, t]));
    assert.deepEqual(Object.keys(tags), ['1.0', 'latest', '0.9']);
    assert.equal(tags['1.0']?.state, 'signed');
    assert.equal(tags['1.0']?.signedDigest, repo.tags['1.0']?.signed?.digest);
    assert.deepEqual(tags['1.0']?.signers, ['alice']);
    assert.equal(tags.latest?.state, 'moved');
    assert.equal(tags.latest?.registryDigest, repo.tags.latest?.registry?.digest);
    assert.equal(tags['0.9']?.state, 'unsigned');
    assert.deepEqual(
      result.signers.map((s) => s.name),
      ['alice'],
    );
    assert.deepEqual(
      result.administrativeKeys.map((k) => k.name),
      ['Root', 'Repository'],
    );
    assert.equal(
      result.administrativeKeys.every((k) => k.keyIds.every((id) => /^[0-9a-f]{64}$/.test(id))),
      true,
    );
    assert.deepEqual(
      result.expiries.slice(0, 3).map((e) => e.role),
      ['root', 'timestamp', 'snapshot'],
    );
    assert.equal(statuses.at(-1)?.inFlight, 0);
    assert.equal(Math.max(...statuses.map((s) => s.inFlight)) > 0, true);
  });

  test('when ns/hello-world expands → latest and 3.6 signed by the repository admin (top-level targets)', async () => {
    const repo = labRepository(lab, 'ns/hello-world');
    const result = ok(await setup().service.signedTags(repo.gun, labSettings(lab)));
    assert.deepEqual(
      result.tags.map((t) => [t.tag, t.state, t.signers.length, t.signedDigest]),
      [
        ['3.6', 'signed', 0, repo.tags['3.6']?.signed?.digest],
        ['latest', 'signed', 0, repo.tags.latest?.signed?.digest],
      ],
    );
    assert.deepEqual(result.signers, []);
  });

  test('when the repository was never signed → failed with no-trust-data and no status error', async () => {
    const repo = labRepository(lab, 'ns/unsigned');
    const { service, statuses } = setup();
    const result = await service.signedTags(repo.gun, labSettings(lab));
    assert.equal(result.kind, 'failed');
    assert.equal(result.kind === 'failed' ? result.failure.reason : '', 'no-trust-data');
    assert.equal(result.kind === 'failed' ? result.failure.code : '', 'NO_TRUST_DATA');
    assert.equal(
      statuses.some((s) => s.lastError !== undefined),
      false,
    );
  });

  test('when the trust server is unreachable → failed as unavailable, with the registry host for Set trust server…', async () => {
    const repo = labRepository(lab, 'ns/signed');
    const { service, statuses } = setup();
    const settings = labSettings(lab);
    const broken = {
      ...settings,
      trust: { ...settings.trust, servers: { [lab.registries.http.host]: 'https://127.0.0.1:9' } },
    };
    const result = await service.signedTags(repo.gun, broken);
    assert.equal(result.kind === 'failed' ? result.failure.reason : result.kind, 'unavailable');
    assert.equal(result.kind === 'failed' ? result.failure.host : '', lab.registries.http.host);
    assert.match(statuses.at(-1)?.lastError?.message ?? '', /ns\/signed/);
  });

  test('when the workspace is untrusted → nothing is fetched and no engine is even created', async () => {
    const repo = labRepository(lab, 'ns/signed');
    const { service } = setup(() => assert.fail('an engine was created in an untrusted workspace'));
    const result = await service.signedTags(repo.gun, labSettings(lab, { workspaceTrusted: false }));
    assert.equal(result.kind === 'failed' ? result.failure.reason : result.kind, 'untrusted-workspace');
    const inspect = await service.inspect(repo.gun, 'pretty', labSettings(lab, { workspaceTrusted: false }));
    assert.equal(inspect.kind === 'failed' ? inspect.failure.reason : inspect.kind, 'untrusted-workspace');
  });

  test('when inspecting hello-world → the --pretty layout with (Repo Admin) rows and the JSON variant', async () => {
    const repo = labRepository(lab, 'ns/hello-world');
    const { service } = setup();
    const pretty = await service.inspect(repo.gun, 'pretty', labSettings(lab));
    assert.equal(pretty.kind, 'ok');
    const text = pretty.kind === 'ok' ? pretty.text : '';
    const hex = (tag: string): string => (repo.tags[tag]?.signed?.digest ?? '').replace('sha256:', '');
    assert.equal(text.startsWith(`\nSignatures for ${repo.gun}\n\nSIGNED TAG   DIGEST`), true);
    assert.match(text, new RegExp(`\n3\\.6 +${hex('3.6')}   \\(Repo Admin\\)\n`));
    assert.match(
      text,
      /\nAdministrative keys for .*\n\n {2}Repository Key:\t[0-9a-f]{64}\n {2}Root Key:\t[0-9a-f]{64}\n$/,
    );
    const json = await service.inspect(`${repo.gun}:latest`, 'json', labSettings(lab));
    const parsed: unknown = JSON.parse(json.kind === 'ok' ? json.text : 'null');
    assert.deepEqual(
      (parsed as Array<{ Name: string; SignedTags: unknown[] }>).map((m) => [m.Name, m.SignedTags]),
      [[`${repo.gun}:latest`, [{ SignedTag: 'latest', Digest: hex('latest'), Signers: ['Repo Admin'] }]]],
    );
  });
});
