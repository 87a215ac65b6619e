// How the trust service schedules lookups against the lab: one bound per host (a Notary server's
// resolutions and the registry's digest requests never share one), and the targets a check computed
// serve only the validation right after it. The wrapper around the real backend only holds and counts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HostLimiters } from '../../server/src/trustService/hostLimiters';
import {
  createNetworkBackend,
  type NetworkBackendOptions,
} from '../../server/src/trustService/networkBackend';
import type { TrustBackend } from '../../server/src/trustService/repositoryAnswer';
import { TrustService, type TrustRunOptions } from '../../server/src/trustService/trustService';
import { PolicyIndex } from '../../server/src/workspace/policyIndex';
import { parseYamlFile } from '../../server/src/yaml/yamlFile';
import { DEFAULT_TRUST_SETTINGS } from '../../shared/trustSettings';
import { useLab, type LabState } from '../helpers/lab';
import { imagePolicyYaml, podYaml } from '../helpers/trustLab';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HostLimiters', () => {
  test('when two hosts each queue 3 tasks with 2 per host → 2 run per host at once (4 in all), all finish', async () => {
    const limiters = new HostLimiters(2);
    const gate = deferred();
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const signal = new AbortController().signal;
    const runs = ['a:1', 'A:1', 'a:1', 'b', 'b', 'b'].map((host, i) =>
      limiters.for(host).run(async () => {
        const key = host.toLowerCase();
        active.set(key, (active.get(key) ?? 0) + 1);
        peak.set(key, Math.max(peak.get(key) ?? 0, active.get(key) ?? 0));
        await gate.promise;
        active.set(key, (active.get(key) ?? 0) - 1);
        return i;
      }, signal),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([...active.entries()].sort(), [
      ['a:1', 2],
      ['b', 2],
    ]);
    gate.resolve();
    assert.deepEqual(await Promise.all(runs), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual([...peak.entries()].sort(), [
      ['a:1', 2],
      ['b', 2],
    ]);
  });
});

describe('TrustService scheduling against the lab', () => {
  let lab: LabState;
  let reg: string;
  before(
    async () => {
      lab = await useLab();
      reg = lab.registries.http.host;
    },
    { timeout: 180_000 },
  );

  function runOptions(): TrustRunOptions {
    return {
      defaultNamespace: 'default',
      workspaceTrusted: true,
      trust: {
        ...DEFAULT_TRUST_SETTINGS,
        caFiles: { [new URL(lab.notary.url).host]: lab.caPath },
        insecureHosts: [reg],
      },
    };
  }

  test('when a file names 12 repositories of one registry → at most 4 lookups at once on the notary, the registry digests beside them', async () => {
    const gate = deferred();
    const now = { repository: 0, registry: 0 };
    const peak = { repository: 0, registry: 0 };
    const held =
      (kind: 'repository' | 'registry') =>
      async <T>(call: () => Promise<T>) => {
        now[kind]++;
        peak[kind] = Math.max(peak[kind], now[kind]);
        try {
          await gate.promise;
          return await call();
        } finally {
          now[kind]--;
        }
      };
    const holding = (options: NetworkBackendOptions): TrustBackend => {
      const real = createNetworkBackend(options);
      return {
        repository: (gun, server, signal) => held('repository')(() => real.repository(gun, server, signal)),
        registryDigest: (host, path, tag, signal) =>
          held('registry')(() => real.registryDigest(host, path, tag, signal)),
        close: () => real.close(),
      };
    };
    const index = new PolicyIndex();
    index.update(
      parseYamlFile(
        'file:///ws/policy.yaml',
        1,
        imagePolicyYaml('default', [{ name: `${reg}/sched/*`, trustServer: lab.notary.url }]),
      ),
    );
    const service = new TrustService(index, { createBackend: holding });
    const images = Array.from({ length: 12 }, (_, i) => `${reg}/sched/r${i}:1.0`);
    const file = parseYamlFile('file:///ws/pod.yaml', 1, podYaml('default', images));
    const checking = service.check(file, runOptions(), new AbortController().signal);
    // Wait (with a deadline) until both limits are full: 4 + 4 of 12 + 12 lookups held.
    const deadline = Date.now() + 10_000;
    while (now.repository + now.registry < 8 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(now, { repository: 4, registry: 4 });
    gate.resolve();
    assert.equal(await checking, true);
    assert.deepEqual(peak, { repository: 4, registry: 4 });
    // Every image has its answer: the lab has no trust data for these repositories.
    const codes = service.findings(file, runOptions()).map((f) => f.code);
    assert.deepEqual(
      codes,
      Array.from({ length: 12 }, () => 'trust-no-data'),
    );
    await service.close();
  });

  test('when a policy changes after the validation that followed a check → the next validation judges by the new policy', async () => {
    const index = new PolicyIndex();
    const policy = (entries: Parameters<typeof imagePolicyYaml>[1], version: number) =>
      index.update(parseYamlFile('file:///ws/policy.yaml', version, imagePolicyYaml('default', entries)));
    policy([{ name: `${reg}/ns/*`, trustServer: lab.notary.url }], 1);
    const service = new TrustService(index);
    const run = runOptions();
    const file = parseYamlFile('file:///ws/pod.yaml', 1, podYaml('default', [`${reg}/ns/unsigned:latest`]));
    // The editor's order: lookups first, then the validation of the same version (which reuses the targets).
    assert.equal(await service.check(file, run, new AbortController().signal), true);
    assert.deepEqual(
      service.findings(file, run).map((f) => [f.code, f.severity]),
      [['trust-no-data', 'error']],
    );
    // Trust no longer required for these images: same text, so only a fresh prediction can tell.
    policy([{ name: `${reg}/ns/*`, trust: false, trustServer: lab.notary.url }], 2);
    assert.deepEqual(
      service.findings(file, run).map((f) => [f.code, f.severity]),
      [['trust-no-data', 'information']],
    );
    await service.close();
  });
});
